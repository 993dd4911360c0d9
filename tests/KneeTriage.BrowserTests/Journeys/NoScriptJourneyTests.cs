using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// With JavaScript switched off, on a 375 px phone, the whole symptom check still works
/// (JavaScript only enhances), every page fits the screen, and a screenshot of each is kept.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class NoScriptJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerWithoutJavaScriptCompletesTheSymptomCheckAndSeesTheResult()
    {
        var phone = Viewport.Phone.ContextOptions();
        phone.JavaScriptEnabled = false;
        await using var context = await site.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await page.GotoAsync("/check");
        await SymptomCheckForm.StartButton(page).ClickAsync();

        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            await FitsThePhoneAsync(page, $"check-{i + 1}-{steps[i].StepId}");
            await SymptomCheckForm.FillByPointerAsync(page, steps[i]);
            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        await FitsThePhoneAsync(page, "check-review");
        // Changing an answer opens its step with what was ticked still ticked (kept in a cookie, not by script).
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answer to: Where does it hurt?" }).ClickAsync();
        await Assertions.Expect(page.Locator($"input[name='{RunnerAnswers.PainLocationQuestion}'][value='{RunnerAnswers.PainLocation}']")).ToBeCheckedAsync();
        await SymptomCheckForm.ContinueButton(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await ResultPage.ExpectSelfCareResultAsync(page);
        await FitsThePhoneAsync(page, "result");

        // Without script there is no copy button, but the link is there to select and copy.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Link to this result", new() { Exact = true })).ToHaveValueAsync(new Uri(page.Url).GetLeftPart(UriPartial.Query));
        problems.AssertNone();
    }

    private static async Task FitsThePhoneAsync(IPage page, string name)
    {
        await Viewport.AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, $"{Viewport.Phone.Name}-nojs-{name}");
    }
}
