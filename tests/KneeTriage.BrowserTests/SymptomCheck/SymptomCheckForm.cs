using System.Text.RegularExpressions;
using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>
/// Drives the symptom check's pages the way a person does: with a pointer (click, type), or
/// with the keyboard only (Tab, arrows, Space, Enter), checking focus is visible at every stop.
/// Fields are found by the contract's question ids, which are the form's field names.
/// </summary>
public static class SymptomCheckForm
{
    private const int MaxTabsToReach = 120;

    /// <summary>
    /// A page address ending in the path. A fragment may follow: after following an error link
    /// (#age) the browser keeps the fragment across the post-redirect-get, as browsers do.
    /// </summary>
    public static Regex At(string path) => new($"{Regex.Escape(path)}(#.*)?$");

    /// <summary>The "Start now" call to action, whether it is marked up as a link or as a button.</summary>
    public static ILocator StartButton(IPage page) =>
        page.GetByRole(AriaRole.Link, new() { Name = "Start now" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Start now" }));

    public static ILocator Input(IPage page, FieldAnswer answer) =>
        answer.Typed
            ? page.Locator($"input[name='{answer.QuestionId}']")
            : page.Locator($"input[name='{answer.QuestionId}'][value='{answer.Value}']");

    public static ILocator ContinueButton(IPage page) =>
        page.GetByRole(AriaRole.Main).Locator("form button[type='submit']").Last;

    public static async Task ExpectStepAsync(IPage page, StepAnswers step, int number, int count)
    {
        await Assertions.Expect(page).ToHaveURLAsync(At($"/check/{step.StepId}"));
        await Assertions.Expect(page.GetByText($"Step {number} of {count}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    /// <summary>Ticks and types every answer of the step by pointer (without submitting).</summary>
    public static async Task FillByPointerAsync(IPage page, StepAnswers step, Func<FieldAnswer, bool>? skip = null)
    {
        foreach (var answer in step.Answers)
        {
            if (skip?.Invoke(answer) == true || (answer.IfOffered && await Input(page, answer).CountAsync() == 0))
            {
                continue;
            }

            if (answer.Typed)
            {
                await Input(page, answer).FillAsync(answer.Value);
            }
            else
            {
                await Input(page, answer).CheckAsync();
            }
        }
    }

    /// <summary>Answers the step and moves on, by keyboard alone; fails if focus is ever invisible.</summary>
    public static async Task AnswerByKeyboardAsync(IPage page, StepAnswers step)
    {
        foreach (var answer in step.Answers)
        {
            if (answer.IfOffered && await Input(page, answer).CountAsync() == 0)
            {
                continue;
            }

            if (answer.Typed)
            {
                await TabUntilAsync(page, $"input[name='{answer.QuestionId}']", $"the {answer.QuestionId} field");
                await page.Keyboard.PressAsync("Control+A");
                await page.Keyboard.TypeAsync(answer.Value);
            }
            else if (await Input(page, answer).GetAttributeAsync("type") == "checkbox")
            {
                await TabUntilAsync(page, $"input[name='{answer.QuestionId}'][value='{answer.Value}']", $"the {answer.QuestionId} box {answer.Value}");
                await page.Keyboard.PressAsync("Space");
            }
            else
            {
                await ChooseRadioAsync(page, answer);
            }

            await Assertions.Expect(Input(page, answer)).ToHaveValueAsync(answer.Value);
            if (!answer.Typed)
            {
                await Assertions.Expect(Input(page, answer)).ToBeCheckedAsync();
            }
        }

        await SubmitByKeyboardAsync(page);
    }

    /// <summary>Tabs to the page's submit button and presses Enter.</summary>
    public static async Task SubmitByKeyboardAsync(IPage page)
    {
        await TabUntilAsync(page, "main form button[type='submit']", "the submit button");
        // Posting always loads a new document (the next page, or this step again with its errors):
        // mark the current one, and wait until a loaded document without the mark replaces it.
        await page.EvaluateAsync("() => { window.kneeTriageBeforeSubmit = true; }");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !window.kneeTriageBeforeSubmit && document.readyState === 'complete'");
    }

    /// <summary>Presses Tab until the focused element matches the selector, checking each stop shows focus.</summary>
    public static async Task TabUntilAsync(IPage page, string selector, string what)
    {
        for (var presses = 0; presses < MaxTabsToReach; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => !document.activeElement || document.activeElement === document.body"))
            {
                Assert.Fail($"Tab went past the end of {page.Url} without reaching {what} ({selector}).");
            }

            await FocusIndicator.AssertVisibleAsync(page, $"while tabbing to {what}");
        }

        Assert.Fail($"Pressed Tab {MaxTabsToReach} times on {page.Url} and never reached {what} ({selector}).");
    }

    // Tab enters a radio group once; the arrow keys move (and select) within it, Space selects the focused one.
    private static async Task ChooseRadioAsync(IPage page, FieldAnswer answer)
    {
        await TabUntilAsync(page, $"input[type='radio'][name='{answer.QuestionId}']", $"the {answer.QuestionId} choices");
        var options = await page.Locator($"input[type='radio'][name='{answer.QuestionId}']").CountAsync();
        for (var moves = 0; moves <= options; moves++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement.value") == answer.Value)
            {
                await page.Keyboard.PressAsync("Space");
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
            await FocusIndicator.AssertVisibleAsync(page, $"while choosing {answer.QuestionId}");
        }

        Assert.Fail($"Arrow keys never reached {answer.Value} in the {answer.QuestionId} choices on {page.Url}.");
    }
}
