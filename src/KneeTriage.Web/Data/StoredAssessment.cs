using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Data;

/// <summary>
/// One stored symptom-check result. Everything the result page and the API show is in here, so a
/// shared link keeps showing what the runner saw even after the knowledge base changes.
/// </summary>
public sealed class StoredAssessment
{
    /// <summary>Internal key for the database only; never appears in a URL or a response.</summary>
    public long Id { get; private set; }

    /// <summary>The share token: random, URL-safe, unique. See <see cref="ShareToken"/>.</summary>
    public required string Token { get; init; }

    /// <summary>UTC, whole seconds.</summary>
    public required DateTime CreatedAt { get; init; }

    public required string KnowledgeBaseVersion { get; init; }

    /// <summary>The validated answers as a contract-shaped JSON object (question id to value).</summary>
    public required string AnswersJson { get; init; }

    /// <summary>The full computed result (see Results/StoredResult), exactly as it was shown.</summary>
    public required string ResultJson { get; init; }

    /// <summary>Its own column so reports and clean-up can filter without parsing JSON.</summary>
    public required Urgency Urgency { get; init; }

    public required bool SeeClinician { get; init; }

    /// <summary>
    /// Names the runner's series of checks: the first result's token, copied to every follow-up
    /// ("check again"). Never shown or accepted from outside; deleting the first result leaves the
    /// rest of the series together.
    /// </summary>
    public required string SeriesKey { get; init; }

    /// <summary>SHA-256 of the delete key; the key itself is never stored.</summary>
    public required byte[] DeleteKeyHash { get; init; }

    /// <summary>
    /// What lists show of the result besides its own columns (Progress/SeriesSummary as JSON), written
    /// with it and never changed; null for a result stored before it existed, which lists read from
    /// the full JSON instead (decision 0031).
    /// </summary>
    public string? Summary { get; init; }
}
