using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// Check again and /my-results by keyboard alone (Tab and Enter), in dark mode, focus visible at
/// every stop: the button, each filled-in step, the submit, the link to the list, the two-step delete.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ProgressKeyboardTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerChecksAgainAndDeletesAResultByKeyboardAlone()
    {
        var options = Viewport.Desktop.ContextOptions();
        options.ColorScheme = ColorScheme.Dark;
        await using var context = await site.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);
        await FollowUpCheck.CompleteFirstCheckAsync(page);

        await SymptomCheckForm.TabUntilAsync(page, ".result-check-again button[type='submit']", "the Check again button");
        await page.Keyboard.PressAsync("Enter");
        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            // The warning questions are asked afresh (contract v1.2), and this week's pain (left
            // blank: it is about a time that has moved on); the rest is filled in.
            var afresh = new List<FieldAnswer>();
            foreach (var answer in steps[i].Answers)
            {
                if (answer.Typed)
                {
                    if (RunnerAnswers.TimeBound.Contains(answer.QuestionId))
                    {
                        afresh.Add(answer);
                    }

                    continue;
                }

                var field = SymptomCheckForm.Input(page, answer);
                if (await field.CountAsync() > 0 && !await field.IsCheckedAsync())
                {
                    afresh.Add(answer);
                }
            }

            Assert.All(steps[i].Answers.Where(a => RunnerAnswers.AskedAfresh.Contains(a.QuestionId)), a => Assert.Contains(a, afresh));
            if (afresh.Count > 0)
            {
                await SymptomCheckForm.AnswerByKeyboardAsync(page, steps[i] with { Answers = afresh });
            }
            else
            {
                await SymptomCheckForm.SubmitByKeyboardAsync(page);
            }
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        await SymptomCheckForm.SubmitByKeyboardAsync(page);
        await Assertions.Expect(page.Locator(".result-progress")).ToBeVisibleAsync();

        await SymptomCheckForm.TabUntilAsync(page, "main a[href='/my-results']", "the link to all your results");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/my-results"));
        await Assertions.Expect(page.Locator(".my-results-item")).ToHaveCountAsync(2);
        await SymptomCheckForm.TabUntilAsync(page, ".my-results-item .delete-confirm > summary", "the first Delete");
        await page.Keyboard.PressAsync("Enter");
        await SymptomCheckForm.TabUntilAsync(page, ".my-results-item .delete-confirm button[type='submit']", "Yes, delete");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("has been deleted");
        await Assertions.Expect(page.Locator(".my-results-item")).ToHaveCountAsync(1);
        problems.AssertNone();
    }
}
