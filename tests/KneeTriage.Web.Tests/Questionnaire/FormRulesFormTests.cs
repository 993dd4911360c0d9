using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Contract v1.2's form rules on the real pages: positive parts, Yes / No / Not sure, "None of these",
/// every shown warning question answered, and "not sure" shown as treated as yes.
/// </summary>
public sealed class FormRulesFormTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static async Task<(HttpStatusCode Status, string? Location, HtmlPage Page)> PostStepAsync(HttpClient client, string url, IReadOnlyDictionary<string, string[]> answers)
    {
        var page = await HtmlPage.LoadAsync(client, url);
        using var response = await CheckForm.SubmitAsync(client, page, answers);
        return (response.StatusCode, response.Headers.Location?.OriginalString, HtmlPage.Parse(url, await response.Content.ReadAsStringAsync()));
    }

    private static async Task SaveUpToWalkingAsync(HttpClient client, IReadOnlyDictionary<string, string[]> answers)
    {
        foreach (var url in new[] { "/check/warning-signs", "/check/hot-knee", "/check/about-the-injury" })
        {
            var (status, location, page) = await PostStepAsync(client, url, answers);
            Assert.True(status == HttpStatusCode.SeeOther, $"{url}: {page.Document.QuerySelector(".error-summary")?.TextContent}");
            Assert.DoesNotContain("/check/urgent", location, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<string> Legends(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("legend").Select(l => l.TextContent.Trim())];

    [Fact]
    public async Task WithoutAnInjuryTheWalkingStepAsksOnlyWhetherYouCanTakeFourStepsNow()
    {
        var client = factory.CreatePlainClient();
        await SaveUpToWalkingAsync(client, CheckForm.SelfCareAnswers);

        var walking = await HtmlPage.LoadAsync(client, "/check/walking");

        Assert.Equal(["Can you take four steps on this leg now?"], Legends(walking));
        Assert.Equal(["yes", "no", "not-sure"], walking.Document.QuerySelectorAll("input[name=four-steps-now]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task AfterAnInjuryTheWalkingStepAsksBothTimesAndTheStraightLegLift()
    {
        var client = factory.CreatePlainClient();
        await SaveUpToWalkingAsync(client, CheckForm.SelfCareAnswers.With("injury", "push-off"));

        var walking = await HtmlPage.LoadAsync(client, "/check/walking");

        Assert.Equal(
            ["Can you take four steps on this leg now?", "Straight after the injury, could you take four steps?", "Lying on your back, can you lift the leg off the bed with the knee straight?"],
            Legends(walking));
    }

    [Fact]
    public async Task NoToFourStepsNowInterruptsTheCheckInAmber()
    {
        var client = factory.CreatePlainClient();
        await SaveUpToWalkingAsync(client, CheckForm.SelfCareAnswers);

        var (_, location, _) = await PostStepAsync(client, "/check/walking", CheckForm.SelfCareAnswers.With("four-steps-now", "no"));

        Assert.Equal("/check/urgent", location);
        var advice = await HtmlPage.LoadAsync(client, "/check/urgent");
        Assert.Equal(KneeTriage.Web.Pages.Results.DispositionPanel.Heading(KneeTriage.Triage.Engine.Disposition.SameDay), advice.H1);
        Assert.Equal("tel:111", advice.Document.QuerySelector("a.call-button")?.GetAttribute("href"));
        Assert.Contains("four steps", advice.Document.QuerySelector(".warning-sign-list")?.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NoToFourStepsStraightAfterATwistIsAnEmergencyEvenWhenWalkingNow()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("injury", "twist").With("four-steps-after-injury", "no");
        await SaveUpToWalkingAsync(client, answers);

        var (_, location, _) = await PostStepAsync(client, "/check/walking", answers);

        Assert.Equal("/check/emergency", location);
    }

    [Fact]
    public async Task CarryingOnPastTheAmberPageGoesToTheNextStepWithoutShowingItAgain()
    {
        var client = factory.CreatePlainClient();
        await SaveUpToWalkingAsync(client, CheckForm.SelfCareAnswers);
        _ = await PostStepAsync(client, "/check/walking", CheckForm.SelfCareAnswers.With("four-steps-now", "no"));
        var advice = await HtmlPage.LoadAsync(client, "/check/urgent");

        using var carryOn = await CheckForm.SubmitAsIsAsync(client, advice, "main form");

        Assert.Equal("/check/calf", carryOn.Headers.Location!.OriginalString);
        var (_, location, _) = await PostStepAsync(client, "/check/calf", CheckForm.SelfCareAnswers);
        Assert.Equal("/check/pain", location);
    }

    [Fact]
    public async Task AWarningQuestionLeftBlankIsAskedFor()
    {
        var client = factory.CreatePlainClient();

        var (status, _, page) = await PostStepAsync(client, "/check/warning-signs", CheckForm.SelfCareAnswers.Without("foot-signs").Without("not-settling-after-run"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Error: Tick what applies to", page.Document.QuerySelector("#foot-signs-error")?.TextContent.Trim(), StringComparison.Ordinal);
        // Asked one fact at a time: each part left blank is asked for.
        Assert.StartsWith("Error: Answer yes, no or not sure to", page.Document.QuerySelector("#severe-pain-after-run-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Error: Answer yes, no or not sure to", page.Document.QuerySelector("#tight-calf-after-run-error")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.All(page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!), href => Assert.NotNull(page.Document.QuerySelector(href)));
    }

    [Fact]
    public async Task NoneOfTheseWithASignTickedIsQueried()
    {
        var client = factory.CreatePlainClient();

        var (status, _, page) = await PostStepAsync(client, "/check/warning-signs", CheckForm.SelfCareAnswers.With("foot-signs", "none-of-these", "weak-foot"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Untick one of them", page.Document.QuerySelector("#foot-signs-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSureAboutTheFootInterruptsAsAColdFootWould()
    {
        var client = factory.CreatePlainClient();

        var (_, location, _) = await PostStepAsync(client, "/check/warning-signs", CheckForm.SelfCareAnswers.With("foot-signs", "not-sure"));

        Assert.Equal("/check/emergency", location);
        var advice = await HtmlPage.LoadAsync(client, "/check/emergency");
        Assert.Contains("cold or pale", advice.Document.QuerySelector(".warning-sign-list")?.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NotSureIsShownOnReviewAndTheResultAsTreatedAsYes()
    {
        var client = factory.CreatePlainClient();
        var answers = CheckForm.SelfCareAnswers.With("fever", "not-sure");

        var review = await CheckForm.AnswerEveryStepAsync(client, answers);

        var feverLine = review.Document.QuerySelectorAll(".summary-list-row").Single(row => row.TextContent.Contains("fever", StringComparison.Ordinal));
        Assert.Equal("Not sure (treated as yes, to be safe)", feverLine.QuerySelector(".summary-list-value")?.TextContent.Trim());
        var fourSteps = review.Document.QuerySelectorAll(".summary-list-row").Single(row => row.TextContent.Contains("four steps", StringComparison.Ordinal));
        Assert.Equal("Yes", fourSteps.QuerySelector(".summary-list-value")?.TextContent.Trim());

        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var result = await HtmlPage.LoadAsync(client, submitted.Headers.Location!.OriginalString);
        // In the same words as on the review: "Not sure" first, then how it was read.
        var resultFever = result.Document.QuerySelectorAll(".answer-summary .summary-list-row").Single(row => row.TextContent.Contains("fever", StringComparison.Ordinal));
        Assert.Equal("Not sure (treated as yes, to be safe)", resultFever.QuerySelector(".summary-list-value")?.TextContent.Trim());
    }

    [Fact]
    public async Task BladderAndBothLegsWaitForBackPainOnThePainStepAndShowAtOnceAfterAFootSign()
    {
        var calm = factory.CreatePlainClient();
        var pain = await HtmlPage.LoadAsync(calm, "/check/pain");
        Assert.Equal("low-back-pain buttock-to-thigh-pain", pain.Document.QuerySelector("#bladder-or-saddle-group")?.GetAttribute("data-reveal-when-signs"));

        var numb = factory.CreatePlainClient();
        var (_, location, _) = await PostStepAsync(numb, "/check/warning-signs", CheckForm.SelfCareAnswers.With("foot-signs", "numb-or-tingling"));
        Assert.NotNull(location);
        var painAfterNumbness = await HtmlPage.LoadAsync(numb, "/check/pain");
        var group = painAfterNumbness.Document.QuerySelector("#bladder-or-saddle-group");
        Assert.NotNull(group);
        Assert.True(string.IsNullOrEmpty(group.GetAttribute("data-reveal-when-signs")), "Shown at once after a foot sign, with nothing to wait for.");
    }

    [Fact]
    public async Task SwellingWithinHoursAfterAnInjuryIsQueriedOnTheSwellingStep()
    {
        var client = factory.CreatePlainClient();
        await SaveUpToWalkingAsync(client, CheckForm.SelfCareAnswers.With("injury", "twist").With("onset", "sudden"));

        var (status, _, page) = await PostStepAsync(client, "/check/swelling-stiffness", CheckForm.SelfCareAnswers.With("swelling", "whole-knee").With("swelling-onset", "within-hours"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Within a few hours, with no injury", page.Document.QuerySelector("#swelling-onset-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartPageNamesTheUrgentSignsBesideTheEmergencyOnes()
    {
        var start = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check");

        var urgent = start.Document.QuerySelector(".urgent-callout");
        Assert.NotNull(urgent);
        Assert.Contains("Be seen by a doctor today", urgent.QuerySelector("h2")?.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(urgent.QuerySelectorAll(".sign-list li"));
        Assert.NotNull(start.Document.QuerySelector(".emergency-callout"));
    }
}
