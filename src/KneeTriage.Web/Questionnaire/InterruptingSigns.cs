using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Finds the warning signs that interrupt the check (contract v1.2): emergency and urgent ones, in
/// the answers given so far, using the engine's own warning rules (so the form never keeps a second,
/// drifting copy of them). Warning rules read answers that are absent as "no", so a partial answer
/// set is enough to raise one.
/// </summary>
public sealed class InterruptingSigns(TriageEngine engine)
{
    public IReadOnlyList<RedFlag> Find(AnswerSet answersSoFar, Urgency level) =>
        [.. engine.Assess(answersSoFar).RedFlags.Where(flag => flag.Urgency == level)];

    /// <summary>Every raised sign at <paramref name="level"/> or any interrupting level below it, which reading that level's advice acknowledges.</summary>
    public IEnumerable<string> RaisedUpTo(AnswerSet answersSoFar, Urgency level) =>
        engine.Assess(answersSoFar).RedFlags.Where(flag => flag.Urgency is >= Urgency.Urgent && flag.Urgency <= level).Select(flag => flag.Id);

    /// <summary>The highest level with a raised sign the runner has not yet read the advice for, or null.</summary>
    public Urgency? FirstUnacknowledged(AnswerSet answersSoFar, QuestionnaireDraft draft)
    {
        var unread = engine.Assess(answersSoFar).RedFlags
            .Where(flag => flag.Urgency >= Urgency.Urgent && !draft.AcknowledgedEmergencies.Contains(flag.Id, StringComparer.Ordinal))
            .Select(flag => flag.Urgency)
            .ToList();
        return unread.Count > 0 ? unread.Max() : null;
    }
}
