using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>The real article, read from the content folder the build copies beside the app.</summary>
public sealed class RealArticleTests(KneeTriageAppFactory factory, ITestOutputHelper output) : IClassFixture<KneeTriageAppFactory>
{
    /// <summary>The sections the guide promises on its home page.</summary>
    public static readonly TheoryData<string> PromisedSections =
        ["introduction", "causes", "prevention", "symptoms", "diagnosis", "treatment", "faq", "how-written"];

    /// <summary>Condition ids of the triage contract; the symptom check links to /article/causes#{id}.</summary>
    public static readonly TheoryData<string> ContractConditions =
    [
        "hamstring-tendinopathy", "calf-strain", "popliteus-tendinopathy", "bakers-cyst", "meniscus-tear",
        "ligament-injury", "overuse-overload", "knee-osteoarthritis", "patellofemoral-pain", "itb-syndrome",
        "deep-vein-thrombosis", "popliteal-artery-entrapment", "nerve-irritation", "septic-arthritis", "fracture",
        "popliteal-artery-aneurysm", "knee-tendon-rupture",
        "inflammatory-arthritis", "compartment-syndrome", "lumbar-referred-pain", "hip-referred-pain",
    ];

    private ArticleLibrary Library => factory.Services.GetRequiredService<ArticleLibrary>();

    [Fact]
    public void TheRealContentFolderIsCopiedBesideTheApp() =>
        Assert.True(
            File.Exists(Path.Combine(AppContext.BaseDirectory, "content", "article", "01-introduction.md")),
            "the build should copy content/article beside the app so it runs without the source tree");

    [Theory]
    [MemberData(nameof(PromisedSections))]
    public void EveryPromisedSectionExists(string slug) =>
        Assert.True(Library.Find(slug) is not null, $"the guide has no section '{slug}'; found: {string.Join(", ", Library.Sections.Select(s => s.Slug))}");

    [Fact]
    public async Task EverySectionRendersWithItsTitleAndEveryHeading()
    {
        var client = factory.CreateClient();
        Assert.NotEmpty(Library.Sections);

        foreach (var section in Library.Sections)
        {
            var page = await HtmlPage.LoadAsync(client, section.Url);

            Assert.True(section.Title == page.H1, $"{section.Url}: the h1 is '{page.H1}', expected '{section.Title}'");
            Assert.True(section.Summary == page.MetaDescription, $"{section.Url}: the meta description is not the section summary");
            Assert.True(page.Title.StartsWith(section.Title, StringComparison.Ordinal), $"{section.Url}: <title> '{page.Title}' does not start with the section title");
            Assert.True(page.Document.QuerySelectorAll("main h1").Length == 1, $"{section.Url}: a section page needs exactly one h1 (start the Markdown at ##)");
            foreach (var heading in section.Headings)
            {
                var element = page.Document.GetElementById(heading.Id);
                Assert.True(element is not null, $"{section.Url}: heading '{heading.Text}' has no element with id '{heading.Id}'");
                Assert.True(
                    element.TextContent.Trim().StartsWith(heading.Text, StringComparison.Ordinal),
                    $"{section.Url}#{heading.Id}: expected the text '{heading.Text}', found '{element.TextContent.Trim()}'");
                Assert.True(
                    page.Navigation("On this page")?.QuerySelector($"a[href='#{heading.Id}']") is not null,
                    $"{section.Url}: the in-page contents has no link to '{heading.Text}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ContractConditions))]
    public async Task EveryConditionOfTheSymptomCheckHasAnAnchorOnTheCausesPage(string conditionId)
    {
        var page = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/causes");

        Assert.True(
            page.Ids.Contains(conditionId),
            $"/article/causes has no anchor '{conditionId}'; the symptom check links results there");
    }

    [Fact]
    public async Task TheQuestionsSectionIsExpandableItems()
    {
        var faq = Library.Sections.Where(s => s.Kind == ArticleKind.Faq).ToList();
        Assert.NotEmpty(faq);

        foreach (var section in faq)
        {
            var page = await HtmlPage.LoadAsync(factory.CreateClient(), section.Url);
            var items = page.Document.QuerySelectorAll("main details");
            Assert.True(items.Length >= 6, $"{section.Url}: expected the six questions at least, found {items.Length}");
            Assert.All(items, item => Assert.False(string.IsNullOrEmpty(item.Id), $"{section.Url}: a question has no id"));
        }
    }

    [Fact]
    public async Task EveryInternalLinkAndAnchorResolvesFromTheHomePage()
    {
        var report = await new SiteCrawler(factory).CrawlAsync("/");

        output.WriteLine($"Crawled {report.PagesVisited.Count} pages.");
        foreach (var missing in report.MissingFeatures)
        {
            output.WriteLine($"Not built yet, so not checked: {missing}");
        }

        Assert.True(report.Problems.Count == 0, "Broken links or anchors:\n" + string.Join('\n', report.Problems));
        foreach (var section in Library.Sections)
        {
            Assert.Contains(section.Url, report.PagesVisited);
        }

        foreach (var (url, page) in report.Pages)
        {
            Assert.False(string.IsNullOrWhiteSpace(page.Title), $"{url} has no <title>");
            Assert.False(string.IsNullOrWhiteSpace(page.MetaDescription), $"{url} has no meta description");
        }

        var sharedTitles = report.Pages.GroupBy(p => p.Value.Title).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}': {string.Join(", ", g.Select(p => p.Key))}").ToList();
        Assert.True(sharedTitles.Count == 0, "Pages that share a <title>:\n" + string.Join('\n', sharedTitles));
    }
}
