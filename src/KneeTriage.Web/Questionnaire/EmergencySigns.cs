using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Finds emergency warning signs in the answers given so far, using the engine's own warning rules
/// (so the form never keeps a second, drifting copy of them). Warning rules read answers that are
/// absent as "no", so a partial answer set is enough to raise an emergency.
/// </summary>
public sealed class EmergencySigns(TriageEngine engine)
{
    public IReadOnlyList<RedFlag> Find(AnswerSet answersSoFar) =>
        [.. engine.Assess(answersSoFar).RedFlags.Where(flag => flag.Urgency == Urgency.Emergency)];
}
