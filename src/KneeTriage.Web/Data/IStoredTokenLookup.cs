namespace KneeTriage.Web.Data;

/// <summary>
/// "Is a result with exactly this token still stored?", asked on every result-page view: each
/// provider answers it its cheapest way (decision 0007). Only <see cref="AssessmentStore"/> uses it.
/// </summary>
internal interface IStoredTokenLookup
{
    ValueTask<bool> ExistsAsync(string token, CancellationToken cancellationToken);
}
