namespace KneeTriage.Web.Pages.Check;

/// <summary>
/// The activities question's words about its scale, on the form (<c>_ActivitiesField</c>): which end
/// is good. The pain questions on the same step score the other way (0 is no pain, 10 the worst), so
/// the result's "higher is better" came too late for a runner who had carried the pain scale over.
/// </summary>
public static class ActivityScoreWords
{
    public const string HigherIsBetter = "Here a higher score is better: 10 means as well as before. This is the other way round from the pain scores.";

    public const string ScoreLabel = "Score now (0 = unable, 10 = as well as before)";
}
