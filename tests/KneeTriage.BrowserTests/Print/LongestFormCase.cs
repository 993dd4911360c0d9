using System.Text.RegularExpressions;
using KneeTriage.BrowserTests.SymptomCheck;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Print;

/// <summary>How the longest form-made case answers the tick-box warning questions.</summary>
public enum TickBoxWarnings
{
    /// <summary>Every box ticked: the most warning signs the form can raise.</summary>
    EveryBox,

    /// <summary>"Not sure" on each: read back as "Not sure (treated as the most cautious choice)".</summary>
    NotSure,
}

/// <summary>
/// The longest result the web form can make, with the same story as <see cref="LongestCase"/>:
/// a check taken on the real pages, which keep each yes/no part's own answer (the API has no
/// parts), so every question asked in parts is read back part by part. Every yes/no warning
/// question and part is answered "Not sure" (read as the sign, so it raises every sign it can),
/// every warning page is carried on past, and the three 60-character activities are scored. Nine
/// checks follow it through the API (as "Check again" would), so its summary carries ten checks'
/// scores.
/// </summary>
/// <remarks>
/// The check is the series' first, not a "Check again": the check-again draft of so long a case
/// is over the 4 KB a browser keeps in a cookie, and the check then starts empty (or, every box
/// ticked, never reaches the review).
/// </remarks>
internal static partial class LongestFormCase
{
    private const int MaxPages = 40;

    /// <summary>Answers the runner types or ticks, by field name, as <see cref="LongestCase"/> gives them to the API.</summary>
    private static readonly Dictionary<string, string[]> Given = new(StringComparer.Ordinal)
    {
        ["age"] = ["58"],
        ["side"] = ["both"],
        ["injury"] = ["twist"],
        ["onset"] = ["sudden"],
        ["duration"] = ["3-to-14-days"],
        ["pain-type"] = ["sharp"],
        ["pain-severity"] = ["7"],
        ["pain-location"] = ["back-center", "back-inner", "back-outer", "above-back", "below-back"],
        ["stiffness"] = ["morning-over-30-min"],
        ["swelling-onset"] = ["within-2-hours"],
        ["calf-cramp-on-exertion"] = ["no"],
        ["pain-next-morning"] = ["5"],
        ["activity-1"] = [LongestCase.Activities[0]],
        ["activity-1-score"] = ["2"],
        ["activity-2"] = [LongestCase.Activities[1]],
        ["activity-2-score"] = ["5"],
        ["activity-3"] = [LongestCase.Activities[2]],
        ["activity-3-score"] = ["8"],
    };

    /// <summary>Takes the check on the form, adds the nine later checks; returns the form-made result's address.</summary>
    public static async Task<string> CreateAsync(IBrowserContext context, TickBoxWarnings tickBoxes)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check");
        await SymptomCheckForm.StartButton(page).ClickAsync();
        var visited = new List<string>();
        for (var pages = 0; pages < MaxPages; pages++)
        {
            var path = new Uri(page.Url).AbsolutePath;
            visited.Add(path);
            if (path.StartsWith("/results/", StringComparison.Ordinal))
            {
                // This browser made the result, so it holds the delete key that a follow-up asks for.
                var deleteKey = (await context.CookiesAsync()).Single(cookie => cookie.Name == "kt-delete-key").Value;
                await page.CloseAsync();
                await LongestCase.AddChecksAsync(context, path["/results/".Length..], deleteKey, 1, LongestCase.Checks);
                return path;
            }

            if (path is "/check/emergency" or "/check/urgent")
            {
                // The ways on are folded away after the action: opened first, as a runner opens them.
                await page.Locator("details.interruption-later > summary").ClickAsync();
                await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = CarryOn() }));
            }
            else if (path == "/check/review")
            {
                await ExpectNoErrorsAsync(page);
                await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }));
            }
            else
            {
                await ExpectNoErrorsAsync(page);
                await AnswerStepAsync(page, tickBoxes);
                await SubmitAsync(page, SymptomCheckForm.ContinueButton(page));
            }
        }

        Assert.Fail($"The check did not reach a result within {MaxPages} pages: {string.Join(", ", visited)}.");
        return "";
    }

    /// <summary>
    /// The story's answers; "Not sure" on every yes/no warning question and part; the tick-box
    /// warnings as asked; any other question its first answer. Some questions show only once
    /// another is answered, so the page is gone over until nothing changes.
    /// </summary>
    private static async Task AnswerStepAsync(IPage page, TickBoxWarnings tickBoxes)
    {
        var main = page.GetByRole(AriaRole.Main);
        // A tick-box warning question is the one group with "None of these" (contract v1.2).
        var tickBoxWarning = ".checkboxes:has(input[value='none-of-these']) input[type='checkbox']";
        var warningBoxes = tickBoxes == TickBoxWarnings.EveryBox
            ? $"{tickBoxWarning}:not([value='none-of-these']):not([value='not-sure'])"
            : $"{tickBoxWarning}[value='not-sure']";
        for (var pass = 0; pass < 4; pass++)
        {
            var changed = false;
            foreach (var (name, values) in Given)
            {
                foreach (var input in await main.Locator($"input[name='{name}']").AllAsync())
                {
                    if (!await input.IsVisibleAsync())
                    {
                        continue;
                    }

                    var value = await input.GetAttributeAsync("value");
                    if (await input.GetAttributeAsync("type") == "text")
                    {
                        if (await input.InputValueAsync() != values[0])
                        {
                            await input.FillAsync(values[0]);
                            changed = true;
                        }
                    }
                    else if (Array.IndexOf(values, value) >= 0 && !await input.IsCheckedAsync())
                    {
                        await input.CheckAsync();
                        changed = true;
                    }
                }
            }

            changed |= await CheckVisibleAsync(main.Locator($"input[type='radio'][value='not-sure'], {warningBoxes}"));
            // Any other question (what brings the pain on, the training change...): its first answer.
            foreach (var group in await main.Locator(".radios:not(:has(input:checked)), .checkboxes:not(:has(input:checked))").AllAsync())
            {
                changed |= await CheckVisibleAsync(group.Locator("input").First);
            }

            if (!changed)
            {
                break;
            }
        }
    }

    /// <summary>Ticks each of the inputs a runner can see and has not ticked; says whether any was.</summary>
    private static async Task<bool> CheckVisibleAsync(ILocator inputs)
    {
        var changed = false;
        foreach (var input in await inputs.AllAsync())
        {
            if (await input.IsVisibleAsync() && !await input.IsCheckedAsync())
            {
                await input.CheckAsync();
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Clicks a submit button and waits until the document it posts to (the next page, or this one again) has replaced this one.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.kneeTriageBeforeSubmit = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => !window.kneeTriageBeforeSubmit && document.readyState === 'complete'");
    }

    private static async Task ExpectNoErrorsAsync(IPage page)
    {
        var errors = page.Locator(".error-summary");
        if (await errors.CountAsync() > 0)
        {
            Assert.Fail($"{page.Url} shows errors: {await errors.First.InnerTextAsync()}");
        }
    }

    [GeneratedRegex("carry on", RegexOptions.IgnoreCase)]
    private static partial Regex CarryOn();
}
