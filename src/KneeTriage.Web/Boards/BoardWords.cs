using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Boards;

/// <summary>The words a board's list uses for urgency and trend (always beside the colour, never colour alone).</summary>
public static class BoardWords
{
    public static string Trend(CheckTrend? trend) => trend switch
    {
        CheckTrend.Better => "Better",
        CheckTrend.Worse => "Worse",
        CheckTrend.Same => "About the same",
        _ => "First check",
    };

    /// <summary>Short urgency words for a board's list; the result page says the rest.</summary>
    public static string Level(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency",
        Urgency.Urgent => "Urgent: today",
        Urgency.SeeClinician => "See a clinician",
        _ => "Self-care",
    };
}
