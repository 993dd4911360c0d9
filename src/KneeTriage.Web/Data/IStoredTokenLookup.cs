namespace KneeTriage.Web.Data;

/// <summary>
/// "Is a result with exactly this token still stored, and what does its series look like?", asked
/// on every result-page view: each provider answers it its cheapest way (decisions 0007 and 0017).
/// Only <see cref="AssessmentStore"/> uses it.
/// </summary>
internal interface IStoredTokenLookup
{
    /// <summary>The series of the result with exactly this token, or null when no such result is stored.</summary>
    ValueTask<SeriesState?> SeriesStateAsync(string token, CancellationToken cancellationToken);
}
