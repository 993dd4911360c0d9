using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Countries;

/// <summary>
/// On a phone with JavaScript off, a runner whose browser speaks American English sees 911 on the
/// check's start page, changes the country in the footer to Australia, lands back on the same page
/// with 000, and every number is a tap target of at least 44 px.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CountryChoiceJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task ARunnerChangesTheCountryInTheFooterWithoutJavaScript()
    {
        var phone = Viewport.Phone.ContextOptions();
        phone.JavaScriptEnabled = false;
        phone.Locale = "en-US";
        await using var context = await site.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await page.GotoAsync("/check");
        var emergency = page.Locator("main [data-urgency='emergency']");
        await Assertions.Expect(emergency.Locator("a[href='tel:911']").First).ToBeVisibleAsync();

        await page.GetByLabel("Emergency numbers and services for").SelectOptionAsync("AU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change country" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.RootUri, "/check").ToString());
        await Assertions.Expect(emergency.Locator("a[href='tel:000']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a[href='tel:911']")).ToHaveCountAsync(0);
        foreach (var link in await page.Locator("a.tel-link:visible").AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box is { Width: >= 44, Height: >= 44 }, $"a number's tap target is {box?.Width}x{box?.Height} px, under 44 px");
        }

        problems.AssertNone();
    }
}
