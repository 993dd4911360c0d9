using System.Collections.Frozen;
using System.Globalization;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Infrastructure.Compression;
using KneeTriage.Web.Infrastructure.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Serilog.Events;

namespace KneeTriage.Web.Articles;

/// <summary>
/// Serves an article page the output cache already holds straight from a copy of the answer the
/// normal pipeline gave for the same request shape, skipping the middleware between (security
/// headers, request logging, error pages, routing, rate limits, the output cache itself), which
/// cost as much CPU per view as Kestrel (decision 0019). The copy is taken from a response the
/// output cache served, headers as sent (security headers, Vary, Content-Encoding, Date), so the
/// two cannot drift; Age is worked out per request the way the output cache does. Anything this
/// does not understand (a query string, a conditional or range request, a method other than GET
/// or HEAD, an unknown slug, request lines that would be logged) takes the normal path.
/// </summary>
public sealed class ArticleReplayMiddleware
{
    /// <summary>The copy stops being used a minute before the output cache's entry expires, so it never outlives it.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly RequestDelegate next;
    private readonly ArticleReplayStore store;
    private readonly SiteCompressionPolicy compression;
    private readonly CacheHitTally tally;
    private readonly TimeProvider time;
    private readonly LogEventLevel cacheHitLevel;
    private readonly Serilog.ILogger requestLogger;
    private readonly FrozenSet<string> articlePaths;

    public ArticleReplayMiddleware(
        RequestDelegate next,
        ArticleLibrary library,
        ArticleReplayStore store,
        SiteCompressionPolicy compression,
        CacheHitTally tally,
        TimeProvider time,
        IOptions<RequestLoggingOptions> logging,
        Serilog.ILogger logger)
    {
        this.next = next;
        this.store = store;
        this.compression = compression;
        this.tally = tally;
        this.time = time;
        cacheHitLevel = logging.Value.CacheHitLevel;
        // The context Serilog's request logging writes with, so its level overrides apply here too.
        requestLogger = logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Serilog.AspNetCore.RequestLoggingMiddleware");
        articlePaths = library.Sections.Select(section => section.Url).ToFrozenSet(StringComparer.Ordinal);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (KeyFor(context) is not { } key)
        {
            return next(context);
        }

        if (store.TryGet(key, out var replay))
        {
            if (IsFresh(replay.Created))
            {
                return ServeAsync(context, replay);
            }

            store.Remove(key);
        }

        // A full store keeps no more copies, so nothing is gained by taking one.
        return store.Count < ArticleReplayStore.MaxEntries ? CaptureAsync(context, key) : next(context);
    }

    /// <summary>The request's shape when the replay may answer it; null sends it down the normal path.</summary>
    private ArticleReplayKey? KeyFor(HttpContext context)
    {
        var request = context.Request;
        var method = request.Method;
        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            || request.QueryString.HasValue
            || request.PathBase.HasValue
            || request.Path.Value is not { } path
            || !articlePaths.Contains(path))
        {
            return null;
        }

        var headers = request.Headers;
        // Conditional and range requests are the output cache's to answer (a 304, say).
        if (headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince.Count > 0 || headers.IfMatch.Count > 0
            || headers.IfUnmodifiedSince.Count > 0 || headers.IfRange.Count > 0 || headers.Range.Count > 0)
        {
            return null;
        }

        // When the line for a page from memory would be written, the normal path writes it.
        if (requestLogger.IsEnabled(cacheHitLevel))
        {
            return null;
        }

        // The country as the output cache's key has it (Countries/CountryVariantPolicy): a page with
        // one country's numbers is never replayed to a viewer in another.
        return new ArticleReplayKey(method, request.IsHttps, request.Host.Value ?? "", path, compression.ChosenEncoding(context), ViewerCountry.Of(context).Code);
    }

    private async Task ServeAsync(HttpContext context, ArticleReplay replay)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in replay.Headers)
        {
            headers[name] = value;
        }

        // As the output cache writes it: whole seconds since the page was stored.
        headers.Age = ((time.GetUtcNow() - replay.Created).Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);
        // As the request logging counts a page from memory (RequestLogLevel).
        tally.AddIfSummarised(cacheHitLevel);

        // HEAD too, as the output cache does; the server drops a HEAD answer's body.
        await response.Body.WriteAsync(replay.Body);
    }

    /// <summary>The normal path answers; if the output cache served it, a copy is kept for the next request of this shape.</summary>
    private async Task CaptureAsync(HttpContext context, ArticleReplayKey key)
    {
        var response = context.Response;
        var original = response.Body;
        using var copy = new MemoryStream();
        response.Body = new TeeStream(original, copy);
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var headers = response.Headers;
        if (response.StatusCode != StatusCodes.Status200OK
            || !long.TryParse(headers.Age.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            || headers.SetCookie.Count > 0
            || response.ContentLength is not { } length)
        {
            return;
        }

        var body = copy.ToArray();
        if (body.Length != length)
        {
            return;
        }

        var created = time.GetUtcNow() - TimeSpan.FromSeconds(age);
        if (!IsFresh(created))
        {
            return;
        }

        var kept = headers
            .Where(header => !string.Equals(header.Key, HeaderNames.Age, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        store.Add(key, new ArticleReplay(kept, body, created));
    }

    /// <summary>A copy is used only while the output cache's own entry would still be fresh, less the margin.</summary>
    private bool IsFresh(DateTimeOffset created) => time.GetUtcNow() - created < ArticleCachePolicy.Lifetime - Margin;
}
