using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>A runner reads the guide: home, the contents, a section, its anchors, and the 404 page.</summary>
[Collection(SiteCollection.Name)]
public sealed class ReaderJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerFindsTheCausesSectionFromTheHomePageAndJumpsToBakersCyst()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        var home = await page.GotoAsync("/");
        Assert.True(home?.Ok, $"The home page answered {home?.Status}.");
        Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()), "The home page has no <title>.");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("does not replace a clinician");

        // The contents list on the home page leads into the causes section.
        await page.GetByRole(AriaRole.Main).Locator("a[href='/article/causes']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.RootUri, "/article/causes").ToString());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Causes");
        Assert.NotEqual(await page.TitleAsync(), await HomeTitleAsync(context));

        // Every condition of the contract has an anchored subsection the symptom check links to.
        await page.GotoAsync("/article/causes#bakers-cyst");
        var cyst = page.Locator("#bakers-cyst");
        await Assertions.Expect(cyst).ToBeVisibleAsync();
        await Assertions.Expect(cyst).ToBeInViewportAsync();

        // Previous and next links walk the guide in order.
        await page.Locator("a[rel='next']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(site.RootUri, "/article/prevention").ToString());

        problems.AssertNone();
    }

    [BrowserFact]
    public async Task KeyboardUserSkipsStraightToTheMainContent()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/article/symptoms");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator(":focus");
        await Assertions.Expect(skipLink).ToHaveAttributeAsync("href", "#main-content");
        await Assertions.Expect(skipLink).ToBeVisibleAsync();
        await FocusIndicator.AssertVisibleAsync(page, "on the skip link");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(":focus")).ToHaveIdAsync("main-content");
    }

    [BrowserFact]
    public async Task FrequentlyAskedQuestionsOpenWithoutJavaScript()
    {
        await using var context = await site.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/article/faq");

        var firstQuestion = page.Locator("details").First;
        await Assertions.Expect(firstQuestion).ToBeVisibleAsync();
        await Assertions.Expect(firstQuestion).Not.ToHaveAttributeAsync("open", "");
        await firstQuestion.Locator("summary").ClickAsync();
        await Assertions.Expect(firstQuestion).ToHaveAttributeAsync("open", "");
    }

    [BrowserFact]
    public async Task UnknownSectionShowsAHelpfulNotFoundPageWithAWayBack()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);
        problems.Expect4xxAt("/article/no-such-section");

        var response = await page.GotoAsync("/article/no-such-section");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).Locator("a[href='/']").First).ToBeVisibleAsync();
        problems.AssertNone();
    }

    private static async Task<string> HomeTitleAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var title = await page.TitleAsync();
        await page.CloseAsync();
        return title;
    }
}
