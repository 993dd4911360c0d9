using System.Net;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>An emergency sign stops the check at once with advice to call emergency services; carrying on is the runner's choice.</summary>
public sealed class EmergencyInterstitialTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
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
        Assert.Equal("Call emergency services now", advice.H1);
        var text = advice.Document.QuerySelector(".emergency-numbers")!.TextContent;
        // The viewer's number only (a UK browser here); every country's in Countries/CountryPagesTests.
        Assert.Contains("999", text, StringComparison.Ordinal);
        Assert.NotEmpty(advice.Document.QuerySelectorAll(".warning-sign-list li"));
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
    }

    [Fact]
    public async Task CarryingOnAfterTheAdviceGoesToTheNextStepAndTheResultIsAnEmergency()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal("Call emergency services now", advice.H1);

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
    public async Task ANewEmergencyIsShownEvenAfterTheRunnerCarriedOnPastAnEarlierOne()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes").With("straight-leg-lift", "no").With("four-steps-after-injury", "yes")
            .With("injury", "twist").With("onset", "sudden").With("duration", "under-3-days");
        var advice = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal("Call emergency services now", advice.H1);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");
        Assert.Equal("/check/hot-knee", carryOn.Headers.Location!.OriginalString);

        var afterPain = await CheckForm.AnswerEveryStepAsync(client, answers, "/check/hot-knee");

        Assert.Equal("Call emergency services now", afterPain.H1);
        Assert.Contains("tendon", afterPain.Document.QuerySelector(".warning-sign-list")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmergencyAdviceListsEveryEmergencySignBesidesTheOnesRaised()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        using var response = await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers.With("deformity", "yes"));
        Assert.Equal("/check/emergency", response.Headers.Location!.OriginalString);

        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");

        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var raised = advice.Document.QuerySelectorAll(".warning-sign-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([knowledgeBase.WarningRules.Single(r => r.Id == "deformity").Message], raised);
        var all = advice.Document.QuerySelector(".all-emergency-signs");
        Assert.NotNull(all);
        Assert.Contains("999", all.QuerySelector(".warning-level-lead")?.TextContent, StringComparison.Ordinal);
        var listed = all.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        foreach (var sign in knowledgeBase.WarningSignsFor(Urgency.Emergency)!.Signs)
        {
            Assert.True(listed.Any(text => text.Contains(sign.Sign, StringComparison.Ordinal)), $"/check/emergency does not list the emergency sign '{sign.Sign}'.");
        }

        Assert.Equal(["tel:999"], advice.Document.QuerySelectorAll(".emergency-numbers a").Select(a => a.GetAttribute("href")));
    }
}
