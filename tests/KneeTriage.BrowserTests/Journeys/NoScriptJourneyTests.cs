using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>With JavaScript switched off, the whole symptom check still works: JavaScript only enhances.</summary>
[Collection(SiteCollection.Name)]
public sealed class NoScriptJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerWithoutJavaScriptCompletesTheSymptomCheckAndSeesTheResult()
    {
        await using var context = await site.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await page.GotoAsync("/check");
        await SymptomCheckForm.StartButton(page).ClickAsync();

        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            await SymptomCheckForm.FillByPointerAsync(page, steps[i]);
            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        // Back to a step and forward again keeps what was ticked (the draft is kept in a cookie, not in script).
        await page.GetByRole(AriaRole.Link, new() { Name = "Change your answer to: Where does it hurt?" }).ClickAsync();
        await Assertions.Expect(page.Locator($"input[name='{RunnerAnswers.PainLocationQuestion}'][value='{RunnerAnswers.PainLocation}']")).ToBeCheckedAsync();
        await SymptomCheckForm.ContinueButton(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await ResultPage.ExpectSelfCareResultAsync(page);
        problems.AssertNone();
    }
}
