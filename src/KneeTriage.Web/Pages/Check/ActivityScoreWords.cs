namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// The activities question's words about its scale, on the form (<c>_ActivitiesField</c>): which end
/// is good. The pain questions on the same step score the other way (0 is no pain, 10 the worst), so
/// the result's "higher is better" came too late for a runner who had carried the pain scale over.
/// </summary>
public static class ActivityScoreWords
{
    public const string HigherIsBetter = "Here a higher score is better: 10 means as well as before. This is the other way round from the pain scores.";

    /// <summary>Short: the score box sits beside the activity on a 375 px phone, and the hint above says the whole scale.</summary>
    public const string ScoreLabel = "Score now (10 = as before)";
}
