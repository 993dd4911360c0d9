namespace KneeTriage.Triage.Engine.Progress;

/// <summary>The urgency levels in a few plain words, for sentences, tables and chart labels.</summary>
public static class UrgencyWords
{
    public static string Short(Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "Self-care",
        Urgency.SeeClinician => "See a clinician",
        Urgency.Urgent => "Urgent",
        Urgency.Emergency => "Emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency level."),
    };
}
