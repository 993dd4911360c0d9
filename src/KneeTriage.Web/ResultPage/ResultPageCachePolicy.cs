using KneeTriage.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.ResultPage;

/// <summary>
/// Output cache for result pages. A stored result never changes, so its rendered page can be kept
/// until the result is deleted. Before any cached copy is served, one indexed query asks the
/// database whether the result still exists: a result deleted through another instance (or by the
/// retention purge) is never served from this instance's memory, and its copy is dropped. Pages for
/// the browser that holds the delete key (it sees a delete form) are never cached.
/// See docs/decisions/0007-result-pages-cached-while-they-exist.md for the trade-off.
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

        // A point lookup on a unique index (on SQLite answered from its page cache without awaiting).
        if (!await store.ExistsAsync(token, cancellation))
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
        // Tokens are case-sensitive, but the default cache key upper-cases the path.
        context.CacheVaryByRules.CacheKeyPrefix = Tag(token);
        context.Tags.Add(Tag(token));
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

    private static string Tag(string token) => "result:" + token;
}
