using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Security;

/// <summary>
/// The Content-Security-Policy blocks inline script and style. A page that relies on them still
/// "works" in tests but is broken in a browser, so every reachable page is checked for anything
/// the policy would block: style attributes (including on inline SVG), style and script elements
/// without a file, event-handler attributes, javascript: URLs and assets from other origins.
/// </summary>
public sealed partial class InlineContentTests : IClassFixture<RateLimitsOffAppFactory>
{
    private const int MaxPages = 300;

    private static readonly HtmlParser Parser = new();

    private readonly RateLimitsOffAppFactory factory;

    public InlineContentTests(RateLimitsOffAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task NoReachablePageHasAnythingTheContentSecurityPolicyWouldBlock()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        var problems = new List<string>();
        var steps = await StepPathsAsync(client);
        var result = await CreateResultAsync(client);
        var visited = await CrawlAsync(client, ["/", "/check", .. steps, "/check/review", "/check/emergency", result, "/results/deleted", "/no-such-page"], problems);

        Assert.True(visited.Count > 1, $"the crawl reached only {string.Join(", ", visited)}");
        Assert.True(problems.Count == 0,
            $"{problems.Count} things a browser would block under the CSP, on {visited.Count} pages:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\" style=\"fill:red\"/></svg>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<style>p{}</style>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<button onclick=\"go()\">x</button>")]
    [InlineData("<a href=\"javascript:go()\">x</a>")]
    [InlineData("<script src=\"https://cdn.example/x.js\"></script>")]
    [InlineData("<link rel=\"stylesheet\" href=\"//fonts.example/x.css\">")]
    public void TheCheckRecognisesWhatThePolicyBlocks(string html)
    {
        Assert.NotEmpty(BlockedByPolicy(Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>")));
    }

    [Fact]
    public void APostFormWithoutAnAntiforgeryTokenIsNoticed()
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body><form method=\"post\"><button>Delete</button></form><form method=\"get\"></form></body></html>");

        Assert.Single(FormsWithoutAntiforgery(document));
    }

    [Fact]
    public void TheCheckAcceptsWhatThePolicyAllows()
    {
        var html = "<link rel=\"stylesheet\" href=\"/css/site.css\"><script src=\"/js/site.js\" defer></script>"
            + "<svg viewBox=\"0 0 1 1\" class=\"chart\"><rect width=\"1\" height=\"1\" fill=\"currentColor\"/></svg>"
            + "<a href=\"https://www.nhs.uk/\">NHS</a><img src=\"data:image/png;base64,AA==\" alt=\"\">";

        Assert.Empty(BlockedByPolicy(Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>")));
    }

    [Fact]
    public async Task TheResultPageAsItsCreatorSeesItHasNothingThePolicyWouldBlock()
    {
        // The creator's view adds the delete form; the chart, QR code and share panel are on every view.
        var browser = new SymptomCheckBrowser(factory);
        var resultPath = await browser.CompleteAsync(new Dictionary<string, string[]>
        {
            ["breathless-or-chest-pain"] = ["no"],
            ["four-steps-now"] = ["yes"],
            ["low-back-pain"] = ["no"],
            ["buttock-to-thigh-pain"] = ["no"],
            ["hip-or-groin-ache"] = ["no"],
            ["new-limp"] = ["no"],
            ["takes-blood-thinner"] = ["no"],
            ["bleeding-disorder"] = ["no"],
            ["history"] = ["none-of-these"],
            ["infection-risk"] = ["none-of-these"],
            ["foot-signs"] = ["none-of-these"],
            ["not-settling-after-run"] = ["no"],
            ["calf-signs"] = ["none-of-these"],
            ["clot-risk"] = ["none-of-these"],
            ["swelling"] = ["none-of-these"],
            ["fever"] = ["no"],
            ["hot-red-knee"] = ["no"],
            ["calf-cramp-on-exertion"] = ["no"],
            ["deformity"] = ["no"],
            ["age"] = ["29"],
            ["pain-type"] = ["sharp"],
            ["pain-severity"] = ["5"],
            ["pain-location"] = ["back-outer"],
            ["onset"] = ["gradual"],
            ["duration"] = ["2-to-6-weeks"],
            ["injury"] = ["none"],
            ["stiffness"] = ["none"],
            ["mechanical"] = ["painful-clicking"],
        }.AndNoToTheNewWarnings());

        var page = await browser.GetPageAsync(resultPath);
        var problems = BlockedByPolicy(page.Document).Concat(FormsWithoutAntiforgery(page.Document)).ToList();

        Assert.NotNull(page.Document.QuerySelector("svg"));
        Assert.True(problems.Count == 0, $"the result page has what the CSP blocks:\n{string.Join('\n', problems)}");
    }

    private static async Task<IEnumerable<string>> StepPathsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/questionnaire", UriKind.Relative));
        using var questionnaire = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return questionnaire.RootElement.GetProperty("steps").EnumerateArray()
            .Select(step => $"/check/{step.GetProperty("id").GetString()}")
            .ToList();
    }

    private static async Task<string> CreateResultAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative),
            new StringContent(Hostile.ApiHostileInputs.ValidBody, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("201 without a Location");
    }

    internal static async Task<IReadOnlyList<string>> CrawlAsync(HttpClient client, IEnumerable<string> starts, List<string> problems)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{path}: answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited.Add(path);
            var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            problems.AddRange(BlockedByPolicy(document).Select(problem => $"{path}: {problem}"));
            problems.AddRange(FormsWithoutAntiforgery(document).Select(problem => $"{path}: {problem}"));

            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href") ?? ""))
            {
                var target = href.Split('#')[0];
                if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return visited;
    }

    /// <summary>
    /// Every form that changes something (method post) must carry an antiforgery token, except the
    /// footer's country choice: it sits on cached pages (a token would set a cookie and stop the
    /// caching), and POST /country refuses another site's post by its Origin instead (CountryChoiceTests);
    /// and the board page's remove and delete forms, cached too (decision 0036): each needs the board's
    /// key, and another site's post is refused by its Origin (BoardPageCacheTests).
    /// </summary>
    internal static IEnumerable<string> FormsWithoutAntiforgery(IDocument document) =>
        document.QuerySelectorAll("form")
            .Where(form => string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Where(form => form.GetAttribute("action") != KneeTriage.Web.Countries.CountryChoiceEndpoint.Path)
            .Where(form => !BoardKeyForm().IsMatch(form.GetAttribute("action") ?? string.Empty))
            .Where(form => form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]") is null)
            .Select(form => $"a post form without an antiforgery token: {Snippet(form)}");

    internal static IEnumerable<string> BlockedByPolicy(IDocument document)
    {
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (element.HasAttribute("style"))
            {
                yield return $"<{tag}> has a style attribute (style-src 'self' blocks it): {Snippet(element)}";
            }

            foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"<{tag}> has an inline event handler {attribute.Name} (script-src 'self' blocks it)";
            }

            if (tag == "style")
            {
                yield return $"a <style> element (style-src 'self' blocks it): {Snippet(element)}";
            }

            if (tag == "script" && !element.HasAttribute("src") && element.GetAttribute("type") is not ("application/ld+json" or "application/json"))
            {
                yield return $"an inline <script> (script-src 'self' blocks it): {Snippet(element)}";
            }

            foreach (var name in new[] { "href", "src", "action", "formaction", "xlink:href" })
            {
                var value = element.GetAttribute(name)?.Trim();
                if (value is null)
                {
                    continue;
                }

                if (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{tag} {name}=\"{value}\"> is a javascript: URL";
                }

                var loadsResource = tag is "script" or "img" or "iframe" or "source" or "video" or "audio" or "image" or "use"
                    || (tag == "link" && element.GetAttribute("rel") is "stylesheet" or "icon" or "preload" or "modulepreload" or "manifest");
                if (loadsResource && (value.StartsWith("//", StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal)))
                {
                    yield return $"<{tag} {name}=\"{value}\"> loads from another origin (every asset must be served by the app)";
                }
            }
        }
    }

    private static string Snippet(IElement element)
    {
        var html = element.OuterHtml;
        return html.Length <= 120 ? html : html[..120] + "…";
    }

    /// <summary>A board page's own remove or delete form: /boards/{id}?handler=Remove|Delete, nothing else.</summary>
    [GeneratedRegex("^/boards/[A-Za-z0-9_-]+\\?handler=(Remove|Delete)$")]
    private static partial Regex BoardKeyForm();
}
