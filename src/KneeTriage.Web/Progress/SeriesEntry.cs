using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>
/// One check of a runner's series as the API's <c>series</c> and the progress chart show it: no
/// answers beyond the scores, no warning signs. Read from what was stored, never recomputed.
/// </summary>
public sealed record SeriesEntry
{
    /// <summary>The contract's pain-severity question (0 to 10, worst in the last week).</summary>
    public const string PainSeverityQuestion = "pain-severity";

    /// <summary>The result's share token.</summary>
    public required string Token { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required Urgency Urgency { get; init; }

    /// <summary>Null when the stored answers hold no whole number for it (an older result, or a tampered row).</summary>
    public required int? PainSeverity { get; init; }

    /// <summary>The answer to pain-next-morning (0 to 10), or null when not answered.</summary>
    public int? PainNextMorning { get; init; }

    /// <summary>The mean of the activities' scores (0 to 10, one decimal place), or null when none was scored. Never the activities themselves.</summary>
    public decimal? ActivitiesMean { get; init; }

    /// <summary>
    /// Each activity's score by a hash of its name, so two checks compare only the activities scored
    /// at both; null when none was scored or only the mean is known. Never shown, never in JSON.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ActivityScores { get; init; }

    /// <summary>
    /// False for a check made before contract v1.2, which never asked pain-next-morning or the
    /// activities: their blanks are "Not asked" there, "Not answered" on a later check. A summary
    /// written before it was kept says nothing and reads as asked (results stored before summaries
    /// read their JSON, which says).
    /// </summary>
    public bool ProgressQuestionsAsked { get; init; } = true;

    /// <summary>The check as the trend rule reads it (contract v1.2 "Measured progress").</summary>
    public ProgressPoint Point => new(Urgency, PainSeverity, PainNextMorning, ActivitiesMean) { ActivityScores = ActivityScores };

    /// <summary>The most likely cause's condition id, or null when none was listed.</summary>
    public required string? TopCause { get; init; }

    /// <summary>Its name as the result showed it, or null with <see cref="TopCause"/>.</summary>
    public required string? TopCauseName { get; init; }

    /// <summary>Its band as stored (v1.2); null for a result stored earlier, or with no cause.</summary>
    public CauseBand? TopCauseBand { get; init; }

    /// <summary>The first cause as pages show it: with its band, never a percentage.</summary>
    public string TopCauseWords => Pages.Results.CauseBandWords.FirstCause(TopCauseName, TopCauseBand);

    /// <summary>A stored result, read from its summary when it has one (decision 0031).</summary>
    public static SeriesEntry From(StoredAssessment record)
    {
        if (record.Summary is not { } summary)
        {
            return From(record, StoredResultJson.Deserialize(record.ResultJson));
        }

        var read = SeriesSummary.Read(summary);
        // A summary written before the activities were kept by key: the record's answers have them.
        return read is { ActivitiesMean: not null, ActivityScores: null }
            ? From(record.Token, record.CreatedAt, record.Urgency, read with { ActivityScores = SharedActivities.ScoresOf(AnswersJson.Deserialize(record.AnswersJson).Activities(CheckComparison.ActivitiesQuestion)) })
            : From(record.Token, record.CreatedAt, record.Urgency, read);
    }

    /// <summary>A listed result: its summary, or for one stored before summaries its full JSON.</summary>
    public static SeriesEntry From(ListedAssessment listed) =>
        listed.Summary is { } summary
            ? From(listed.Token, listed.CreatedAt, listed.Urgency, SeriesSummary.Read(summary))
            : From(
                listed.Token,
                listed.CreatedAt,
                listed.Urgency,
                SeriesSummary.Read(SeriesSummary.Of(
                    CompressedText.Read(listed.ResultJson ?? throw new InvalidOperationException("A result without a summary was listed without its JSON.")),
                    CompressedText.Read(listed.AnswersJson ?? "{}")) ?? throw new System.Text.Json.JsonException("A stored result does not read.")));

    private static SeriesEntry From(string token, DateTime createdAt, Urgency urgency, SeriesSummary summary) => new()
    {
        Token = token,
        CreatedAt = createdAt,
        Urgency = urgency,
        PainSeverity = summary.PainSeverity,
        PainNextMorning = summary.PainNextMorning,
        ActivitiesMean = summary.ActivitiesMean,
        ActivityScores = summary.ActivityScores,
        ProgressQuestionsAsked = summary.MadeBeforeProgressQuestions != true,
        TopCause = summary.TopCause,
        TopCauseName = summary.TopCauseName,
        TopCauseBand = summary.TopCauseBand,
    };

    /// <summary>For a result just computed: <paramref name="result"/> is what the record holds as JSON.</summary>
    public static SeriesEntry From(StoredAssessment record, StoredResult result) => From(record, result, AnswersJson.Deserialize(record.AnswersJson));

    private static SeriesEntry From(StoredAssessment record, StoredResult result, AnswerSet answers) => new()
    {
        ActivityScores = SharedActivities.ScoresOf(answers.Activities(CheckComparison.ActivitiesQuestion)),
        ProgressQuestionsAsked = result.ContractVersion is not null,
        Token = record.Token,
        CreatedAt = record.CreatedAt,
        Urgency = record.Urgency,
        PainSeverity = answers.Integer(PainSeverityQuestion),
        PainNextMorning = answers.Integer(CheckComparison.PainNextMorningQuestion),
        ActivitiesMean = answers.Activities(CheckComparison.ActivitiesQuestion) is { Count: > 0 } activities ? ActivitiesAnswer.MeanOf(activities.Select(a => a.Score)) : null,
        TopCause = result.LikelyCauses is [var top, ..] ? top.Id : null,
        TopCauseName = result.LikelyCauses is [var first, ..] ? first.Name : null,
        TopCauseBand = result.LikelyCauses is [var leading, ..] ? leading.Band : null,
    };
}
