using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.MyResults;

/// <summary>A result this browser made, as the /my-results page lists it.</summary>
public sealed record ListedResult(string Token, DateTime CreatedAt, Urgency Urgency, string TopCauseWords);

/// <summary>
/// The results this browser made, read from its <see cref="BrowserResultsCookie"/>s and checked
/// against the store with each cookie's delete key: a result deleted elsewhere, expired, or whose
/// key does not match is dropped quietly and its cookie removed. Nothing about the browser is stored.
/// </summary>
public sealed class BrowserResultList(AssessmentStore store, StoredResults results)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ListedResult>> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // One query for every cookie by the token index, only the columns listed (decision 0031).
        var remembered = BrowserResultsCookie.Read(context.Request);
        var stored = (await store.ListAsync(remembered.Select(r => r.Token), cancellationToken)).ToDictionary(o => o.Result.Token, StringComparer.Ordinal);
        var listed = new List<ListedResult>();
        foreach (var cookie in remembered)
        {
            if (!stored.TryGetValue(cookie.Token, out var owned) || !DeleteKey.Matches(cookie.DeleteKey, owned.DeleteKeyHash))
            {
                BrowserResultsCookie.Remove(context.Response, cookie.Token);
                continue;
            }

            var entry = SeriesEntry.From(owned.Result);
            listed.Add(new ListedResult(entry.Token, entry.CreatedAt, entry.Urgency, entry.TopCauseWords));
        }

        return [.. listed.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Token, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes one result this browser made (its token must be among the cookies; the key comes from
    /// there, never from the form) and forgets it: both its cookies go, and the cached pages of its series.
    /// False when this browser holds no such result or it is already gone.
    /// </summary>
    public async Task<bool> DeleteAsync(HttpContext context, string? token, CancellationToken cancellationToken)
    {
        var remembered = BrowserResultsCookie.Read(context.Request).FirstOrDefault(r => r.Token == token);
        return remembered is not null && await DeleteAsync(context, remembered, cancellationToken);
    }

    /// <summary>Deletes every result this browser made; the number deleted.</summary>
    public async Task<int> DeleteAllAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var remembered in BrowserResultsCookie.Read(context.Request))
        {
            if (await DeleteAsync(context, remembered, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private async Task<bool> DeleteAsync(HttpContext context, BrowserResult remembered, CancellationToken cancellationToken)
    {
        // The owner also evicts the cached pages of its series.
        var deleted = await results.DeleteAsync(remembered.Token, remembered.DeleteKey, cancellationToken);
        // Gone either way (deleted now, or earlier elsewhere): forget it. The result page's own cookie
        // has Path=/results/{token}; a response from here may still tell the browser to drop it.
        BrowserResultsCookie.Remove(context.Response, remembered.Token);
        DeleteKeyCookie.Remove(context.Response, remembered.Token);
        return deleted is not null;
    }
}
