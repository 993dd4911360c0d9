namespace KneeTriage.Web.Progress;

/// <summary>
/// Questions whose answer is about a stretch of time that has moved on by the next check (contract
/// v1.2): <c>pain-severity</c> is the worst pain "in the last week", <c>pain-next-morning</c> the
/// morning after the last run, and <c>duration</c> how long it has hurt, which grows between checks.
/// Check again leaves them blank: last week's score carried over would read as "about the same"
/// whatever this week was, and last week's duration could keep a longer pain under a rule's line
/// (two weeks, six weeks). Warning questions with a time window (fever "in the last few days",
/// clot risks "in the last 4 weeks") are asked afresh already, as every warning question is.
/// </summary>
public static class TimeBoundQuestions
{
    public static IReadOnlySet<string> Ids { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "pain-severity",
        "pain-next-morning",
        "duration",
    };
}
