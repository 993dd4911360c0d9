using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The board's one line for a coach: "12 sharing · 1 needs a clinician today · 3 not checked for
/// 14 days". Each part counts athletes by their latest check; a part with nobody in it is left out,
/// except how many are sharing. Urgency parts use the contract's meaning of each level.
/// </summary>
public static class SquadSummary
{
    /// <summary>An athlete whose latest check is this old or older has "not checked for 14 days".</summary>
    public const int NotCheckedForDays = 14;

    public static string For(IReadOnlyList<BoardAthlete> athletes, DateTime nowUtc)
    {
        int Count(Urgency urgency) => athletes.Count(a => a.Latest.Urgency == urgency);
        var stale = athletes.Count(a => nowUtc - a.Latest.CreatedAt >= TimeSpan.FromDays(NotCheckedForDays));
        var parts = new List<string> { $"{athletes.Count} sharing" };
        AddIfAny(parts, Count(Urgency.Emergency), "needs emergency care now", "need emergency care now");
        AddIfAny(parts, Count(Urgency.Urgent), "needs a clinician today", "need a clinician today");
        AddIfAny(parts, Count(Urgency.SeeClinician), "should see a clinician in the coming days", "should see a clinician in the coming days");
        AddIfAny(parts, stale, $"not checked for {NotCheckedForDays} days", $"not checked for {NotCheckedForDays} days");
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// The next instant the line reads differently with nothing stored changing: an athlete's latest
    /// check reaching <see cref="NotCheckedForDays"/> days. Null when nobody will.
    /// </summary>
    public static DateTime? ChangesAt(IReadOnlyList<BoardAthlete> athletes, DateTime nowUtc)
    {
        DateTime? next = null;
        foreach (var athlete in athletes)
        {
            var staleAt = athlete.Latest.CreatedAt + TimeSpan.FromDays(NotCheckedForDays);
            if (staleAt > nowUtc && (next is null || staleAt < next))
            {
                next = staleAt;
            }
        }

        return next;
    }

    private static void AddIfAny(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? one : many)}");
        }
    }
}
