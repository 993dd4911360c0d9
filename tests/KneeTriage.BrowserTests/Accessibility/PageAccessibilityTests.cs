using KneeTriage.BrowserTests.Infrastructure;

namespace KneeTriage.BrowserTests.Accessibility;

/// <summary>
/// axe-core at WCAG 2.2 AA on every kind of page that needs no answers to reach, in the light
/// and the dark colour scheme (dark mode follows the system, so contrast must hold in both).
/// The questionnaire steps, check-your-answers and result pages are audited on the way
/// through the symptom check journey.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PageAccessibilityTests(SiteFixture site)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "home", "/" },
        { "article section (introduction)", "/article/introduction" },
        { "article section (causes)", "/article/causes" },
        { "article section (FAQ, expandable items)", "/article/faq" },
        { "article section (treatment, the pain rule in a quote)", "/article/treatment" },
        { "article section (how the guide is written, review dates table)", "/article/how-written" },
        { "404 page", "/article/no-such-section" },
        { "result not found (404)", "/results/AAAAAAAAAAAAAAAAAAAAAA" },
        { "symptom check start page", "/check" },
        { "API page", "/api-docs" },
        { "your results (none in this browser)", "/my-results" },
        { "make a coach's board", "/boards/new" },
        { "board not found (404)", "/boards/AAAAAAAAAAAAAAAAAAAAAAAA" },
        { "board deleted", "/boards/deleted" },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoWcagViolationsInLightMode(string kind, string path)
    {
        await AuditAsync(kind, path, Microsoft.Playwright.ColorScheme.Light);
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoWcagViolationsInDarkMode(string kind, string path)
    {
        await AuditAsync(kind, path, Microsoft.Playwright.ColorScheme.Dark);
    }

    private async Task AuditAsync(string kind, string path, Microsoft.Playwright.ColorScheme scheme)
    {
        await using var context = await site.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await AxeAudit.AssertNoViolationsAsync(page, $"the {kind} in {scheme} mode");
    }
}
