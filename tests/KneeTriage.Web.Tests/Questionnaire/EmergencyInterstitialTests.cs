using System.Net;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>An emergency sign stops the check at once with the result's own action; carrying on is the runner's choice.</summary>
public sealed class EmergencyInterstitialTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string CallNow = DispositionPanel.Heading(Disposition.CallEmergencyNumber);
    private static readonly string GoToEmergencyDepartment = DispositionPanel.Heading(Disposition.GoToEmergencyDepartment);

    [Theory]
    [InlineData("breathless-or-chest-pain", "yes")]
    [InlineData("deformity", "yes")]
    [InlineData("foot-signs", "cold-or-pale")]
    public async Task TickingAnEmergencySignShowsTheEmergencyAdviceAtOnce(string questionId, string value)
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");

        using var response = await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers.With(questionId, value));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/check/emergency", response.Headers.Location!.OriginalString);
        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");
        Assert.Equal(CallNow, advice.H1);
        Assert.Equal("tel:999", advice.Document.QuerySelector("a.call-button")?.GetAttribute("href"));
        // The viewer's number only (a UK browser here); every country's in Countries/CountryPagesTests.
        Assert.NotEmpty(advice.Document.QuerySelectorAll(".warning-sign-list li"));
    }

    /// <summary>Walk 14: a US runner's browser tab read "Emergency: call 999 now" above a page that said 911.</summary>
    [Fact]
    public async Task TheEmergencyPagesTitleNamesTheViewersNumber()
    {
        var client = await KneeTriage.Web.Tests.Countries.CountryViewer.ChoosingAsync(factory, "US");
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");

        using var response = await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));

        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");
        Assert.Contains("911", advice.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("999", advice.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHotRedKneeWithAFeverIsAnEmergency()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        (await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers)).Dispose();
        var hotKnee = await HtmlPage.LoadAsync(client, "/check/hot-knee");

        using var response = await CheckForm.SubmitAsync(client, hotKnee, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"));

        Assert.Equal("/check/emergency", response.Headers.Location!.OriginalString);
        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");
        // A lift to the emergency department, as the result says, not "call 999 or go to A&E".
        Assert.Equal(GoToEmergencyDepartment, advice.H1);
        Assert.DoesNotContain("A&E now", advice.Document.QuerySelector(".emergency-panel")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walkers with a hot, red knee and a fever found "Call 999" as the only big button under "go to an
    /// emergency department (A&amp;E) now": a second action, louder than the page's own. The page leads
    /// with going; the call stays a link in the action's own line, for a runner who cannot get there.
    /// </summary>
    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("ZZ")]
    public async Task TheEmergencyDepartmentPageLeadsWithGoingAndOffersTheCallOnlyInsideItsAction(string code)
    {
        var client = await KneeTriage.Web.Tests.Countries.CountryViewer.ChoosingAsync(factory, code);
        var advice = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"));
        Assert.Equal("/check/emergency", advice.Url);
        var panel = advice.Document.QuerySelector(".emergency-panel")!;
        var number = KneeTriage.Web.Countries.CountryTable.Default.Find(code).EmergencyNumber;

        Assert.Empty(panel.QuerySelectorAll("a.button, .call-button, button"));
        Assert.StartsWith("Go to an emergency department", panel.QuerySelector(".interruption-action li")?.TextContent.Trim(), StringComparison.Ordinal);
        // The call is still a tap away, in the action's "if you cannot, call ..." line, and nowhere else.
        var calls = panel.QuerySelectorAll("a[href^='tel:']").ToList();
        Assert.Contains(calls, call => call.GetAttribute("href") == $"tel:{number}");
        Assert.All(calls, call => Assert.NotNull(call.Closest(".interruption-action li")));
    }

    [Fact]
    public async Task CarryingOnAfterTheAdviceGoesToTheNextStepAndTheResultIsAnEmergency()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal(CallNow, advice.H1);

        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");
        Assert.Equal(HttpStatusCode.SeeOther, carryOn.StatusCode);
        Assert.Equal("/check/hot-knee", carryOn.Headers.Location!.OriginalString);

        var review = await CheckForm.AnswerEveryStepAsync(client, answers, "/check/hot-knee");
        Assert.Equal("Check your answers", review.H1);
        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var result = await HtmlPage.LoadAsync(client, submitted.Headers.Location!.OriginalString);
        Assert.Contains("urgency-emergency", result.Document.QuerySelector(".urgency-banner")?.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEmergencySignMeansNoEmergencyPage()
    {
        var client = factory.CreatePlainClient();
        var walking = await HtmlPage.LoadAsync(client, "/check/walking");

        using var response = await CheckForm.SubmitAsync(client, walking, CheckForm.SelfCareAnswers);

        Assert.Equal("/check/calf", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnEmergencyThatNeedsTheInjuryIsShownAsSoonAsTheInjuryIsAnswered()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("straight-leg-lift", "no").With("four-steps-after-injury", "yes")
            .With("injury", "blow-or-fall").With("onset", "sudden").With("duration", "under-3-days").With("age", "38");

        // The injury is asked third, so the straight-leg lift is asked (and interrupts) on the walking step.
        string[] steps = ["/check/warning-signs", "/check/hot-knee", "/check/about-the-injury", "/check/walking"];
        for (var i = 0; i < steps.Length - 1; i++)
        {
            var step = await HtmlPage.LoadAsync(client, steps[i]);
            using var saved = await CheckForm.SubmitAsync(client, step, answers);
            Assert.Equal(steps[i + 1], saved.Headers.Location!.OriginalString);
        }

        var walking = await HtmlPage.LoadAsync(client, "/check/walking");
        using var afterWalking = await CheckForm.SubmitAsync(client, walking, answers);
        Assert.Equal("/check/emergency", afterWalking.Headers.Location!.OriginalString);
        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");
        Assert.Contains("tendon", advice.Document.QuerySelector(".warning-sign-list")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALaterEmergencyWithAMorePressingActionIsShownAfterTheRunnerCarriedOn()
    {
        var client = factory.CreatePlainClient();
        // A hot knee with a fever (a lift to the emergency department) on step 2; a numb foot counts
        // as an emergency call only once step 3 says there was a recent injury.
        var answers = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes").With("foot-signs", "numb-or-tingling")
            .With("injury", "twist").With("onset", "sudden").With("duration", "under-3-days");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal(GoToEmergencyDepartment, advice.H1);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");
        Assert.Equal("/check/about-the-injury", carryOn.Headers.Location!.OriginalString);

        var afterInjury = await CheckForm.AnswerEveryStepAsync(client, answers, "/check/about-the-injury");

        Assert.Equal(CallNow, afterInjury.H1);
    }

    [Fact]
    public async Task ARunnerOnABloodThinnerWithAKneeSwollenAfterAnInjuryIsInterruptedOnTheSwellingStep()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("injury", "twist").With("onset", "sudden").With("duration", "under-3-days").With("four-steps-after-injury", "yes")
            .With("swelling", "whole-knee").With("swelling-onset", "next-day").With("takes-blood-thinner", "yes");

        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);

        Assert.Equal(GoToEmergencyDepartment, advice.H1);
        // Carrying on leads to the step after swelling: the interruption came at the swelling step.
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");
        Assert.Equal("/check/clicking", carryOn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ALaterSignWithTheSameActionDoesNotRepeatTheInterruption()
    {
        var client = factory.CreatePlainClient();
        // Breathless (call 999) first; a torn tendon after an injury is also an emergency, but the
        // runner has already been told to call 999: a second page would only repeat it.
        var answers = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes").With("straight-leg-lift", "no").With("four-steps-after-injury", "yes")
            .With("injury", "twist").With("onset", "sudden").With("duration", "under-3-days");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal(CallNow, advice.H1);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");

        var next = await CheckForm.AnswerEveryStepAsync(client, answers, carryOn.Headers.Location!.OriginalString);

        Assert.Equal("/check/review", next.Url);
    }

    [Fact]
    public async Task AnUrgentSignAfterAnEmergencyDoesNotInterruptWithAGentlerAction()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("deformity", "yes").With("calf-signs", "swollen", "warm");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal(CallNow, advice.H1);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");

        var next = await CheckForm.AnswerEveryStepAsync(client, answers, carryOn.Headers.Location!.OriginalString);

        Assert.Equal("/check/review", next.Url);
        // Even asked for directly, the urgent page gives way to the emergency's one voice.
        using var urgentPage = await client.GetAsync("/check/urgent");
        Assert.Equal(HttpStatusCode.SeeOther, urgentPage.StatusCode);
        Assert.Equal("/check/emergency", urgentPage.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheEmergencyAdviceNamesTheRaisedSignWithoutASecondActionAndTheMorePressingSigns()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        using var response = await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers.With("deformity", "yes"));
        Assert.Equal("/check/emergency", response.Headers.Location!.OriginalString);

        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");

        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var raised = advice.Document.QuerySelectorAll(".warning-sign-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([WarningFinding.Of(knowledgeBase.WarningRules.Single(r => r.Id == "deformity").Message)], raised);
        Assert.Equal(knowledgeBase.Advice.Action[Disposition.CallEmergencyNumber], advice.Document.QuerySelectorAll(".interruption-action li").Select(li => li.TextContent.Trim()));
        Assert.Equal("tel:999", advice.Document.QuerySelector("a.call-button")?.GetAttribute("href"));
        // Nothing is more pressing than a call: no "when to get help" list.
        Assert.Null(advice.Document.QuerySelector(".result-get-help"));

        // A lift to the emergency department names no second emergency action ("call 999 at once if")
        // beside its own "get a lift; do not walk on it": one action per result, as its result.
        var hotKneeClient = factory.CreatePlainClient();
        var hotKnee = await CheckForm.AnswerEveryStepAsync(hotKneeClient, CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"));
        Assert.Equal("/check/emergency", hotKnee.Url);
        Assert.Equal(knowledgeBase.Advice.Action[Disposition.GoToEmergencyDepartment], hotKnee.Document.QuerySelectorAll(".interruption-action li").Select(li => li.TextContent.Trim()));
        Assert.Null(hotKnee.Document.QuerySelector(".result-get-help"));
    }
}
