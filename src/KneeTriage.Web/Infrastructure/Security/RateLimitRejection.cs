using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// The 429 answer: always a Retry-After header; a problem+json body for API clients. For people in
/// a browser it writes no body, so the error pages re-execute to /error/429, the site's own page
/// (which, this being a health site, repeats the emergency advice and says how long to wait).
/// </summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, RateLimitingOptions options, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = RetryAfterSeconds(rejected, options, context.Request);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";

        if (WantsHtml(context.Request))
        {
            return;
        }

        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client has sent too many requests. Try again in {retryAfter} seconds.")
            .ExecuteAsync(context);
    }

    private static int RetryAfterSeconds(OnRejectedContext rejected, RateLimitingOptions options, HttpRequest request)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : RateLimitPolicies.Classify(request.HttpContext) == RateLimitPolicies.Submissions ? options.Submissions.Window : options.Lookups.Window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    private static bool WantsHtml(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
