using KneeTriage.BrowserTests.Boards;
using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// A coach makes a board; a runner checks, opens the join link and shares; the coach opens the
/// board in a fresh browser and sees them; the runner stops sharing from the result page and the
/// board no longer lists them. Then the board on a 375 px phone without JavaScript, by keyboard.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class CoachBoardJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task ARunnerSharesThroughTheJoinLinkTheCoachSeesThemInAFreshBrowserUntilTheRunnerStopsSharing()
    {
        // The coach makes the board and keeps both links.
        await using var makerContext = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var maker = await makerContext.NewPageAsync();
        var makerProblems = PageProblems.Watch(maker, site.RootUri);
        await maker.GotoAsync("/boards/new");
        await maker.GetByLabel("Name of the board").FillAsync("Riverside RC juniors");
        await maker.GetByRole(AriaRole.Button, new() { Name = "Make the board" }).ClickAsync();
        await Assertions.Expect(maker.Locator("h1")).ToHaveTextAsync("Your board is ready");
        await Assertions.Expect(maker.GetByRole(AriaRole.Heading, new() { Name = "Save this delete key now" })).ToBeVisibleAsync();
        await AxeAudit.AssertNoViolationsAsync(maker, "the board-made page");
        var boardUrl = await maker.GetByRole(AriaRole.Textbox, new() { Name = "Board link" }).InputValueAsync();
        var joinUrl = await maker.GetByRole(AriaRole.Textbox, new() { Name = "Join link" }).InputValueAsync();
        makerProblems.AssertNone();

        // The runner takes the check, then opens the join link from the club chat.
        await using var runnerContext = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var runner = await runnerContext.NewPageAsync();
        var runnerProblems = PageProblems.Watch(runner, site.RootUri);
        await runner.GotoAsync("/check");
        await SymptomCheckForm.StartButton(runner).ClickAsync();
        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(runner, steps[i], i + 1, steps.Count);
            await SymptomCheckForm.FillByPointerAsync(runner, steps[i]);
            await SymptomCheckForm.ContinueButton(runner).ClickAsync();
        }

        await runner.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await ResultPage.ExpectSelfCareResultAsync(runner);
        var resultUrl = runner.Url;

        await runner.GotoAsync(joinUrl);
        await Assertions.Expect(runner.Locator("h1")).ToContainTextAsync("Riverside RC juniors");
        await AxeAudit.AssertNoViolationsAsync(runner, "the join page with a result to share");
        await Assertions.Expect(runner.Locator("input[name=ResultId]")).ToBeCheckedAsync();
        await runner.GetByLabel("Your name on the board").FillAsync("Robin <3");
        await runner.GetByRole(AriaRole.Button, new() { Name = "Share with the board" }).ClickAsync();
        await Assertions.Expect(runner.Locator("h1")).ToContainTextAsync("Shared with");
        await AxeAudit.AssertNoViolationsAsync(runner, "the shared confirmation");

        // The coach on another device: a fresh browser with nothing but the bookmarked link.
        await using var coachContext = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var coach = await coachContext.NewPageAsync();
        var coachProblems = PageProblems.Watch(coach, site.RootUri);
        await coach.GotoAsync(boardUrl);
        var athlete = coach.Locator(".athlete");
        await Assertions.Expect(athlete).ToHaveCountAsync(1);
        await Assertions.Expect(athlete.Locator(".athlete-name")).ToHaveTextAsync("Robin <3");
        await Assertions.Expect(athlete).ToContainTextAsync("Self-care");
        await Assertions.Expect(coach.Locator("body")).Not.ToContainTextAsync("Your answers");
        await AxeAudit.AssertNoViolationsAsync(coach, "the board with an athlete, in a fresh browser");
        await Screenshots.SaveAsync(coach, $"{Viewport.Desktop.Name}-board");

        // The runner changes their mind on the result page.
        await runner.GotoAsync(resultUrl);
        var stop = runner.GetByRole(AriaRole.Button, new() { Name = "Stop sharing with Riverside RC juniors" });
        await Assertions.Expect(stop).ToBeVisibleAsync();
        await AxeAudit.AssertNoViolationsAsync(runner, "the result page with its board section");
        await stop.ClickAsync();
        await Assertions.Expect(runner.GetByRole(AriaRole.Button, new() { Name = "Stop sharing with Riverside RC juniors" })).ToHaveCountAsync(0);

        await coach.ReloadAsync();
        await Assertions.Expect(coach.Locator(".athlete")).ToHaveCountAsync(0);
        await Assertions.Expect(coach.Locator("body")).Not.ToContainTextAsync("Robin");
        runnerProblems.AssertNone();
        coachProblems.AssertNone();
    }

    [BrowserFact]
    public async Task OnAPhoneWithoutJavaScriptTheCoachRemovesAnAthleteByKeyboardWithThePastedKey()
    {
        var phone = Viewport.Phone.ContextOptions();
        phone.JavaScriptEnabled = false;
        await using var context = await site.NewContextAsync(phone);
        var board = await BoardSetup.CreateBoardAsync(context, "A club with a rather long name for a small phone");
        await BoardSetup.ShareNewResultAsync(context, board, "Alexandra-Catherine Worthington", duration: "over-6-weeks");
        await BoardSetup.ShareNewResultAsync(context, board, "Sam");
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        foreach (var (name, path) in new[] { ("boards-new", "/boards/new"), ("join-no-results", board.JoinPath), ("board", board.BoardPath) })
        {
            await page.GotoAsync(path);
            await Viewport.AssertNoSidewaysScrollingAsync(page);
            await Screenshots.SaveAsync(page, $"{Viewport.Phone.Name}-nojs-{name}");
        }

        var names = page.Locator(".athlete-name");
        await Assertions.Expect(names).ToHaveTextAsync(["Alexandra-Catherine Worthington", "Sam"]);

        // Keyboard only: open Sam's "Remove" question, paste the key, confirm.
        await page.Locator(".athlete", new() { HasText = "Sam" }).Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var keyField = page.Locator(".athlete", new() { HasText = "Sam" }).GetByLabel("The board's delete key");
        await Assertions.Expect(keyField).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(keyField).ToBeFocusedAsync();
        await FocusIndicator.AssertVisibleAsync(page, "the board key field");
        await page.Keyboard.TypeAsync(board.DeleteKey);
        await page.Keyboard.PressAsync("Tab");
        await FocusIndicator.AssertVisibleAsync(page, "the remove button");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(names).ToHaveTextAsync(["Alexandra-Catherine Worthington"]);
        await Viewport.AssertNoSidewaysScrollingAsync(page);
        problems.AssertNone();
    }
}
