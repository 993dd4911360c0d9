using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Web.Progress;

/// <summary>One check of a runner's series, as the progress chart shows it; oldest first in a series.</summary>
/// <param name="PainSeverity">The contract's <c>pain-severity</c>, 0 to 10; null when not known.</param>
/// <param name="TopCauseWords">The first cause with its band ("None listed" without one), never a percentage.</param>
/// <param name="ResultUrl">The link to that result (a capability link: pass it as the page would show it).</param>
public sealed record SeriesPoint(DateTimeOffset CreatedAt, Urgency Urgency, int? PainSeverity, string TopCauseWords, string ResultUrl)
{
    /// <summary>The contract's <c>pain-next-morning</c>, 0 to 10; null when not answered.</summary>
    public int? PainNextMorning { get; init; }

    /// <summary>The mean of the activities' scores, 0 to 10 (higher is better); null when not answered.</summary>
    public decimal? ActivitiesMean { get; init; }

    /// <summary>Each activity's score by a hash of its name (<see cref="SeriesEntry.ActivityScores"/>), for the trend; never drawn.</summary>
    public IReadOnlyDictionary<string, int>? ActivityScores { get; init; }

    /// <summary>False for a check made before pain-next-morning and the activities were asked (contract v1.2): their blanks read "Not asked".</summary>
    public bool ProgressQuestionsAsked { get; init; } = true;

    /// <summary>The check as the trend rule reads it.</summary>
    public ProgressPoint Point => new(Urgency, PainSeverity, PainNextMorning, ActivitiesMean) { ActivityScores = ActivityScores };
}
