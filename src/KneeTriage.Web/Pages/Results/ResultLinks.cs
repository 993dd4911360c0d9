using KneeTriage.Web.Infrastructure.SiteAddress;
using KneeTriage.Web.Reminders;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// Every link to a result, made from the result page's own route (LinkGenerator), so a changed
/// template changes every link with it. Paths carry no path base, as the API's resultUrl and
/// Location always have; Razor views link with asp-page instead.
/// </summary>
public sealed class ResultLinks(LinkGenerator links, SiteUrls site)
{
    /// <summary>The result page, whose route takes the share token as <c>token</c>.</summary>
    public const string Page = "/Results/Show";

    /// <summary>The result page's path, e.g. "/results/q2aN0r5Zk7Wb1xYcD3eF4gHi".</summary>
    public string Path(string token) =>
        links.GetPathByPage(Page, handler: null, values: new { token }) ?? throw new InvalidOperationException($"The page {Page} has no route for a token.");

    /// <summary>The result page's address to share: from Site:PublicUrl, otherwise from the request.</summary>
    public string Absolute(HttpRequest request, string token) => site.Absolute(request, Path(token));

    /// <summary>The calendar reminder to check again, beside the page it reminds of.</summary>
    public string NextCheckReminder(string token) =>
        links.GetPathByName(NextCheckEndpoints.RouteName, values: new { token }) ?? throw new InvalidOperationException($"The endpoint {NextCheckEndpoints.RouteName} has no route for a token.");
}
