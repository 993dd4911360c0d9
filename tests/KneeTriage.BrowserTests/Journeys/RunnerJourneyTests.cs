using System.Text.RegularExpressions;
using KneeTriage.BrowserTests.Infrastructure;
using KneeTriage.BrowserTests.SymptomCheck;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Pages.Results;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// A runner on a desktop browser: from the home page through every step of the symptom check
/// (the knee diagram, a validation error), check-your-answers, the result page and its copy-link
/// button; then a coach opens the shared link in a browser of their own, until the runner
/// deletes the result. axe audits every page on the way.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RunnerJourneyTests(SiteFixture site)
{
    [BrowserFact]
    public async Task RunnerCompletesTheSymptomCheckAndACoachOpensTheSharedLinkUntilTheRunnerDeletesIt()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.RootUri.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page, site.RootUri);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Start the symptom check" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check"));
        await AxeAudit.AssertNoViolationsAsync(page, "the symptom check's start page");
        await SymptomCheckForm.StartButton(page).ClickAsync();

        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            await SymptomCheckForm.ExpectStepAsync(page, step, i + 1, steps.Count);
            await AxeAudit.AssertNoViolationsAsync(page, $"step {i + 1} ({step.StepId})");
            await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-check-{i + 1}-{step.StepId}");

            if (step.StepId == "pain")
            {
                await ContinueWithoutAnswersShowsTheErrorSummaryAsync(page);
                await SymptomCheckForm.FillByPointerAsync(page, step, skip: a => a.QuestionId == RunnerAnswers.PainLocationQuestion);
                await TapTheKneeDiagramAsync(page);
            }
            else
            {
                await SymptomCheckForm.FillByPointerAsync(page, step);
            }

            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/review"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers");
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("34");
        await AxeAudit.AssertNoViolationsAsync(page, "check your answers");
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-check-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();

        await ResultPage.ExpectSelfCareResultAsync(page);
        await AxeAudit.AssertNoViolationsAsync(page, "the result page");
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-result");
        var runnerSaw = await ResultPage.WhatItSaysAsync(page);
        var sharedLink = await ResultPage.CopyLinkAsync(page);
        // Deleting asks first, without script: "Delete this result" opens the question.
        var deleteResult = page.Locator(".delete-confirm > summary", new() { HasText = "Delete this result" });
        await Assertions.Expect(deleteResult).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete this result" })).ToBeHiddenAsync();
        problems.AssertNone();

        // The coach: another browser, no cookies, opening the link the runner sent.
        await using var coachContext = await site.NewContextAsync();
        var coachPage = await coachContext.NewPageAsync();
        var coachProblems = PageProblems.Watch(coachPage, site.RootUri);
        var opened = await coachPage.GotoAsync(sharedLink);
        Assert.True(opened?.Ok, $"The coach's browser got {opened?.Status} for the shared link.");
        Assert.Equal(runnerSaw, await ResultPage.WhatItSaysAsync(coachPage));
        // Only the browser that created the result may delete it.
        await Assertions.Expect(coachPage.Locator(".delete-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(coachPage.GetByRole(AriaRole.Button, new() { Name = "Yes, delete this result" })).ToHaveCountAsync(0);
        coachProblems.AssertNone();

        // The runner deletes it; the coach's link then finds nothing.
        await deleteResult.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ResultPage.ResultUrl());
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete this result" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/results/deleted"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("deleted");
        await AxeAudit.AssertNoViolationsAsync(page, "the result-deleted page");
        var reopened = await coachPage.GotoAsync(sharedLink);
        Assert.Equal(404, reopened?.Status);
        await Assertions.Expect(coachPage.Locator("h1")).ToHaveTextAsync("Result not found");
    }

    [BrowserFact]
    public async Task AnUrgentSignInterruptsInAmberWithATapToCallButtonAndTheRunnerMayCarryOn()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/warning-signs");
        foreach (var step in RunnerAnswers.DullAcheAfterMoreDistance.TakeWhile(s => s.StepId != "walking"))
        {
            await SymptomCheckForm.FillByPointerAsync(page, step);
            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/walking"));
        await page.Locator("input[name='four-steps-now'][value='no']").CheckAsync();
        await SymptomCheckForm.ContinueButton(page).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/urgent"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DispositionPanel.Heading(Disposition.SameDay));
        var call = page.Locator("a.call-button");
        await Assertions.Expect(call).ToHaveAttributeAsync("href", "tel:111");
        var box = await call.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"The call button is {box?.Height} px high; a thumb needs 44.");
        await AxeAudit.AssertNoViolationsAsync(page, "the urgent advice page");
        await Screenshots.SaveAsync(page, $"{Viewport.Phone.Name}-check-urgent");

        // The ways on are folded away after the action: the runner opens them to carry on.
        await page.Locator("details.interruption-later > summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "carry on" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/calf"));
    }

    [BrowserFact]
    public async Task EmergencySignShowsEmergencyAdviceFirstAndTheRunnerMayCarryOn()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/warning-signs");

        var warningSigns = RunnerAnswers.DullAcheAfterMoreDistance[0];
        await SymptomCheckForm.FillByPointerAsync(page, warningSigns, skip: a => a.QuestionId == "newly-breathless");
        await page.Locator("input[name='newly-breathless'][value='yes']").CheckAsync();
        await SymptomCheckForm.ContinueButton(page).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/emergency"));
        // The result's one voice: its heading and action, and the number as a button a thumb can hit.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DispositionPanel.Heading(Disposition.CallEmergencyNumber));
        await Assertions.Expect(page.Locator(".interruption-action li").First).ToContainTextAsync("999");
        var call = page.Locator("a.call-button");
        await Assertions.Expect(call).ToHaveAttributeAsync("href", "tel:999");
        var box = await call.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"The call button is {box?.Height} px high; a thumb needs 44.");
        await AxeAudit.AssertNoViolationsAsync(page, "the emergency advice page");
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-check-emergency");

        // The ways on are folded away after the action: the runner opens them to carry on.
        await page.Locator("details.interruption-later > summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "carry on" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(SymptomCheckForm.At("/check/hot-knee"));

        // Carrying on never waters the warning down: the stored result still says emergency.
        var steps = RunnerAnswers.DullAcheAfterMoreDistance;
        for (var i = 1; i < steps.Count; i++)
        {
            await SymptomCheckForm.ExpectStepAsync(page, steps[i], i + 1, steps.Count);
            await SymptomCheckForm.FillByPointerAsync(page, steps[i]);
            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ResultPage.ResultUrl());
        var banner = page.Locator(".urgency-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Emergency");
        await Assertions.Expect(banner.Locator(".warning-sign-list li")).Not.ToHaveCountAsync(0);
        await AxeAudit.AssertNoViolationsAsync(page, "an emergency result");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await AxeAudit.AssertNoViolationsAsync(page, "an emergency result in dark mode");
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-result-emergency-dark");
    }

    [BrowserFact]
    public async Task PrintedResultKeepsTheAdviceAndDropsTheButtons()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/warning-signs");
        foreach (var step in RunnerAnswers.DullAcheAfterMoreDistance)
        {
            await SymptomCheckForm.FillByPointerAsync(page, step);
            await SymptomCheckForm.ContinueButton(page).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ResultPage.ResultUrl());
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".urgency-banner")).ToBeVisibleAsync();
        // The answers print when the runner has opened them; closed, their bare heading stays on screen (issue 23: two pages).
        await Assertions.Expect(page.Locator(".result-answers")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.Locator(".result-answers summary").ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".result-answers .summary-list-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".delete-confirm")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-result-print");
    }

    private static async Task ContinueWithoutAnswersShowsTheErrorSummaryAsync(IPage page)
    {
        await SymptomCheckForm.ContinueButton(page).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await AxeAudit.AssertNoViolationsAsync(page, "the pain step showing errors");
        await Screenshots.SaveAsync(page, $"{Viewport.Desktop.Name}-check-2-pain-errors");

        // The summary links to the field, and the message also sits beside it.
        await summary.Locator("a[href='#pain-type']").ClickAsync();
        await Assertions.Expect(page.Locator("#pain-type")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#pain-type-error")).ToBeVisibleAsync();
    }

    private static async Task TapTheKneeDiagramAsync(IPage page)
    {
        var box = page.Locator($"input[name='{RunnerAnswers.PainLocationQuestion}'][value='{RunnerAnswers.PainLocation}']");
        var area = page.Locator($"[data-knee-diagram] [data-value='{RunnerAnswers.PainLocation}']");
        await Assertions.Expect(box).Not.ToBeCheckedAsync();

        await area.ClickAsync();
        await Assertions.Expect(box).ToBeCheckedAsync();

        // A second tap unticks, a third ticks again: the picture and the boxes never disagree.
        await area.ClickAsync();
        await Assertions.Expect(box).Not.ToBeCheckedAsync();
        await area.ClickAsync();
        await Assertions.Expect(box).ToBeCheckedAsync();
    }
}
