using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.SiteAddress;
using KneeTriage.Web.Pages.Results;

namespace KneeTriage.Web.Reminders;

/// <summary>GET /results/{token}/next-check.ics (contract v1.2 "Measured progress"): nothing is stored for it.</summary>
public static class NextCheckEndpoints
{
    public const string FileName = "check-again.ics";

    public static IEndpointRouteBuilder MapNextCheckReminder(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/results/{token}/next-check.ics", GetAsync)
            .WithName("GetNextCheckReminder")
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The result page's address plus the file name, so the link sits beside the page it reminds of.</summary>
    public static string PathFor(string token) => $"{DeleteKeyCookie.ResultPath(token)}/next-check.ics";

    private static async Task<IResult> GetAsync(string token, HttpRequest request, AssessmentStore store, SiteUrls urls, CancellationToken cancellationToken)
    {
        // Unknown, deleted or malformed: the site's 404 page, like the result page itself.
        if (await store.FindByTokenAsync(token, cancellationToken) is not { } record)
        {
            return TypedResults.NotFound();
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        var calendar = NextCheckCalendar.Build(urls.Absolute(request, DeleteKeyCookie.ResultPath(record.Token)), record.Token, record.CreatedAt);
        return TypedResults.Text(calendar, NextCheckCalendar.ContentType);
    }
}
