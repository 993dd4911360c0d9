using System.Text.Encodings.Web;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Html;

namespace KneeTriage.Web.Questionnaire;

/// <summary>What the form needs to draw one question: the question, the values to show, and any error messages.</summary>
public sealed record QuestionField(Question Question, IReadOnlyList<string> Values, IReadOnlyList<string> Errors)
{
    /// <summary>A warning question: Yes / No / Not sure, or "None of these" and "Not sure" beside the boxes.</summary>
    public bool IsWarning { get; init; }

    /// <summary>The yes/no parts shown in place of the question, when it has parts.</summary>
    public IReadOnlyList<PartField> Parts { get; init; } = [];

    /// <summary>
    /// For a question shown only once another answer on this step gives a sign (bladder-or-saddle
    /// after back pain): the fields whose "yes" (or any real box) reveals it. check.js hides it until
    /// then; without script it always shows, and the server asks it only when the answers call for it.
    /// </summary>
    public string? RevealWhenSigns { get; init; }

    /// <summary>"Check again": the earlier answer as a hint, never filled in.</summary>
    public string? LastTime { get; init; }

    /// <summary>The rows of an activities question (contract v1.2); empty for any other question.</summary>
    public IReadOnlyList<ActivityRow> Activities { get; init; } = [];

    /// <summary>The viewer's units (<see cref="ViewerBodyUnits"/>): a height or weight is asked in feet and inches, or pounds, for some.</summary>
    public BodyUnits Units { get; init; }

    /// <summary>A height or weight asked in feet and inches, or pounds, in place of the knowledge base's cm or kg.</summary>
    public bool AsksFeetInchesPounds => Units == BodyUnits.FeetInchesPounds && MeasuredFields.IsMeasured(Question);

    /// <summary>What the feet, inches or pounds fields show, by field name (<see cref="MeasuredFields.Shown"/>).</summary>
    public IReadOnlyDictionary<string, string> MeasuredValues { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The id of the first input, which the error summary links to.</summary>
    public string InputId =>
        Question.Type == QuestionType.Activities ? ActivityFields.Name(1)
        : Parts.Count > 0 ? Parts[0].Part.Id
        : MeasuredFields.FirstFieldId(Question, Units);

    /// <summary>The unit beside a number field, its id named by <see cref="DescribedBy"/> so a screen reader says it with the question.</summary>
    public string UnitId => $"{Question.Id}-unit";

    public string HintId => $"{Question.Id}-hint";

    public string ErrorId => $"{Question.Id}-error";

    public bool HasError => Errors.Count > 0;

    /// <summary>
    /// For a follow-up asked only when another question has any box ticked (swelling-onset after
    /// swelling), that question's id: check.js hides the follow-up until a box is ticked. Without
    /// script it always shows, with its help saying when to answer it.
    /// </summary>
    public string? RevealWhenAnyTicked =>
        Question.OnlyWhen?.When is CountAtLeastCriterion { Minimum: 1 } criterion ? criterion.QuestionId : null;

    /// <summary>
    /// The data-reveal attributes check.js reads, only where they have a value: Razor writes a
    /// data- attribute even when its value is null, and an empty one on every question made the
    /// script visit every group at load.
    /// </summary>
    public IHtmlContent RevealAttributes => new HtmlString(
        (RevealWhenAnyTicked is { } any ? $" data-reveal-when-any=\"{HtmlEncoder.Default.Encode(any)}\"" : "") +
        (RevealWhenSigns is { } signs ? $" data-reveal-when-signs=\"{HtmlEncoder.Default.Encode(signs)}\"" : ""));

    /// <summary>Whether the page needs check.js for this field: a reveal, or the knee diagram.</summary>
    public bool NeedsScript => RevealWhenAnyTicked is not null || RevealWhenSigns is not null || Question.Id == "pain-location";

    /// <summary>The choices the form offers: Yes / No (/ Not sure), or the options (then "None of these" and "Not sure").</summary>
    public IReadOnlyList<AnswerOption> Choices => Question.Type == QuestionType.Boolean
        ? YesNo(IsWarning)
        : [.. Question.Options, .. IsWarning && Question.Type == QuestionType.Many ? ManyExtras : [], .. NoneFitsChoice];

    private IEnumerable<AnswerOption> NoneFitsChoice =>
        Question.NoneFits is { } label ? [new AnswerOption { Value = FormAnswers.NoneOfThese, Label = label }] : [];

    public static IReadOnlyList<AnswerOption> YesNo(bool offersNotSure) =>
        offersNotSure
            ? [new() { Value = FormAnswers.Yes, Label = "Yes" }, new() { Value = FormAnswers.No, Label = "No" }, new() { Value = FormAnswers.NotSure, Label = "Not sure" }]
            : [new() { Value = FormAnswers.Yes, Label = "Yes" }, new() { Value = FormAnswers.No, Label = "No" }];

    private static readonly AnswerOption[] ManyExtras =
    [
        new() { Value = FormAnswers.NoneOfThese, Label = "None of these" },
        new() { Value = FormAnswers.NotSure, Label = "Not sure", Help = AnswerDescriptions.NotSureTickBoxHint },
    ];

    public bool IsChecked(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The first option's input carries the question id; the rest add their value.</summary>
    public string OptionInputId(int optionIndex, string value) => optionIndex == 0 ? Question.Id : $"{Question.Id}-{value}";

    /// <summary>
    /// An option's own hint, named by its value even for the first option: the first option's input
    /// carries the question id, so "{input}-hint" would repeat the question's hint id.
    /// </summary>
    public string OptionHintId(string value) => $"{Question.Id}-{value}-hint";

    public string? DescribedBy =>
        string.Join(' ', new[] { Question.Help is { Length: > 0 } || LastTime is not null ? HintId : null, HasError ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;

    /// <summary>A number field's description: its unit (the label says only the question) after the hint and any error.</summary>
    public string? NumberDescribedBy =>
        Question.Unit is { Length: > 0 } && !AsksFeetInchesPounds ? string.Join(' ', new[] { DescribedBy, UnitId }.OfType<string>()) : DescribedBy;
}

/// <summary>One yes/no part of a question, drawn as its own fieldset.</summary>
public sealed record PartField(QuestionPart Part, IReadOnlyList<string> Values, IReadOnlyList<string> Errors, bool OffersNotSure, string? LastTime)
{
    public string HintId => $"{Part.Id}-hint";

    public string ErrorId => $"{Part.Id}-error";

    public bool HasError => Errors.Count > 0;

    public IReadOnlyList<AnswerOption> Choices => QuestionField.YesNo(OffersNotSure);

    public bool IsChecked(string value) => Values.Contains(value, StringComparer.Ordinal);

    public string OptionInputId(int optionIndex, string value) => optionIndex == 0 ? Part.Id : $"{Part.Id}-{value}";

    public string? DescribedBy =>
        string.Join(' ', new[] { Part.Help is { Length: > 0 } || LastTime is not null ? HintId : null, HasError ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;
}
