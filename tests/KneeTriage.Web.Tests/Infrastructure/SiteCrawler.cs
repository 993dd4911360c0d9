using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// Follows every same-site link from a start page, the way a reader clicking around would, and
/// collects what is broken: links that do not answer, assets that do not load, and #anchors that
/// are not on their target page. A link into a part of the site that has no endpoint at all yet
/// (a feature still being built) is reported separately instead of as broken, so the crawl covers
/// each feature as soon as it exists.
/// </summary>
public sealed class SiteCrawler(KneeTriageAppFactory factory)
{
    private const int MaxPages = 400;

    private readonly HttpClient client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
    private readonly Dictionary<string, CrawledPage?> pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpStatusCode> assets = new(StringComparer.Ordinal);

    public sealed record CrawlReport(
        IReadOnlyList<string> PagesVisited,
        IReadOnlyList<string> Problems,
        IReadOnlyList<string> MissingFeatures,
        IReadOnlyDictionary<string, HtmlPage> Pages);

    private sealed record CrawledPage(HttpStatusCode Status, HtmlPage? Html);

    private sealed record Reference(string FromPage, string Target, string Kind);

    public async Task<CrawlReport> CrawlAsync(string start = "/")
    {
        var problems = new List<string>();
        var missingFeatures = new SortedSet<string>(StringComparer.Ordinal);
        var anchorChecks = new List<(string From, string Page, string Fragment)>();
        var queue = new Queue<Reference>();
        queue.Enqueue(new Reference("(start)", start, "link"));
        var servedPrefixes = EndpointPrefixes();

        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var reference = queue.Dequeue();
            var (path, fragment) = Split(reference.Target);

            if (reference.Kind == "asset")
            {
                if (!assets.ContainsKey(path))
                {
                    using var assetResponse = await client.GetAsync(path);
                    assets[path] = assetResponse.StatusCode;
                    if (!assetResponse.IsSuccessStatusCode)
                    {
                        problems.Add($"{reference.FromPage}: asset {path} answered {(int)assetResponse.StatusCode}");
                    }
                }

                continue;
            }

            if (fragment.Length > 0)
            {
                anchorChecks.Add((reference.FromPage, path, fragment));
            }

            if (pages.ContainsKey(path))
            {
                continue;
            }

            var page = await FetchAsync(path);
            pages[path] = page;

            if (page.Status == HttpStatusCode.NotFound && !servedPrefixes.Contains(FirstSegment(path)))
            {
                missingFeatures.Add($"{path} (linked from {reference.FromPage})");
                continue;
            }

            if ((int)page.Status >= 400)
            {
                problems.Add($"{reference.FromPage}: link to {path} answered {(int)page.Status}");
                continue;
            }

            if (page.Html is null)
            {
                continue;
            }

            foreach (var next in References(page.Html))
            {
                queue.Enqueue(next);
            }
        }

        foreach (var (from, target, fragment) in anchorChecks)
        {
            if (pages.GetValueOrDefault(target) is { Html: { } html } && (int)pages[target]!.Status < 400
                && !html.Ids.Contains(fragment))
            {
                problems.Add($"{from}: link to {target}#{fragment} has no element with id '{fragment}' on its target");
            }
        }

        var htmlPages = pages
            .Where(pair => pair.Value is { Html: not null } page && (int)page.Status < 400)
            .ToDictionary(pair => pair.Key, pair => pair.Value!.Html!, StringComparer.Ordinal); // both checked just above
        return new CrawlReport([.. htmlPages.Keys], problems, [.. missingFeatures], htmlPages);
    }

    private async Task<CrawledPage> FetchAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        var html = isHtml ? HtmlPage.Parse(path, await response.Content.ReadAsStringAsync()) : null;
        return new CrawledPage(response.StatusCode, html);
    }

    private static IEnumerable<Reference> References(HtmlPage page)
    {
        foreach (var link in page.Document.QuerySelectorAll("a[href]"))
        {
            if (Resolve(page.Url, link.GetAttribute("href")) is { } target)
            {
                yield return new Reference(page.Url, target, "link");
            }
        }

        foreach (var asset in page.Document.QuerySelectorAll("link[href], script[src], img[src]"))
        {
            var url = asset.GetAttribute("href") ?? asset.GetAttribute("src");
            if (Resolve(page.Url, url) is { } target)
            {
                yield return new Reference(page.Url, target, "asset");
            }
        }
    }

    /// <summary>A same-site path (with any #fragment) for a link, or null for other sites, mail links and the like.</summary>
    private static string? Resolve(string currentPage, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var baseUri = new Uri(new Uri("http://localhost"), currentPage);
        if (!Uri.TryCreate(baseUri, href, out var absolute) || absolute.Host != "localhost"
            || absolute.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return absolute.PathAndQuery + absolute.Fragment;
    }

    private static (string Path, string Fragment) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, string.Empty) : (target[..hash], Uri.UnescapeDataString(target[(hash + 1)..]));
    }

    private static string FirstSegment(string path)
    {
        var trimmed = path.Split('?')[0].TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? trimmed : trimmed[..slash];
    }

    /// <summary>The first path segment of every route the app has, e.g. "article", "check", "api-docs".</summary>
    private HashSet<string> EndpointPrefixes()
    {
        var sources = factory.Services.GetServices<EndpointDataSource>();
        return sources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => FirstSegment("/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/')))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
