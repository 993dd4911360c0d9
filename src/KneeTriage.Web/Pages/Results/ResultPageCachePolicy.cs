using KneeTriage.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// Output cache for result pages. A stored result never changes, but its page also shows its series
/// (the progress chart), which changes with every follow-up and delete. Before any cached copy is
/// served, one indexed query asks the database whether the result still exists and what its series
/// looks like now; the copy is keyed by that series state, so a result deleted through another
/// instance (or by the retention purge) is never served from this instance's memory, and neither is
/// a page drawn before a follow-up or a delete in its series. Pages for the browser that holds the
/// delete key (it sees a delete form) are never cached. This instance also drops the copies of a
/// series it changes (<see cref="EvictSeriesAsync"/>), so stale copies do not wait for their expiry.
/// See docs/decisions/0007-result-pages-cached-while-they-exist.md and 0017 for the trade-off.
/// </summary>
public sealed class ResultPageCachePolicy(AssessmentStore store) : IOutputCachePolicy
{
    public const string Name = "ResultPage";

    /// <summary>Results never change; the expiry only lets rarely read pages leave memory.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.RouteValues["token"] is not string token
            || !ShareToken.IsWellFormed(token)
            || DeleteKeyCookie.Read(request) is not null)
        {
            return;
        }

        // Two lookups on indexes, the token and its series (on SQLite answered from its page cache without awaiting).
        if (await store.SeriesStateAsync(token, cancellation) is not { } series)
        {
            // Unknown, or deleted (perhaps elsewhere): forget any copy; the page answers 404 itself.
            await context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag(token), cancellation);
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // No request locking: it routes every hit through a shared dispatcher, and a result's views
        // arrive one at a time (a coach, a physiotherapist), not in stampedes worth coalescing.
        context.AllowLocking = false;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Tokens are case-sensitive, but the default cache key upper-cases the path. The series'
        // version in the key: after a follow-up or a delete anywhere, the old copy is never found again.
        context.CacheVaryByRules.CacheKeyPrefix = Tag(token) + "@" + series.Version;
        context.Tags.Add(Tag(token));
        context.Tags.Add(SeriesTag(series.SeriesKey));
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a plain 200 is kept: never a 404, and never a response that sets a cookie.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Drops this instance's copies of every page of a series (a follow-up was stored, or one of it deleted).</summary>
    public static async ValueTask EvictSeriesAsync(IOutputCacheStore cache, string seriesKey, CancellationToken cancellation) =>
        await cache.EvictByTagAsync(SeriesTag(seriesKey), cancellation);

    private static string Tag(string token) => "result:" + token;

    /// <summary>Every cached page that shows the series carries it (result pages, and boards sharing it), so one eviction reaches them all.</summary>
    public static string SeriesTag(string seriesKey) => "series:" + seriesKey;
}
