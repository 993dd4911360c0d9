using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Progress;

/// <summary>
/// One check of a series in JSON: no answers but the scores, no warning signs. The assessment
/// body and the coach board's athletes both list these (one type, so one schema in the OpenAPI document).
/// </summary>
public sealed record SeriesEntryBody
{
    /// <summary>The check's share token (its result is at /results/{id}); null on a board the runner did not let open the result.</summary>
    public required string? Id { get; init; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>self-care, see-clinician, urgent or emergency.</summary>
    public required string Urgency { get; init; }
    /// <summary>The answer to pain-severity (0 to 10), or null when the stored answers hold none.</summary>
    public required int? PainSeverity { get; init; }
    /// <summary>The answer to pain-next-morning (0 to 10), or null when not answered.</summary>
    public int? PainNextMorning { get; init; }
    /// <summary>The mean of the activities' scores (0 to 10, one decimal place), or null when not answered; never the activities.</summary>
    public decimal? ActivitiesMean { get; init; }
    /// <summary>The most likely cause's condition id, or null when none was listed.</summary>
    public required string? TopCause { get; init; }

    public static SeriesEntryBody From(SeriesEntry entry) => new()
    {
        Id = entry.Token,
        CreatedAt = entry.CreatedAt,
        Urgency = entry.Urgency.ToContractId(),
        PainSeverity = entry.PainSeverity,
        PainNextMorning = entry.PainNextMorning,
        ActivitiesMean = entry.ActivitiesMean,
        TopCause = entry.TopCause,
    };
}
