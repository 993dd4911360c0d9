using Bunit;
using KneeTriage.Web.Components.Guide;

namespace KneeTriage.Web.Tests.Components.Guide;

public sealed class SectionNavigationTests : BunitContext
{
    [Fact]
    public void OffersTheSectionsBeforeAndAfterByTitle()
    {
        var cut = Render<SectionNavigation>(p => p
            .Add(c => c.Previous, Sections.Guide[0])
            .Add(c => c.Next, Sections.Guide[2]));

        var nav = cut.Find("nav[aria-label='Previous and next sections']");
        var previous = nav.QuerySelector("a[rel=prev]");
        var next = nav.QuerySelector("a[rel=next]");
        Assert.NotNull(previous);
        Assert.NotNull(next);
        Assert.Equal("/article/introduction", previous.GetAttribute("href"));
        Assert.Contains("Previous", previous.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pain behind the knee", previous.TextContent, StringComparison.Ordinal);
        Assert.Equal("/article/faq", next.GetAttribute("href"));
        Assert.Contains("Questions", next.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstSectionHasNoPreviousLink()
    {
        var cut = Render<SectionNavigation>(p => p.Add(c => c.Next, Sections.Guide[1]));

        Assert.Empty(cut.FindAll("a[rel=prev]"));
        Assert.Single(cut.FindAll("a[rel=next]"));
    }

    [Fact]
    public void ASingleSectionGuideShowsNoNavigationAtAll()
    {
        var cut = Render<SectionNavigation>();

        Assert.Empty(cut.FindAll("nav"));
    }
}
