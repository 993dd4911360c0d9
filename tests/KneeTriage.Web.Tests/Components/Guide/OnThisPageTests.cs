using Bunit;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Components.Guide;

namespace KneeTriage.Web.Tests.Components.Guide;

public sealed class OnThisPageTests : BunitContext
{
    [Fact]
    public void NestsSubheadingsUnderTheirHeading()
    {
        ArticleHeading[] headings =
        [
            new(2, "why", "Why runners get pain"),
            new(3, "overuse", "Overuse"),
            new(3, "form", "Running form"),
            new(2, "causes", "The causes one by one"),
        ];

        var cut = Render<OnThisPage>(p => p.Add(c => c.Headings, headings));

        var nav = cut.Find("nav");
        Assert.Equal("On this page", cut.Find("#" + nav.GetAttribute("aria-labelledby")).TextContent);
        var top = nav.QuerySelectorAll(":scope > ul > li > a");
        Assert.Equal(["#why", "#causes"], top.Select(a => a.GetAttribute("href")));
        var nested = nav.QuerySelectorAll(":scope > ul > li:first-child > ul > li > a");
        Assert.Equal(["Overuse", "Running form"], nested.Select(a => a.TextContent));
    }

    [Fact]
    public void ASectionWithoutHeadingsShowsNoContents()
    {
        var cut = Render<OnThisPage>(p => p.Add(c => c.Headings, Array.Empty<ArticleHeading>()));

        Assert.Empty(cut.FindAll("nav"));
    }
}
