using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// A result's stored action lines, split for the page (contract v1.2: the disposition is one
/// action). With self-care or a booked appointment, only the first line is the action; the others
/// are advice ("keep the pain at 3 out of 10 or less") and sit with the self-care advice below it,
/// not in the disposition panel. Same-day and emergency lines all say how to act safely now
/// ("do not walk on it"), so they stay with the action.
/// </summary>
public static class DispositionLines
{
    public static IReadOnlyList<string> Action(Disposition disposition, IReadOnlyList<string> lines) =>
        HasAdviceLines(disposition) ? [.. lines.Take(1)] : lines;

    public static IReadOnlyList<string> Advice(Disposition disposition, IReadOnlyList<string> lines) =>
        HasAdviceLines(disposition) ? [.. lines.Skip(1)] : [];

    private static bool HasAdviceLines(Disposition disposition) => disposition <= Disposition.BookAppointment;
}
