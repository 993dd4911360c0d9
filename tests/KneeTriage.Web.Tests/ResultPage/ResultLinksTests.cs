using System.Net;
using KneeTriage.Web.Boards;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Reminders;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// The link helpers (Pages/Results/ResultLinks, Boards/BoardLinks) make every link to a result, a
/// board and a join page from the pages' own routes: a link they make opens the page it names.
/// </summary>
public sealed class ResultLinksTests(RateLimitsOffAppFactory app) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string SampleToken = "q2aN0r5Zk7Wb1xYcD3eF4gHi";

    [Fact]
    public async Task AResultLinkFromTheHelperOpensThatResultsPageAndIsTheApisLocation()
    {
        var client = app.CreateClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;

        var link = app.Services.GetRequiredService<ResultLinks>().Path(id);
        var page = await HtmlPage.LoadAsync(client, link);

        Assert.Equal("Your symptom check result", page.H1);
        var shareLink = page.Document.QuerySelector("#share-url")?.GetAttribute("value");
        Assert.True(shareLink?.EndsWith(link, StringComparison.Ordinal) == true, $"The page at {link} shares {shareLink}, not its own address.");
        Assert.Equal(link, created.Headers.Location?.OriginalString);
    }

    /// <summary>Fails when a page's @page template (or a Map call) changes and a helper still writes the old address.</summary>
    [Fact]
    public void EveryLinkTheHelpersMakeIsRoutedToThePageItNames()
    {
        var endpoints = MappedEndpoints.Of(app);
        var results = app.Services.GetRequiredService<ResultLinks>();
        var boards = app.Services.GetRequiredService<BoardLinks>();
        (string Link, string Expected)[] links =
        [
            (results.Path(SampleToken), $"page {ResultLinks.Page}"),
            (results.NextCheckReminder(SampleToken), $"endpoint {NextCheckEndpoints.RouteName}"),
            (boards.Board(SampleToken), $"page {BoardLinks.BoardPage}"),
            (boards.Join(SampleToken), $"page {BoardLinks.JoinPage}"),
        ];

        foreach (var (link, expected) in links)
        {
            var routed = MappedEndpoints.Match(endpoints, "GET", link);
            Assert.True(routed is not null && Names(routed) == expected,
                $"GET {link} is routed to {(routed is null ? "nothing" : Names(routed))}, not to {expected}: the helper and the route disagree.");
            Assert.Contains(SampleToken, link, StringComparison.Ordinal);
        }
    }

    private static string Names(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RequiredValues.TryGetValue("page", out var page) && page is string name
            ? $"page {name}"
            : $"endpoint {endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName}";
}
