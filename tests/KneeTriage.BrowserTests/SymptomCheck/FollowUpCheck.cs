using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>A runner's first check and a follow-up from its result page ("Check again"), by pointer.</summary>
public static class FollowUpCheck
{
    /// <summary>Every step answered as <see cref="RunnerAnswers.DullAcheAfterMoreDistance"/>, submitted; ends on the result page.</summary>
    public static async Task CompleteFirstCheckAsync(IPage page, Func<string, Task>? onEachPage = null)
    {
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await ResultPage.ExpectSelfCareResultAsync(page);
        if (onEachPage is not null)
        {
            await onEachPage("result-first");
        }
    }

    /// <summary>
    /// From the result page: "Check again", each step found filled in except the warning questions,
    /// which are asked afresh with last time's answer as a hint (contract v1.2) and answered again,
    /// and the answers about a time that has moved on (this week's pain, how long it has hurt);
    /// the pain changed to <paramref name="pain"/> on its step; ends on the review page.
    /// </summary>
    public static async Task CheckAgainChangingPainAsync(IPage page, int pain, Func<string, Task>? onEachPage = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            foreach (var answer in steps[i].Answers)
            {
                var field = SymptomCheckForm.Input(page, answer);
                if (answer.IfOffered && await field.CountAsync() == 0)
                {
                    continue;
                }

                if (answer.Typed && RunnerAnswers.TimeBound.Contains(answer.QuestionId))
                {
                    // This week's pain is not last week's: left blank on check again.
                    await Assertions.Expect(field).ToHaveValueAsync(string.Empty);
                    await field.FillAsync(answer.Value);
                }
                else if (answer.Typed)
                {
                    await Assertions.Expect(field).ToHaveValueAsync(answer.Value);
                }
                else if (RunnerAnswers.AskedAfresh.Contains(answer.QuestionId))
                {
                    await Assertions.Expect(field).Not.ToBeCheckedAsync();
                    await Assertions.Expect(page.Locator($"#{answer.QuestionId}-hint .last-time")).ToBeVisibleAsync();
                    await field.CheckAsync();
                }
                else if (!await field.IsCheckedAsync())
                {
                    // A question the rules made a warning question since this list was written: asked afresh too.
                    await Assertions.Expect(page.Locator(".last-time").First).ToBeVisibleAsync();
                    await field.CheckAsync();
                }
            }

            if (onEachPage is not null && i == 0)
            {
                await onEachPage("check-again-first-step");
            }

            if (steps[i].StepId == "pain")
            {
                await SymptomCheckForm.Input(page, FieldAnswer.Type("pain-severity", pain)).FillAsync(pain.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        await Assertions.Expect(page.Locator(".follow-up-note")).ToContainTextAsync("follow-up of your check on");
        if (onEachPage is not null)
        {
            await onEachPage("check-again-review");
        }
    }
}
