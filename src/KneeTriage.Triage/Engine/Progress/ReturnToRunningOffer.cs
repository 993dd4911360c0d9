namespace KneeTriage.Triage.Engine.Progress;

/// <summary>
/// When the return-to-running plan is offered: only with a self-care result and no warning sign.
/// A plan to run again beside a warning sign would read as leave to run, whatever the urgency says.
/// </summary>
public static class ReturnToRunningOffer
{
    public static bool IsOfferedFor(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return IsOfferedFor(assessment.Urgency, assessment.RedFlags.Count);
    }

    /// <summary>For a stored result, which keeps its urgency and its warning signs but not the assessment.</summary>
    public static bool IsOfferedFor(Urgency urgency, int warningSignCount) =>
        urgency == Urgency.SelfCare && warningSignCount == 0;
}
