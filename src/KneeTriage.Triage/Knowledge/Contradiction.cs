using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Answers that cannot all be true for one runner (e.g. "I have no pain" with a severity of 3). When
/// <see cref="When"/> holds, the validator rejects the answer set with <see cref="Message"/> under
/// every one of <see cref="QuestionIds"/>, so the runner can fix whichever answer is wrong.
/// </summary>
public sealed partial record Contradiction
{
    public required string Id { get; init; }

    /// <summary>The questions involved, as listed in the file; the message is reported under each.</summary>
    public required IReadOnlyList<string> QuestionIds { get; init; }

    /// <summary>Holds when the answers contradict each other.</summary>
    public required AnswerCriterion When { get; init; }

    /// <summary>Plain words naming the answers; <c>{question-id}</c> stands for the answer given to that question.</summary>
    public required string Message { get; init; }

    /// <summary>A placeholder in <see cref="Message"/>: a question id in braces.</summary>
    [GeneratedRegex(@"\{([^{}]*)\}")]
    internal static partial Regex Placeholder();
}
