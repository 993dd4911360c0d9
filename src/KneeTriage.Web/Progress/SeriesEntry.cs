using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>
/// One check of a runner's series as the API's <c>series</c> and the progress chart show it: no
/// answers beyond the pain score, no warning signs. Read from what was stored, never recomputed.
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

    /// <summary>The most likely cause's condition id, or null when none was listed.</summary>
    public required string? TopCause { get; init; }

    /// <summary>Its name as the result showed it, or null with <see cref="TopCause"/>.</summary>
    public required string? TopCauseName { get; init; }

    /// <summary>Its band as stored (v1.2); null for a result stored earlier, or with no cause.</summary>
    public CauseBand? TopCauseBand { get; init; }

    /// <summary>The first cause as pages show it: with its band, never a percentage.</summary>
    public string TopCauseWords => ResultPage.CauseBandWords.FirstCause(TopCauseName, TopCauseBand);

    public static SeriesEntry From(StoredAssessment record) => From(record, StoredResultJson.Deserialize(record.ResultJson));

    /// <summary>For a result just computed: <paramref name="result"/> is what the record holds as JSON.</summary>
    public static SeriesEntry From(StoredAssessment record, StoredResult result) => new()
    {
        Token = record.Token,
        CreatedAt = record.CreatedAt,
        Urgency = record.Urgency,
        PainSeverity = AnswersJson.Deserialize(record.AnswersJson).Integer(PainSeverityQuestion),
        TopCause = result.LikelyCauses is [var top, ..] ? top.Id : null,
        TopCauseName = result.LikelyCauses is [var first, ..] ? first.Name : null,
        TopCauseBand = result.LikelyCauses is [var leading, ..] ? leading.Band : null,
    };
}
