using Bunit;
using KneeTriage.Web.Components.Guide;

namespace KneeTriage.Web.Tests.Components.Guide;

public sealed class ArticleContentsTests : BunitContext
{
    [Fact]
    public void ListsEverySectionInReadingOrderWithItsSummary()
    {
        var cut = Render<ArticleContents>(p => p.Add(c => c.Sections, Sections.Guide));

        var nav = cut.Find("nav[aria-label='Guide contents']");
        var links = nav.QuerySelectorAll("ol > li > a");
        Assert.Equal(["Pain behind the knee", "Causes", "Questions"], links.Select(a => a.TextContent));
        Assert.Equal(["/article/introduction", "/article/causes", "/article/faq"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("Summary of causes.", nav.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksTheSectionBeingReadAsTheCurrentPage()
    {
        var cut = Render<ArticleContents>(p => p
            .Add(c => c.Sections, Sections.Guide)
            .Add(c => c.CurrentSlug, "causes"));

        var current = cut.FindAll("a[aria-current=page]");
        Assert.Single(current);
        Assert.Equal("Causes", current[0].TextContent);
    }

    [Fact]
    public void CanLeaveOutSummariesAndTakeItsOwnName()
    {
        var cut = Render<ArticleContents>(p => p
            .Add(c => c.Sections, Sections.Guide)
            .Add(c => c.ShowSummaries, false)
            .Add(c => c.Label, "All sections of the guide"));

        Assert.NotNull(cut.Find("nav[aria-label='All sections of the guide']"));
        Assert.DoesNotContain("Summary of", cut.Markup, StringComparison.Ordinal);
    }
}
