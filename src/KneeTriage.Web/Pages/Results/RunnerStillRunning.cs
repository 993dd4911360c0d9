using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// Whether the runner has kept running (contract v1.2 <c>run-pattern</c> answered with anything but
/// <c>not-running</c>), so the plan offers load management by the pain rule instead of the walk-run
/// phases (issue #24). A stored result keeps the answer's words, not its value, so the words are
/// matched against the options that mean "still running"; an unanswered question, a result stored
/// before v1.2, or words that no longer match any option get the walk-run phases, the cautious plan.
/// </summary>
public static class RunnerStillRunning
{
    public const string QuestionId = "run-pattern";

    public const string StoppedValue = "not-running";

    public static bool Of(StoredResult result, KnowledgeBase knowledgeBase)
    {
        var answer = result.Answers.FirstOrDefault(a => a.QuestionId == QuestionId)?.Answer;
        var stillRunningLabels = knowledgeBase.FindQuestion(QuestionId)?.Options
            .Where(o => o.Value != StoppedValue)
            .Select(o => o.Label) ?? [];
        return answer is not null && stillRunningLabels.Contains(answer, StringComparer.Ordinal);
    }
}
