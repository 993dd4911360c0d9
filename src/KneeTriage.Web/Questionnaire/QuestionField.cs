using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>What the form needs to draw one question: the question, the values to show, and any error messages.</summary>
public sealed record QuestionField(Question Question, IReadOnlyList<string> Values, IReadOnlyList<string> Errors)
{
    /// <summary>The id of the first input, which the error summary links to.</summary>
    public string InputId => Question.Id;

    public string HintId => $"{Question.Id}-hint";

    public string ErrorId => $"{Question.Id}-error";

    public bool HasError => Errors.Count > 0;

    public bool IsChecked(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The first option's input carries the question id; the rest add their value.</summary>
    public string OptionInputId(int optionIndex, string value) => optionIndex == 0 ? Question.Id : $"{Question.Id}-{value}";

    public string? DescribedBy =>
        string.Join(' ', new[] { Question.Help is { Length: > 0 } ? HintId : null, HasError ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids
            ? ids
            : null;
}
