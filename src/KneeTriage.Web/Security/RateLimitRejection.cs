using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Security;

/// <summary>
/// The 429 answer: always a Retry-After header; a problem+json body for API clients and a short
/// page for people in a browser (which, this being a health site, repeats the emergency advice).
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
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(retryAfter), cancellationToken);
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
            : RateLimitPolicies.Classify(request) == RateLimitPolicies.Submissions ? options.Submissions.Window : options.Lookups.Window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    private static bool WantsHtml(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Page(int retryAfter) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Too many requests – KneeTriage</title>
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main-content">
        <h1>Too many requests</h1>
        <p>This browser has sent a lot of requests in a short time. Please wait {retryAfter} seconds, then try again.</p>
        <p><strong>If you think this is an emergency, call your local emergency number now.</strong></p>
        <p><a href="/">Go to the home page</a></p>
        </main>
        </body>
        </html>
        """;
}
