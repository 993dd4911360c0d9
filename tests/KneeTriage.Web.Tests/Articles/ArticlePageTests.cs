using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>What a reader sees on the pages of a small sample guide.</summary>
public sealed class ArticlePageTests(SampleGuideFixture app) : IClassFixture<SampleGuideFixture>
{
    private readonly HttpClient client = app.Factory.CreatePlainClient();

    [Fact]
    public async Task ASectionPageShowsItsTitleSummaryAndReviewDate()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/causes");

        Assert.Equal("Causes", page.H1);
        Assert.Equal("Causes – KneeTriage", page.Title);
        Assert.Equal("A one-line summary of causes.", page.MetaDescription);
        Assert.Equal("2026-11-20", page.Document.QuerySelector("time")?.GetAttribute("datetime"));
    }

    [Fact]
    public async Task TheInPageContentsLinksToEveryHeadingOnThePage()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/causes");

        var contents = page.Navigation("On this page");
        Assert.NotNull(contents);
        var targets = contents.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#common", "#bakers-cyst", "#sources"], targets);
        Assert.Equal("Baker's cyst", page.Document.GetElementById("bakers-cyst")?.TextContent);
    }

    [Fact]
    public async Task PreviousAndNextLinksLeadThroughTheGuideInOrder()
    {
        var middle = await HtmlPage.LoadAsync(client, "/article/causes");
        var nav = middle.Navigation("Previous and next sections");
        Assert.NotNull(nav);
        Assert.Equal("/article/welcome", nav.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/article/questions", nav.QuerySelector("a[rel=next]")?.GetAttribute("href"));

        var first = await HtmlPage.LoadAsync(client, "/article/welcome");
        Assert.Null(first.Document.QuerySelector("a[rel=prev]"));
        var last = await HtmlPage.LoadAsync(client, "/article/questions");
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
    }

    /// <summary>
    /// site.css lets a phone skip laying out the parts off screen (content-visibility on
    /// <c>.article-part</c>, decision 0033); that only works if each part is its own block.
    /// </summary>
    [Fact]
    public async Task EachLevelTwoPartOfASectionIsItsOwnBlockAndTheLeadStaysOutside()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/welcome");

        var body = page.Document.QuerySelector(".article-body");
        Assert.NotNull(body);
        var children = body.Children.Select(child => child.LocalName + (string.IsNullOrEmpty(child.ClassName) ? "" : "." + child.ClassName)).ToList();
        Assert.Equal(["p", "section.article-part", "section.article-part"], children);
        var parts = body.QuerySelectorAll(":scope > section.article-part");
        Assert.Equal(["First steps", "Sources"], parts.Select(part => part.FirstElementChild?.TextContent));
        Assert.All(parts, part => Assert.Equal("h2", part.FirstElementChild?.LocalName));
        Assert.NotNull(parts[0].QuerySelector("h3 + p"));

        var questions = await HtmlPage.LoadAsync(client, "/article/questions");
        Assert.Empty(questions.Document.QuerySelectorAll(".article-part"));
    }

    [Fact]
    public async Task QuestionsAreExpandableWithoutJavaScript()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/questions");

        var items = page.Document.QuerySelectorAll("main details");
        Assert.Equal(2, items.Length);
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrEmpty(item.Id), "each question needs an id so it can be linked to");
            Assert.NotNull(item.QuerySelector("summary"));
        });
        Assert.Equal("When should I see someone?", page.Document.QuerySelector("#see-someone > summary")?.TextContent);
    }

    [Fact]
    public async Task EveryPageSaysItDoesNotReplaceAClinicianAndWhatToDoInAnEmergency()
    {
        foreach (var url in new[] { "/", "/article/welcome", "/article/questions" })
        {
            var page = await HtmlPage.LoadAsync(client, url);
            var footer = page.Document.QuerySelector("footer")?.TextContent ?? string.Empty;
            Assert.True(footer.Contains("does not replace a clinician", StringComparison.Ordinal), $"{url}: footer lacks the clinician disclaimer");
            Assert.True(footer.Contains("emergency", StringComparison.OrdinalIgnoreCase) && footer.Contains("999", StringComparison.Ordinal), $"{url}: footer lacks emergency advice");
        }
    }

    [Fact]
    public async Task EveryPageHasLandmarksASkipLinkAndItsOwnTitleAndDescription()
    {
        var titles = new HashSet<string>();
        var descriptions = new HashSet<string>();
        foreach (var url in new[] { "/", "/article/welcome", "/article/causes", "/article/questions" })
        {
            var page = await HtmlPage.LoadAsync(client, url);
            Assert.NotNull(page.Document.QuerySelector("header"));
            Assert.NotNull(page.Navigation("Main"));
            Assert.NotNull(page.Document.QuerySelector("main#main-content"));
            Assert.NotNull(page.Document.QuerySelector("footer"));
            Assert.Equal("#main-content", page.Document.QuerySelector("body > a")?.GetAttribute("href"));
            Assert.True(titles.Add(page.Title), $"{url} repeats the title '{page.Title}'");
            Assert.True(descriptions.Add(page.MetaDescription ?? string.Empty), $"{url} repeats the description '{page.MetaDescription}'");
        }
    }

    [Fact]
    public async Task NoPageCarriesInlineScriptOrStyle()
    {
        foreach (var url in new[] { "/", "/article/welcome", "/article/causes", "/article/questions", "/article/missing" })
        {
            using var response = await client.GetAsync(url);
            var page = HtmlPage.Parse(url, await response.Content.ReadAsStringAsync());
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.Document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheHomePageListsEverySectionAndLeadsToTheSymptomCheck()
    {
        var page = await HtmlPage.LoadAsync(client, "/");

        var contents = page.Navigation("Guide contents");
        Assert.NotNull(contents);
        Assert.Equal(
            ["/article/welcome", "/article/causes", "/article/questions"],
            contents.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("A one-line summary of causes.", contents.TextContent, StringComparison.Ordinal);
        Assert.Equal("/check", page.Link("Start the symptom check")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnUnknownSectionGetsAHelpfulNotFoundPage()
    {
        using var response = await client.GetAsync("/article/no-such-section");
        var page = HtmlPage.Parse("/article/no-such-section", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.H1);
        Assert.Contains("/article/causes", page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(page.Link("symptom check"));
    }

    [Theory]
    [InlineData("GET", "/no/such/page")]
    [InlineData("POST", "/no-such-form")]
    [InlineData("GET", "/error/404")]
    public async Task AnyUnknownAddressGetsTheSameNotFoundPage(string method, string url)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var page = HtmlPage.Parse(url, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.H1);
        Assert.Equal("Page not found – KneeTriage", page.Title);
    }

    [Fact]
    public async Task AnUnknownApiAddressAnswersWithAProblemNotAPage()
    {
        using var response = await client.GetAsync("/api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ArticlePagesAreServedFromTheOutputCache()
    {
        using var first = await client.GetAsync("/article/welcome");
        using var second = await OutputCacheWait.GetUntilCachedAsync(client, "/article/welcome");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, "the second request for an article page should come from the output cache (Age header)");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheStylesheetAndScriptAreVersionedAndCachedForAYear()
    {
        var page = await HtmlPage.LoadAsync(client, "/");
        var assets = page.Document.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? string.Empty)
            .ToList();

        Assert.Equal(2, assets.Count);
        foreach (var asset in assets)
        {
            // Versioned by a fingerprint in the file name (site.{hash}.css), as MapStaticAssets names them.
            Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$", asset);
            using var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{asset} should be cached for a year");
        }
    }

    [Fact]
    public async Task RawHtmlInAnArticleNeverReachesThePage()
    {
        var page = await HtmlPage.LoadAsync(client, "/article/welcome");

        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert('raw html')</script>", page.Document.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSampleGuideHasNoBrokenLinksOrAnchors()
    {
        var report = await new SiteCrawler(app.Factory).CrawlAsync("/");

        Assert.True(report.Problems.Count == 0, "Broken links or anchors:\n" + string.Join('\n', report.Problems));
        Assert.Contains("/article/questions", report.PagesVisited);
    }
}
