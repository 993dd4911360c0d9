using AngleSharp.Html.Parser;
using KneeTriage.Web.Articles;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// Issue #24: every section ends with numbered sources a reader can check and cites them inline;
/// a section that does not, or has no review date, stops start-up with a message naming the file.
/// </summary>
public sealed class ArticleSourcesTests
{
    [Fact]
    public void ASectionWithoutSourcesIsRefusedNamingTheFile()
    {
        using var folder = new ArticleFolder().WithSection("bare", 1, "Some advice with nothing behind it.", sources: false);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("01-bare.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("no sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASectionWithoutAReviewDateIsRefusedNamingTheFile()
    {
        using var folder = new ArticleFolder().With("03-undated.md", "---\ntitle: T\nslug: s\norder: 3\nsummary: S\n---\n" + ArticleFolder.SourcesEnding);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("03-undated.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("lastReviewed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A claim [2].\n\n## Sources {#sources}\n\n1. P. *T*. 2020. [a.org](https://a.org/)\n", "cites [2]")]
    [InlineData("A claim.\n\n## Sources {#sources}\n\n1. P. *T*. 2020. [a.org](https://a.org/)\n", "never cited")]
    [InlineData("A claim [1].\n\n## Sources {#sources}\n\n1. P. *T*. 2020. No link.\n", "no web link")]
    [InlineData("A claim [1].\n\n## Sources {#sources}\n\nJust a paragraph.\n", "no numbered list")]
    public void BrokenSourcesAreRefusedSayingWhatIsWrong(string body, string expected)
    {
        using var folder = new ArticleFolder().WithSection("claims", 2, body, sources: false);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("02-claims.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationsOfSeveralSourcesCountEachNumber()
    {
        using var folder = new ArticleFolder().WithSection("two", 1, """
            Two claims [1, 2].

            ## Sources {#sources}

            1. P. *T*. 2020. [a.org](https://a.org/)
            2. Q. *U*. 2021. [b.org](https://b.org/)
            """, sources: false);

        var section = ArticleLibraryLoader.Load(folder.Path).Find("two")!;

        var links = new HtmlParser().ParseDocument(section.Html).QuerySelectorAll("#sources + ol li a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["https://a.org/", "https://b.org/"], links);
    }

    [Fact]
    public void TheReviewDatesPlaceholderListsEverySectionWithItsDate()
    {
        using var folder = ArticleFolder.SampleGuide().With(
            "04-how-written.md",
            "---\ntitle: How\nslug: how-written\norder: 4\nsummary: S\nlastReviewed: 2026-12-01\n---\n\n{{review-dates}}\n" + ArticleFolder.SourcesEnding);

        var library = ArticleLibraryLoader.Load(folder.Path);
        var rows = new HtmlParser().ParseDocument(library.Find("how-written")!.Html).QuerySelectorAll("table tbody tr")
            .Select(row => (Link: row.QuerySelector("a")?.GetAttribute("href"), Date: row.Children[1].TextContent))
            .ToList();

        Assert.Equal(library.Sections.Select(s => s.Url), rows.Select(r => r.Link));
        Assert.Equal(["20 November 2026", "20 November 2026", "20 November 2026", "1 December 2026"], rows.Select(r => r.Date));
    }
}
