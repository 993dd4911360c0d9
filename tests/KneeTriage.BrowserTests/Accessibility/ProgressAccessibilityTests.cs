using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Accessibility;

/// <summary>
/// axe-core at WCAG 2.2 AA, light and dark, on the pages of a follow-up check: the result with
/// "Check again", a filled-in step, check your answers of a follow-up, a result with progress (as
/// its runner and as a coach) and /my-results with results and with none.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProgressAccessibilityTests(SiteFixture site)
{
    [BrowserFact]
    public async Task FollowUpPagesAndMyResultsHaveNoWcagViolationsInLightAndDarkMode()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await FollowUpCheck.CompleteFirstCheckAsync(page, name => AuditBothAsync(page, name));
        await FollowUpCheck.CheckAgainChangingPainAsync(page, pain: 2, name => AuditBothAsync(page, name));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-progress")).ToBeVisibleAsync();
        await AuditBothAsync(page, "result-progress-runner");
        var resultUrl = page.Url;

        await page.GotoAsync("/my-results");
        await Assertions.Expect(page.Locator(".my-results-item")).ToHaveCountAsync(2);
        await AuditBothAsync(page, "my-results");
        await page.Locator(".my-results-delete-all .delete-confirm > summary").ClickAsync();
        await AuditBothAsync(page, "my-results-delete-all-open");
        problems.AssertNone();

        await using var coachContext = await site.NewContextAsync(Viewport.Phone.ContextOptions());
        var coach = await coachContext.NewPageAsync();
        await coach.GotoAsync(resultUrl);
        await Assertions.Expect(coach.Locator(".result-progress")).ToBeVisibleAsync();
        await AuditBothAsync(coach, "result-progress-coach");
        await Viewport.AssertNoSidewaysScrollingAsync(coach);
        await coach.GotoAsync("/my-results");
        await Assertions.Expect(coach.Locator(".my-results-item")).ToHaveCountAsync(0);
        await AuditBothAsync(coach, "my-results-empty");
    }

    private static async Task AuditBothAsync(IPage page, string name)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await AxeAudit.AssertNoViolationsAsync(page, $"{name} in {scheme} mode");
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Screenshots.SaveAsync(page, $"axe-{name}");
    }
}
