using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// A runner who uses only the keyboard: Tab, arrow keys, Space and Enter take them through the
/// whole symptom check to the result, and every element that takes focus shows it. The
/// browser asks for the dark colour scheme, so each page is also audited by axe in dark mode.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class KeyboardJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task KeyboardOnlyRunnerCompletesTheSymptomCheckWithFocusAlwaysVisible()
    {
        await using var context = await site.NewContextAsync(new() { ColorScheme = ColorScheme.Dark });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.RootUri.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);
        await page.GotoAsync("/check");
        await AxeAudit.AssertNoViolationsAsync(page, "the start page in dark mode");

        await SymptomCheckForm.TabUntilAsync(page, "main a[href^='/check/']", "the Start now button");
        await page.Keyboard.PressAsync("Enter");

        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            await AxeAudit.AssertNoViolationsAsync(page, $"step {i + 1} ({steps[i].StepId}) in dark mode");
            if (steps[i].StepId == "about-the-injury")
            {
                await MissingAgeIsReachableFromTheErrorSummaryAsync(page);
            }

            await SymptomCheckForm.AnswerByKeyboardAsync(page, steps[i]);
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        await AxeAudit.AssertNoViolationsAsync(page, "check your answers in dark mode");
        await SymptomCheckForm.SubmitByKeyboardAsync(page);

        await ResultPage.ExpectSelfCareResultAsync(page);
        await AxeAudit.AssertNoViolationsAsync(page, "the result page in dark mode");
        await SymptomCheckForm.TabUntilAsync(page, "button.share-copy", "the Copy link button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".share-status")).ToHaveTextAsync("Link copied.");
        problems.AssertNone();
    }

    // Submitting with no age: the error summary takes focus; Tab reaches its link; Enter puts focus in the field.
    private static async Task MissingAgeIsReachableFromTheErrorSummaryAsync(IPage page)
    {
        await SymptomCheckForm.SubmitByKeyboardAsync(page);
        await AxeAudit.AssertNoViolationsAsync(page, "the last step showing an error in dark mode");
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await FocusIndicator.AssertVisibleAsync(page, "on the error summary");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("href", "#age");
        await FocusIndicator.AssertVisibleAsync(page, "on the error summary's link");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#age")).ToBeFocusedAsync();
        await FocusIndicator.AssertVisibleAsync(page, "in the age field after following the error link");
    }
}
