namespace KneeTriage.Triage.Engine.Progress;

/// <summary>
/// When the return-to-running plan is offered: only with a self-care result, no warning sign and no
/// line that tells the runner not to run. A plan to run again beside a warning sign would read as
/// leave to run, whatever the urgency says; beside "do not run" (a ligament card) it contradicts it.
/// </summary>
public static class ReturnToRunningOffer
{
    public static bool IsOfferedFor(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return IsOfferedFor(assessment.Urgency, assessment.RedFlags.Count, assessment.Advice.ToldNotToRun);
    }

    /// <summary>
    /// For a stored result, which keeps its urgency, its warning signs and its advice's words but not
    /// the assessment (<see cref="Knowledge.KnowledgeBase.TellsNotToRun"/> reads the words).
    /// </summary>
    public static bool IsOfferedFor(Urgency urgency, int warningSignCount, bool toldNotToRun) =>
        urgency == Urgency.SelfCare && warningSignCount == 0 && !toldNotToRun;
}
