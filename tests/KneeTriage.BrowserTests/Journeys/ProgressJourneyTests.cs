using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// A runner checks, checks again a week later with the earlier answers filled in and the pain
/// changed, sees the progress, then manages both results on /my-results and deletes one: on a
/// 375 px phone with JavaScript off (every step is a form or a disclosure), each page fitting the screen.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProgressJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerChecksAgainSeesWhatChangedAndDeletesOneResultFromMyResults()
    {
        var phone = Viewport.Phone.ContextOptions();
        phone.JavaScriptEnabled = false;
        await using var context = await site.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await FollowUpCheck.CompleteFirstCheckAsync(page, name => FitsThePhoneAsync(page, name));
        var firstUrl = new Uri(page.Url).AbsolutePath;
        await FollowUpCheck.CheckAgainChangingPainAsync(page, pain: 7, name => FitsThePhoneAsync(page, name));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ResultPage.ResultUrl());
        var secondUrl = new Uri(page.Url).AbsolutePath;
        Assert.NotEqual(firstUrl, secondUrl);
        var progress = page.Locator(".result-progress");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        await Assertions.Expect(progress.Locator(".progress-chart svg.progress-chart-svg")).ToBeVisibleAsync();
        await Assertions.Expect(progress.Locator(".progress-changes")).ToContainTextAsync("Pain 4/10 → 7/10");
        // The figures behind the chart, in a table behind a disclosure that needs no script.
        await progress.GetByText("Show your checks as a table").ClickAsync();
        await Assertions.Expect(progress.Locator("table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(progress.Locator($"a[href='{firstUrl}']").First).ToBeVisibleAsync();
        await FitsThePhoneAsync(page, "result-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "All your results in this browser" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/my-results"));
        var items = page.Locator(".my-results-item");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        // Newest first.
        await Assertions.Expect(items.First.Locator($"a[href='{secondUrl}']")).ToBeVisibleAsync();
        await FitsThePhoneAsync(page, "my-results");

        // Two steps, no script: "Delete" opens the question, only "Yes, delete ..." deletes.
        var older = items.Nth(1);
        await older.Locator(".delete-confirm > summary").ClickAsync();
        await FitsThePhoneAsync(page, "my-results-confirm");
        await older.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Yes, delete the result of") }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("has been deleted");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First.Locator($"a[href='{secondUrl}']")).ToBeVisibleAsync();
        // The remaining result's series is now itself alone.
        await page.GotoAsync(secondUrl);
        await Assertions.Expect(page.Locator(".result-progress")).ToHaveCountAsync(0);
        problems.AssertNone();
        // (Last: a 404 shows up as a console error, which the watch above would count.)
        var gone = await page.GotoAsync(firstUrl);
        Assert.Equal(404, gone?.Status);
    }

    private static async Task FitsThePhoneAsync(IPage page, string name)
    {
        await Viewport.AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, $"{Viewport.Phone.Name}-nojs-{name}");
    }
}
