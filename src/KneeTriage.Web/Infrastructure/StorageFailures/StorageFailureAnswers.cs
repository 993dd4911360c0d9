using System.Globalization;
using KneeTriage.Web.Data;

namespace KneeTriage.Web.Infrastructure.StorageFailures;

/// <summary>
/// The "storage failed" answer, the same wherever the database stumbles (Data/StorageFailure says
/// when it has): 503 with Retry-After, never a 500. Under /api a problem+json body; elsewhere no body,
/// so the error pages re-execute to the site's friendly 503 page. The form's review page answers its
/// own 503 (it keeps the runner's answers for a retry) with the same header.
/// </summary>
public static class StorageFailureAnswers
{
    /// <summary>
    /// Catches a storage failure that reached the pipeline (a result or board view, an API read or
    /// delete, the result-page cache's lookup) before anything was sent. Inside the error pages, so
    /// the empty 503 becomes the friendly page; outside the output cache, whose lookups can fail too.
    /// </summary>
    public static WebApplication UseStorageFailureAnswers(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (StorageFailure.Is(exception) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageFailureAnswers))
                    .LogError(exception, "The database could not be reached or refused a request; answered 503");
                context.Response.Clear();
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Problem("The database could not be reached", "Nothing was changed. Try again in a moment.").ExecuteAsync(context);
                    return;
                }

                SetHeaders(context.Response);
            }
        });
        return app;
    }

    /// <summary>A 503 problem+json with Retry-After, for an API endpoint that caught the failure itself.</summary>
    public static IResult Problem(string title, string detail) => new StorageFailedResult(title, detail);

    /// <summary>503, Retry-After and no-store (a 503 must never be cached in place of the real answer).</summary>
    public static void SetHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = StorageFailure.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    private sealed class StorageFailedResult(string title, string detail) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status503ServiceUnavailable;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            SetHeaders(httpContext.Response);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail).ExecuteAsync(httpContext);
        }
    }
}
