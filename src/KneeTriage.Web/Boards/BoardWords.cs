using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Web.Boards;

/// <summary>The words a board's list uses for trend (urgency uses the progress chart's UrgencyWords.Short, always beside the colour).</summary>
public static class BoardWords
{
    public static string ForTrend(Trend? trend) => trend switch
    {
        Trend.Better => "Better",
        Trend.Worse => "Worse",
        Trend.Same => "About the same",
        _ => "First check",
    };
}
