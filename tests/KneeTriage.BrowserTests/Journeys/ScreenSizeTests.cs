using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// The site on a 375 px phone and on a desktop: every kind of page fits the screen without
/// sideways scrolling, and a full-page screenshot of each is kept (see Screenshots.Directory).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ScreenSizeTests(SiteFixture site)
{
    public static TheoryData<string> Screens => new() { Viewport.Phone.Name, Viewport.Desktop.Name };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task PagesAnyoneCanOpenFitTheScreen(string screen)
    {
        var viewport = screen == Viewport.Phone.Name ? Viewport.Phone : Viewport.Desktop;
        await using var context = await site.NewContextAsync(viewport.ContextOptions());
        var page = await context.NewPageAsync();

        foreach (var (name, path) in new[] { ("home", "/"), ("article-causes", "/article/causes"), ("article-faq", "/article/faq"), ("not-found", "/article/no-such-section"), ("check-start", "/check"), ("api-docs", "/api-docs") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Viewport.AssertNoSidewaysScrollingAsync(page);
            await Screenshots.SaveAsync(page, $"{viewport.Name}-{name}");
        }
    }

    [BrowserFact]
    public async Task PhoneRunnerTapsTheKneeDiagramToTickWhereItHurts()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/pain");

        var box = page.Locator("input[name='pain-location'][value='back-center']");
        var area = page.Locator("[data-knee-diagram] [data-value='back-center']");
        await area.ScrollIntoViewIfNeededAsync();
        await area.TapAsync();
        await Assertions.Expect(box).ToBeCheckedAsync();
        await Assertions.Expect(area).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-selected"));

        await Viewport.AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, $"{Viewport.Phone.Name}-check-2-pain-diagram-tapped");
    }
}
