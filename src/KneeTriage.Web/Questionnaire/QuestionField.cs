using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Web.Questionnaire;

/// <summary>What the form needs to draw one question: the question, the values to show, and any error messages.</summary>
public sealed record QuestionField(Question Question, IReadOnlyList<string> Values, IReadOnlyList<string> Errors)
{
    /// <summary>The id of the first input, which the error summary links to.</summary>
    public string InputId => Question.Id;

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

    public bool IsChecked(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The first option's input carries the question id; the rest add their value.</summary>
    public string OptionInputId(int optionIndex, string value) => optionIndex == 0 ? Question.Id : $"{Question.Id}-{value}";

    /// <summary>
    /// An option's own hint, named by its value even for the first option: the first option's input
    /// carries the question id, so "{input}-hint" would repeat the question's hint id.
    /// </summary>
    public string OptionHintId(string value) => $"{Question.Id}-{value}-hint";

    public string? DescribedBy =>
        string.Join(' ', new[] { Question.Help is { Length: > 0 } ? HintId : null, HasError ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;
}
