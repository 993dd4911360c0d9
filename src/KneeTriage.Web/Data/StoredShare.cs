namespace KneeTriage.Web.Data;

/// <summary>
/// One runner's series shown on one board under a display name. It names the series rather than a
/// result, so a later follow-up appears on the board by itself; deleting the board deletes it.
/// </summary>
public sealed class StoredShare
{
    /// <summary>Internal key for the database only; never appears in a URL or a response.</summary>
    public long Id { get; private set; }

    /// <summary>The share id in <c>/api/shares/{shareId}</c>: random, URL-safe, unique.</summary>
    public required string Token { get; init; }

    public long BoardId { get; init; }

    /// <summary>The shared series (<see cref="StoredAssessment.SeriesKey"/>).</summary>
    public required string SeriesKey { get; init; }

    /// <summary>The name the coach sees, 1–40 characters, shown as text.</summary>
    public required string DisplayName { get; init; }

    /// <summary>
    /// The runner let the coach open the full result (causes and answers). False: the board shows
    /// urgency, the flag, the date and the trend only (contract v1.2 "Boards, at every age"). Shares
    /// made before the column existed hold true, as they showed the result when they were made.
    /// Sharing the series again replaces it with the runner's new choice.
    /// </summary>
    public required bool ShowResult { get; set; }

    /// <summary>UTC, whole seconds.</summary>
    public required DateTime CreatedAt { get; init; }
}
