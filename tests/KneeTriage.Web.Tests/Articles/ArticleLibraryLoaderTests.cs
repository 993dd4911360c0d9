using AngleSharp.Html.Parser;
using KneeTriage.Web.Articles;

namespace KneeTriage.Web.Tests.Articles;

public sealed class ArticleLibraryLoaderTests : IDisposable
{
    private readonly ArticleFolder sample = ArticleFolder.SampleGuide();

    public void Dispose() => sample.Dispose();

    [Fact]
    public void SectionsComeInTheOrderTheirFrontMatterGives()
    {
        var library = ArticleLibraryLoader.Load(sample.Path);

        Assert.Equal(["welcome", "causes", "questions"], library.Sections.Select(s => s.Slug));
        var welcome = library.Find("welcome");
        Assert.NotNull(welcome);
        Assert.Equal("Welcome to the guide", welcome.Title);
        Assert.Equal("A one-line summary of welcome.", welcome.Summary);
        Assert.Equal(new DateOnly(2026, 11, 20), welcome.LastReviewed);
        Assert.Equal(ArticleKind.Prose, welcome.Kind);
        Assert.Equal(ArticleKind.Faq, library.Find("questions")?.Kind);
    }

    [Fact]
    public void PreviousAndNextFollowReadingOrder()
    {
        var library = ArticleLibraryLoader.Load(sample.Path);
        var causes = library.Find("causes")!; // loaded just above from the sample guide

        Assert.Equal("welcome", library.Previous(causes)?.Slug);
        Assert.Equal("questions", library.Next(causes)?.Slug);
        Assert.Null(library.Previous(library.Sections[0]));
        Assert.Null(library.Next(library.Sections[^1]));
    }

    [Fact]
    public void AnUnknownSlugFindsNothing() =>
        Assert.Null(ArticleLibraryLoader.Load(sample.Path).Find("no-such-section"));

    [Fact]
    public void HeadingsGetIdsAndExplicitAnchorsWin()
    {
        var library = ArticleLibraryLoader.Load(sample.Path);

        Assert.Equal(
            [new ArticleHeading(2, "first-steps", "First steps"), new ArticleHeading(3, "a-detail", "A detail"), new ArticleHeading(2, "sources", "Sources")],
            library.Find("welcome")!.Headings);
        Assert.Equal(
            [new ArticleHeading(2, "common", "Common causes"), new ArticleHeading(3, "bakers-cyst", "Baker's cyst"), new ArticleHeading(2, "sources", "Sources")],
            library.Find("causes")!.Headings);
        Assert.Contains("<h3 id=\"bakers-cyst\">Baker's cyst</h3>", library.Find("causes")!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtmlInMarkdownIsShownAsTextNeverPassedThrough()
    {
        var html = ArticleLibraryLoader.Load(sample.Path).Find("welcome")!.Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TableAlignmentUsesClassesNotInlineStyles()
    {
        var html = ArticleLibraryLoader.Load(sample.Path).Find("causes")!.Html;

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("class=\"align-right\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EachFrequentlyAskedQuestionBecomesAnExpandableItemWithAnId()
    {
        var section = ArticleLibraryLoader.Load(sample.Path).Find("questions")!;
        var document = new HtmlParser().ParseDocument(section.Html);

        var items = document.QuerySelectorAll("details");
        Assert.Equal(2, items.Length);
        Assert.Equal(["can-i-keep-running", "see-someone"], items.Select(i => i.Id));
        Assert.Equal("Can I keep running?", items[0].QuerySelector("summary")?.TextContent);
        Assert.Contains("Usually, if the pain stays mild.", items[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("two weeks", items[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("<p>Answers to what runners ask.</p>", section.Html, StringComparison.Ordinal);
        Assert.Equal(["can-i-keep-running", "see-someone", "sources"], section.Headings.Select(h => h.Id));
        Assert.Null(document.QuerySelector("details #sources"));
        Assert.NotNull(document.QuerySelector("h2#sources + ol a[href='https://example.org/a-title']"));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("slug")]
    [InlineData("order")]
    [InlineData("summary")]
    [InlineData("lastReviewed")]
    public void AMissingFrontMatterKeyNamesTheFileAndTheKey(string key)
    {
        using var folder = new ArticleFolder().With("01-broken.md", string.Join('\n',
            new[] { "---", "title: T", "slug: s", "order: 1", "summary: S", "lastReviewed: 2026-11-20", "---", "", "Body." }
                .Where(line => !line.StartsWith(key + ":", StringComparison.Ordinal))));

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("01-broken.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no front matter at all\n\n## Heading", "no front matter")]
    [InlineData("---\ntitle: [unclosed\n---\nBody", "not valid YAML")]
    [InlineData("---\ntitle: T\nslug: s\norder: first\nsummary: S\nlastReviewed: 2026-11-20\n---\n", "not a whole number")]
    [InlineData("---\ntitle: T\nslug: s\norder: 1\nsummary: S\nlastReviewed: 20/11/2026\n---\n", "yyyy-mm-dd")]
    [InlineData("---\ntitle: T\nslug: Not A Slug\norder: 1\nsummary: S\nlastReviewed: 2026-11-20\n---\n", "lower-case")]
    [InlineData("---\ntitle: T\nslug: s\norder: 1\nsummary: S\nlastReviewed: 2026-11-20\nkind: quiz\n---\n", "kind 'quiz'")]
    [InlineData("---\ntitle: T\nslug: s\norder: 1\nsummary: S\nlastReviewed: 2026-11-20\nsumary: typo\n---\n", "unknown key")]
    public void BrokenFrontMatterNamesTheFileAndSaysWhatIsWrong(string text, string expected)
    {
        using var folder = new ArticleFolder().With("07-broken.md", text);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("07-broken.md", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateSlugNamesBothFiles()
    {
        using var folder = new ArticleFolder()
            .WithSection("causes", 1, "One.")
            .With("02-again.md", "---\ntitle: T\nslug: causes\norder: 2\nsummary: S\nlastReviewed: 2026-11-20\n---\nTwo." + ArticleFolder.SourcesEnding);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("01-causes.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("02-again.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("slug 'causes'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSectionsInTheSamePositionNameBothFiles()
    {
        using var folder = new ArticleFolder()
            .WithSection("one", 3, "One.")
            .With("09-two.md", "---\ntitle: T\nslug: two\norder: 3\nsummary: S\nlastReviewed: 2026-11-20\n---\nTwo." + ArticleFolder.SourcesEnding);

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("03-one.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("09-two.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHeadingsWithTheSameAnchorAreRefused()
    {
        using var folder = new ArticleFolder().WithSection("causes", 1, "## Cyst {#cyst}\n\n## Other {#cyst}\n");

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("01-causes.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cyst'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnchorTheLayoutUsesIsRefused()
    {
        using var folder = new ArticleFolder().WithSection("causes", 1, "## Main {#main-content}\n");

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("main-content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributesThatWouldInjectStyleOrScriptAreRefused()
    {
        using var folder = new ArticleFolder().WithSection("causes", 1, "## Loud {style=\"color:red\"}\n");

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains("01-causes.md", error.Message, StringComparison.Ordinal);
        Assert.Contains("'style'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutSectionsIsRefused()
    {
        using var folder = new ArticleFolder();

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderLineIsFilledWithItsMarkdownBeforeRendering()
    {
        using var folder = new ArticleFolder().WithSection("signs", 1, "Before.\n\n{{warning-signs:emergency}}\n\nAfter.");
        var placeholders = new Dictionary<string, string> { ["warning-signs:emergency"] = "### Call now {#call-now}\n\n- **A sign.**\n" };

        var section = ArticleLibraryLoader.Load(folder.Path, placeholders).Find("signs")!;

        Assert.Contains("<h3 id=\"call-now\">Call now</h3>", section.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>A sign.</strong>", section.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", section.Html, StringComparison.Ordinal);
        Assert.Contains(section.Headings, h => h.Id == "call-now");
    }

    [Fact]
    public void AnUnknownPlaceholderNamesTheFileLineAndTheKnownOnes()
    {
        using var folder = new ArticleFolder().WithSection("signs", 1, "Before.\n\n{{warning-signs:emergncy}}\n");
        var placeholders = new Dictionary<string, string> { ["warning-signs:emergency"] = "Text." };

        var error = Assert.Throws<ArticleContentException>(() => ArticleLibraryLoader.Load(folder.Path, placeholders));

        Assert.Contains("01-signs.md, line 12", error.Message, StringComparison.Ordinal);
        Assert.Contains("'{{warning-signs:emergncy}}' is unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("warning-signs:emergency", error.Message, StringComparison.Ordinal);
    }
}
