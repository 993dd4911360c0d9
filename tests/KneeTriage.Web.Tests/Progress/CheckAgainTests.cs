using System.Net;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// "Check again" on a result page, in the browser that made it and without script: a new check
/// filled in with the earlier answers that joins the earlier result's series.
/// </summary>
public sealed class CheckAgainTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheCreatorChecksAgainWithTheAnswersFilledInAndTheNewResultJoinsTheSeries()
    {
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);

        using var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form");

        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var firstStep = started.Headers.Location!.OriginalString;
        Assert.Equal("/check/warning-signs", firstStep);
        var painStep = await HtmlPage.LoadAsync(runner, "/check/pain");
        Assert.NotNull(painStep.Document.QuerySelector("input[name='pain-location'][value='back-outer'][checked]"));
        Assert.NotNull(painStep.Document.QuerySelector(".follow-up-note"));

        var review = await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers.With("pain-severity", "2"));
        Assert.Contains("follow-up of your check on", review.Document.QuerySelector(".follow-up-note")?.TextContent ?? "", StringComparison.Ordinal);
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var secondUrl = submitted.Headers.Location!.OriginalString;

        var firstToken = firstUrl["/results/".Length..];
        var secondToken = secondUrl["/results/".Length..];
        var keys = await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == firstToken || a.Token == secondToken).Select(a => a.SeriesKey).Distinct().ToListAsync());
        Assert.Equal([firstToken], keys);
        var second = await HtmlPage.LoadAsync(runner, secondUrl);
        Assert.NotNull(second.Document.QuerySelector(".result-progress"));
        Assert.NotNull(second.Document.QuerySelector($".result-progress a[href='{firstUrl}']"));
    }

    [Fact]
    public async Task CheckingAgainAsksEveryWarningQuestionAfreshWithLastTimeAsAHintOnly()
    {
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers.With("fever", "not-sure"));
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);
        using (var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var warningSigns = await HtmlPage.LoadAsync(runner, "/check/warning-signs");
        var hotKnee = await HtmlPage.LoadAsync(runner, "/check/hot-knee");
        var walking = await HtmlPage.LoadAsync(runner, "/check/walking");
        var calf = await HtmlPage.LoadAsync(runner, "/check/calf");

        foreach (var page in new[] { warningSigns, hotKnee, walking, calf })
        {
            // Calf cramp on exertion raises at most see-clinician, so it is no warning question and stays filled in.
            var filled = page.Document.QuerySelectorAll("input[checked]:not([name=calf-cramp-on-exertion])").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ToList();
            Assert.True(filled.Count == 0, $"{page.Url} fills in {string.Join(", ", filled)}");
        }

        Assert.Equal("Last time: no", hotKnee.Document.QuerySelector("#hot-red-knee-hint .last-time")?.TextContent.Trim());
        Assert.Equal("Last time: not sure", hotKnee.Document.QuerySelector("#has-fever-hint .last-time")?.TextContent.Trim());
        Assert.Equal("Last time: yes", walking.Document.QuerySelector("#four-steps-now-hint .last-time")?.TextContent.Trim());
        Assert.Equal("Last time: none of these", calf.Document.QuerySelector("#calf-signs-hint .last-time")?.TextContent.Trim());
        // Everything else is filled in as before.
        var injury = await HtmlPage.LoadAsync(runner, "/check/about-the-injury");
        Assert.Equal("38", injury.Document.QuerySelector("input[name=age]")?.GetAttribute("value"));
        Assert.NotNull(injury.Document.QuerySelector("input[name=injury][value=none][checked]"));
    }

    [Fact]
    public async Task EachPartIsHintedWithWhatTheRunnerSaidToItLastTime()
    {
        // Last time's "not sure" on the limp was hinted on the hip part too, which had been a "no";
        // "not sure" on an hour of severe pain beside "no" to a tight calf came back as "no to one of these".
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers
            .With("hip-or-groin-ache", "no").With("new-limp", "not-sure")
            .With("severe-pain-after-run", "not-sure").With("tight-calf-after-run", "no"));
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);
        using (var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var warningSigns = await HtmlPage.LoadAsync(runner, "/check/warning-signs");
        var pain = await HtmlPage.LoadAsync(runner, "/check/pain");

        static string? Hint(HtmlPage page, string part) => page.Document.QuerySelector($"#{part}-hint .last-time")?.TextContent.Trim();
        Assert.Equal("Last time: no", Hint(pain, "hip-or-groin-ache"));
        Assert.Equal("Last time: not sure", Hint(pain, "new-limp"));
        Assert.Equal("Last time: not sure", Hint(warningSigns, "severe-pain-after-run"));
        Assert.Equal("Last time: no", Hint(warningSigns, "tight-calf-after-run"));
    }

    [Fact]
    public async Task CheckingAgainLeavesThisWeeksPainTheMorningAfterAndHowLongItHasHurtBlank()
    {
        // Walkers found last week's morning-after pain filled in: carried over, it reads as "about the same" whatever this week was.
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers.With("pain-next-morning", "6"));
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);
        using (var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var pain = await HtmlPage.LoadAsync(runner, "/check/pain");
        var injury = await HtmlPage.LoadAsync(runner, "/check/about-the-injury");
        var goingOn = await HtmlPage.LoadAsync(runner, "/check/how-it-is-going");

        static string? Typed(HtmlPage page, string name) => page.Document.QuerySelector($"input[name='{name}']") is { } input ? input.GetAttribute("value") ?? "" : null;
        Assert.Equal("", Typed(pain, "pain-severity"));
        Assert.Equal("", Typed(goingOn, "pain-next-morning"));
        Assert.Empty(injury.Document.QuerySelectorAll("input[name='duration'][checked]"));
        Assert.Equal("Last time: 3 to 14 days", injury.Document.QuerySelector("#duration-hint .last-time")?.TextContent.Trim());
        // What does not go stale in a week is still filled in.
        Assert.NotNull(injury.Document.QuerySelector("input[name=onset][value=gradual][checked]"));
    }

    [Fact]
    public async Task CheckingAgainAsksWhatChangedInTrainingLatelyAfreshWithLastTimeAsAHint()
    {
        // "What has changed in your running lately?" came back ticked from the last check: "lately"
        // had moved on, and a runner who had since dropped the extra distance had to untick it.
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers.With("training-change", "more-distance", "more-hills"));
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);
        using (var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var training = await HtmlPage.LoadAsync(runner, "/check/you-and-training");

        Assert.Empty(training.Document.QuerySelectorAll("input[name='training-change'][checked]"));
        Assert.Equal(
            "Last time: More distance or longer runs, in the last 6 weeks; More hills, in the last 6 weeks",
            training.Document.QuerySelector("#training-change-hint .last-time")?.TextContent.Trim());
        // What does not go stale is still filled in.
        Assert.NotNull(training.Document.QuerySelector("input[name='tight-muscles'][value='hamstrings'][checked]"));
    }

    [Fact]
    public async Task SomeoneWithoutTheKeyCannotCheckAgainAndGetsNoDraft()
    {
        var runner = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var coach = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(coach, url);
        Assert.Null(page.Document.QuerySelector(".result-check-again"));

        // A hand-made request with a valid antiforgery token and no key is refused like an unknown link.
        var step = await HtmlPage.LoadAsync(coach, "/check/warning-signs");
        var antiforgery = step.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(antiforgery);
        using var response = await coach.PostAsync($"{url}?handler=CheckAgain", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(DraftCookie.Name + "=", StringComparison.Ordinal)),
            "A browser without the key was given a follow-up draft.");
    }

    [Fact]
    public async Task IfTheEarlierResultIsDeletedMeanwhileTheCheckIsStoredAsANewSeries()
    {
        var runner = factory.CreatePlainClient();
        var firstUrl = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var resultPage = await HtmlPage.LoadAsync(runner, firstUrl);
        using (var started = await CheckForm.SubmitAsIsAsync(runner, resultPage, ".result-check-again form"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var review = await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers);
        var firstToken = firstUrl["/results/".Length..];
        await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == firstToken).ExecuteDeleteAsync());

        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var secondToken = submitted.Headers.Location!.OriginalString["/results/".Length..];
        var key = await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == secondToken).Select(a => a.SeriesKey).SingleAsync());
        Assert.Equal(secondToken, key);
    }
}
