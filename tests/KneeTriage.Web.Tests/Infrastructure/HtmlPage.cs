using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>An HTML answer parsed with AngleSharp, with the queries tests ask most.</summary>
public sealed class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    private HtmlPage(string url, IDocument document)
    {
        Url = url;
        Document = document;
    }

    public string Url { get; }

    public IDocument Document { get; }

    public string Title => Document.Title ?? string.Empty;

    public string? MetaDescription =>
        Document.QuerySelector("meta[name=description]")?.GetAttribute("content");

    public string? H1 => Document.QuerySelector("h1")?.TextContent.Trim();

    /// <summary>Every id on the page, which is every #fragment a link may point at.</summary>
    public IReadOnlySet<string> Ids =>
        Document.All.Select(e => e.Id).OfType<string>().Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The navigation landmark with this accessible name (aria-label, or the text of its aria-labelledby).</summary>
    public IElement? Navigation(string name) =>
        Document.QuerySelectorAll("nav").FirstOrDefault(nav => AccessibleName(nav) == name);

    /// <summary>The first link whose visible text contains <paramref name="text"/>.</summary>
    public IElement? Link(string text) =>
        Document.QuerySelectorAll("a[href]").FirstOrDefault(a => a.TextContent.Contains(text, StringComparison.Ordinal));

    public static HtmlPage Parse(string url, string html) => new(url, Parser.ParseDocument(html));

    public static async Task<HtmlPage> LoadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}; expected a page.");
        return Parse(url, html);
    }

    public string AccessibleName(IElement element)
    {
        if (element.GetAttribute("aria-label") is { Length: > 0 } label)
        {
            return label;
        }

        if (element.GetAttribute("aria-labelledby") is { Length: > 0 } labelledBy)
        {
            return string.Join(' ', labelledBy.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => Document.GetElementById(id)?.TextContent.Trim() ?? string.Empty));
        }

        return element.TextContent.Trim();
    }
}
