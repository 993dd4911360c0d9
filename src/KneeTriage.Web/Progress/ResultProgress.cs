using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Pages.Results;

namespace KneeTriage.Web.Progress;

/// <summary>
/// The progress a result page shows when its series holds two or more checks: every check (for the
/// chart and its table) and, in words, what changed at the latest check since the one before. An
/// older link shows the series as it is now, so a coach never reads a stale picture.
/// </summary>
public sealed record ResultProgress
{
    /// <summary>Oldest first; at least two.</summary>
    public required IReadOnlyList<SeriesEntry> Entries { get; init; }

    /// <summary>The token of the result whose page this is.</summary>
    public required string ThisToken { get; init; }

    /// <summary>The latest check against the one before (CheckComparison: caution first).</summary>
    public required Trend Trend { get; init; }

    /// <summary>Set when the latest check is worse: says so and what to do. Shown first.</summary>
    public required string? GettingWorse { get; init; }

    /// <summary>One plain sentence per change at the latest check.</summary>
    public required IReadOnlyList<string> Changes { get; init; }

    public SeriesEntry Latest => Entries[^1];

    public SeriesEntry Previous => Entries[^2];

    public bool IsLatest => Latest.Token == ThisToken;

    /// <summary>The checks as the progress chart draws them, each linking to its result.</summary>
    public IReadOnlyList<SeriesPoint> Points(ResultLinks links) =>
        [.. Entries.Select(e => new SeriesPoint(new DateTimeOffset(DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc)), e.Urgency, e.PainSeverity, e.TopCauseWords, links.Path(e.Token))
        {
            PainNextMorning = e.PainNextMorning,
            ActivitiesMean = e.ActivitiesMean,
            ActivityScores = e.ActivityScores,
            ProgressQuestionsAsked = e.ProgressQuestionsAsked,
        })];
}
