using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Web.Boards;

/// <summary>The words a board's list uses for urgency and trend (always beside the colour, never colour alone).</summary>
public static class BoardWords
{
    public static string ForTrend(Trend? trend) => trend switch
    {
        Trend.Better => "Better",
        Trend.Worse => "Worse",
        Trend.Same => "About the same",
        _ => "First check",
    };

    /// <summary>The same short urgency words as the progress chart; the result page says the rest.</summary>
    public static string ForUrgency(Urgency urgency) => UrgencyWords.Short(urgency);
}
