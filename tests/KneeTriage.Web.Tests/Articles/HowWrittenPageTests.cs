using System.Globalization;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>Issue #24: the page on how the guide is written and checked shows every section's review date and ends with sources.</summary>
public sealed class HowWrittenPageTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    [Fact]
    public async Task ThePageListsEverySectionWithTheReviewDateFromItsFrontMatter()
    {
        var library = factory.Services.GetRequiredService<ArticleLibrary>();

        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/how-written");

        var rows = page.Document.QuerySelectorAll("#review-dates ~ table tbody tr").ToList();
        Assert.Equal(library.Sections.Count, rows.Count);
        foreach (var section in library.Sections)
        {
            var row = rows.SingleOrDefault(r => r.QuerySelector($"a[href='{section.Url}']") is not null);
            Assert.True(row is not null, $"no row for {section.Url}");
            Assert.Equal(section.LastReviewed.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), row.Children[1].TextContent.Trim());
        }
    }

    [Fact]
    public async Task EverySectionEndsWithNumberedSourcesThatLinkOut()
    {
        var client = factory.CreateClient();
        foreach (var section in factory.Services.GetRequiredService<ArticleLibrary>().Sections)
        {
            var page = await HtmlPage.LoadAsync(client, section.Url);

            var links = page.Document.QuerySelectorAll("#sources + ol > li a[href^='http']");
            Assert.True(links.Length > 0, $"{section.Url} has no numbered sources with links");
        }
    }
}
