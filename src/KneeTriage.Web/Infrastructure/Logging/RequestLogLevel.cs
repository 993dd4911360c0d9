using Microsoft.Net.Http.Headers;
using Serilog.Events;

namespace KneeTriage.Web.Infrastructure.Logging;

/// <summary>Chooses the level of each request's log line.</summary>
public static class RequestLogLevel
{
    /// <summary>
    /// Failures at Error, successful responses from the output cache at <paramref name="cacheHitLevel"/>
    /// (counted in <paramref name="tally"/> when that is below Information), everything else at Information.
    /// </summary>
    public static LogEventLevel For(HttpContext context, Exception? exception, LogEventLevel cacheHitLevel, CacheHitTally tally)
    {
        var status = context.Response.StatusCode;
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        if (status < StatusCodes.Status400BadRequest && IsServedFromOutputCache(context.Response))
        {
            tally.AddIfSummarised(cacheHitLevel);
            return cacheHitLevel;
        }

        return LogEventLevel.Information;
    }

    /// <summary>The output cache adds an Age header to every response it serves from memory; nothing else here sets one.</summary>
    private static bool IsServedFromOutputCache(HttpResponse response) => response.Headers.ContainsKey(HeaderNames.Age);
}
