using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Boards;

/// <summary>How an athlete's latest check compares with the one before it.</summary>
public enum CheckTrend
{
    Better,
    Same,
    Worse,
}

/// <summary>
/// PLACEHOLDER until the Triage project's CheckComparison (branch progress-pieces) lands on main:
/// a higher urgency is worse, a lower one better; at the same urgency, more pain is worse. Replace
/// with CheckComparison's Trend after merging main.
/// </summary>
public static class BoardTrend
{
    public static CheckTrend Between(BoardCheck earlier, BoardCheck later)
    {
        var byUrgency = later.Urgency.CompareTo(earlier.Urgency);
        var comparison = byUrgency != 0 ? byUrgency : Nullable.Compare(later.PainSeverity, earlier.PainSeverity);
        return comparison switch
        {
            > 0 => CheckTrend.Worse,
            < 0 => CheckTrend.Better,
            _ => CheckTrend.Same,
        };
    }
}
