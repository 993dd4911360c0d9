using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;

namespace KneeTriage.Web.Reminders;

/// <summary>GET /results/{token}/next-check.ics (contract v1.2 "Measured progress"): nothing is stored for it.</summary>
public static class NextCheckEndpoints
{
    public const string FileName = "check-again.ics";

    /// <summary>The route's name, by which <see cref="ResultLinks.NextCheckReminder"/> links to it.</summary>
    public const string RouteName = "GetNextCheckReminder";

    public static IEndpointRouteBuilder MapNextCheckReminder(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/results/{token}/next-check.ics", GetAsync)
            .WithName(RouteName)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string token, HttpRequest request, AssessmentStore store, ResultLinks links, CancellationToken cancellationToken)
    {
        // Unknown, deleted or malformed: the site's 404 page, like the result page itself.
        if (await store.FindByTokenAsync(token, cancellationToken) is not { } record)
        {
            return TypedResults.NotFound();
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        var calendar = NextCheckCalendar.Build(links.Absolute(request, record.Token), record.Token, record.CreatedAt);
        return TypedResults.Text(calendar, NextCheckCalendar.ContentType);
    }
}
