using System.Globalization;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>The progress chart's words: its dates and the description a screen reader reads instead of the drawing.</summary>
public static class ProgressChartWords
{
    /// <summary>
    /// "3 Dec 2026": day, month name and year cannot be read two ways. In UTC, as stored; the time is
    /// added only when another check falls on the same day, so two checks never look alike.
    /// </summary>
    public static string Date(IReadOnlyList<SeriesPoint> points, int index)
    {
        ArgumentNullException.ThrowIfNull(points);
        var at = points[index].CreatedAt.UtcDateTime;
        var date = at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var sameDay = points.Where((p, i) => i != index && p.CreatedAt.UtcDateTime.Date == at.Date).Any();
        return sameDay ? $"{date}, {at.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC" : date;
    }

    /// <summary>The series in words: how many checks over what time, pain and urgency first and latest, and the latest trend.</summary>
    public static string Describe(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return string.Empty;
        }

        var first = points[0];
        var last = points[^1];
        var trend = TrendWords(CheckComparison.TrendOfSeries([.. points.Select(p => p.Point)]));
        var count = points.Count.ToString(CultureInfo.InvariantCulture);
        return $"{count} checks from {Date(points, 0)} to {Date(points, points.Count - 1)}. "
            + $"Pain {Pain(first.PainSeverity)} at the first check and {Pain(last.PainSeverity)} at the latest. "
            + (points.Any(p => p.PainNextMorning is not null) ? $"Pain the morning after a run {Score(first, first.PainNextMorning)} at the first check and {Score(last, last.PainNextMorning)} at the latest. " : string.Empty)
            + (points.Any(p => p.ActivitiesMean is not null) ? $"Your activities' average score {Score(first, first.ActivitiesMean)} at the first check and {Score(last, last.ActivitiesMean)} at the latest (higher is better). " : string.Empty)
            + $"Urgency {UrgencyWords.Short(first.Urgency)} at the first check and {UrgencyWords.Short(last.Urgency)} at the latest. "
            + $"The latest check is {trend} the one before.";
    }

    /// <summary>
    /// The trend as the result, the chart and the board say it (contract v1.2: "better", "about the
    /// same" or "worse"; a change counts at 2 points on any measure).
    /// </summary>
    public static string TrendWords(Trend? trend) => trend switch
    {
        Trend.Better => "better than",
        Trend.Worse => "worse than",
        _ => "about the same as",
    };

    /// <summary>A score left blank, in the words of the result's answers (<see cref="AnswerDescriptions.NotAnswered"/>) inside a sentence.</summary>
    private static readonly string NotAnswered = AnswerDescriptions.NotAnswered.ToLowerInvariant();

    /// <summary>A score left blank, in the words of the result's answers (<see cref="AnswerDescriptions.NotAsked"/>) inside a sentence.</summary>
    private static readonly string NotAsked = AnswerDescriptions.NotAsked.ToLowerInvariant();

    /// <summary>A mean of activities' scores: "6.5/10", or "not answered".</summary>
    public static string Mean(decimal? mean) => mean is { } m ? $"{CheckChangeText.Mean(m)}/10" : NotAnswered;

    /// <summary>
    /// A blank progress score (pain-next-morning, the activities) in the table: "Not asked" on a
    /// check made before contract v1.2 asked them, "Not answered" on one that asked and was left blank.
    /// </summary>
    public static string Blank(SeriesPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.ProgressQuestionsAsked ? AnswerDescriptions.NotAnswered : AnswerDescriptions.NotAsked;
    }

    /// <summary>A progress score inside a sentence: "3/10", "6.5/10", "not answered" or "not asked".</summary>
    private static string Score(SeriesPoint point, decimal? score) =>
        score is { } s ? $"{CheckChangeText.Mean(s)}/10" : point.ProgressQuestionsAsked ? NotAnswered : NotAsked;

    private static string Pain(int? pain) => pain is { } p ? $"{p.ToString(CultureInfo.InvariantCulture)}/10" : NotAnswered;
}
