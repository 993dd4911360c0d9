namespace KneeTriage.Triage.Engine;

/// <summary>The four urgency levels of the triage contract, lowest first so they compare by order.</summary>
public enum Urgency
{
    SelfCare = 0,
    SeeClinician = 1,
    Urgent = 2,
    Emergency = 3,
}

public static class UrgencyIds
{
    public static string ToContractId(this Urgency urgency) => urgency switch
    {
        Urgency.SelfCare => "self-care",
        Urgency.SeeClinician => "see-clinician",
        Urgency.Urgent => "urgent",
        Urgency.Emergency => "emergency",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency level."),
    };

    public static bool TryParse(string? id, out Urgency urgency)
    {
        switch (id)
        {
            case "self-care": urgency = Urgency.SelfCare; return true;
            case "see-clinician": urgency = Urgency.SeeClinician; return true;
            case "urgent": urgency = Urgency.Urgent; return true;
            case "emergency": urgency = Urgency.Emergency; return true;
            default: urgency = default; return false;
        }
    }
}
