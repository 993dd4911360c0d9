using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>The symptom check in a browser without JavaScript: one step per page, back, change, submit.</summary>
public sealed class CheckFlowTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheStartPageSaysItDoesNotReplaceAClinicianAndStartsWithWarningSigns()
    {
        var client = factory.CreatePlainClient();

        var start = await HtmlPage.LoadAsync(client, "/check");

        Assert.Contains("does not replace a clinician", start.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/check/warning-signs", start.Link("Start now")?.GetAttribute("href"));
    }

    [Fact]
    public async Task EachStepShowsItsPositionATitleAndABackLink()
    {
        var client = factory.CreatePlainClient();

        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        var second = await HtmlPage.LoadAsync(client, "/check/hot-knee");

        Assert.Equal("Step 1 of 10", first.Document.QuerySelector(".step-progress")?.TextContent.Trim());
        Assert.Equal("Signs that need help now", first.H1);
        Assert.Equal("/check", first.Document.QuerySelector("a.back-link")?.GetAttribute("href"));
        Assert.Equal("Step 2 of 10", second.Document.QuerySelector(".step-progress")?.TextContent.Trim());
        Assert.Equal("/check/warning-signs", second.Document.QuerySelector("a.back-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnsweringEveryStepAndSubmittingRedirectsToTheStoredResult()
    {
        var client = factory.CreatePlainClient();
        var before = await factory.StoredCountAsync();

        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);
        Assert.Equal("Check your answers", review.H1);
        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var location = submitted.Headers.Location!.OriginalString;
        Assert.Matches("^/results/[A-Za-z0-9_-]{24}$", location);
        Assert.Equal(before + 1, await factory.StoredCountAsync());
        var result = await HtmlPage.LoadAsync(client, location);
        Assert.Equal("Your symptom check result", result.H1);
        Assert.Contains("Self-care", result.Document.QuerySelector(".urgency-banner")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingAStepWithoutTheAntiforgeryTokenIsRefused()
    {
        var client = factory.CreatePlainClient();
        await HtmlPage.LoadAsync(client, "/check/warning-signs");

        using var content = new FormUrlEncodedContent([new("fever", "no")]);
        using var response = await client.PostAsync("/check/warning-signs", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GoingBackShowsTheAnswersAlreadyGiven()
    {
        var client = factory.CreatePlainClient();
        foreach (var url in new[] { "/check/warning-signs", "/check/hot-knee", "/check/walking", "/check/calf", "/check/pain" })
        {
            var step = await HtmlPage.LoadAsync(client, url);
            (await CheckForm.SubmitAsync(client, step, CheckForm.SelfCareAnswers)).Dispose();
        }

        var backToPain = await HtmlPage.LoadAsync(client, "/check/pain");
        var backToWarnings = await HtmlPage.LoadAsync(client, "/check/hot-knee");

        Assert.Equal("4", backToPain.Document.QuerySelector("#pain-severity")?.GetAttribute("value"));
        Assert.True(backToPain.Document.QuerySelector("input[name=pain-type][value=dull-ache]")?.HasAttribute("checked"), "The chosen pain type was not kept.");
        var ticked = backToPain.Document.QuerySelectorAll("input[name=pain-location][checked]").Select(i => i.GetAttribute("value")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "back-outer", "above-back" }, ticked);
        Assert.True(backToWarnings.Document.QuerySelector("input[name=has-fever][value=no]")?.HasAttribute("checked"), "The warning-sign answer was not kept.");
    }

    [Fact]
    public async Task CheckYourAnswersListsEveryAnswerWithAChangeLink()
    {
        var client = factory.CreatePlainClient();

        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);

        var rows = review.Document.QuerySelectorAll(".summary-list-row");
        Assert.True(rows.Length >= 25, $"Expected a row per question, found {rows.Length}.");
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector("a[href*='change=true']")));
        var age = rows.Single(r => r.QuerySelector("a")!.GetAttribute("href")!.EndsWith("#age", StringComparison.Ordinal));
        Assert.Equal("38 years", age.QuerySelector(".summary-list-value")?.TextContent.Trim());
        var clicking = rows.Single(r => r.QuerySelector("a")!.GetAttribute("href")!.EndsWith("#mechanical", StringComparison.Ordinal));
        Assert.Equal("None", clicking.QuerySelector(".summary-list-value")?.TextContent.Trim());
    }

    [Fact]
    public async Task ChangingAnAnswerReturnsToCheckYourAnswersWithTheNewAnswerAndTheRestKept()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);
        var changeAge = review.Document.QuerySelectorAll("a").First(a => a.GetAttribute("href")!.EndsWith("#age", StringComparison.Ordinal)).GetAttribute("href")!;

        var step = await HtmlPage.LoadAsync(client, changeAge.Split('#')[0]);
        Assert.Equal("38", step.Document.QuerySelector("#age")?.GetAttribute("value"));
        Assert.Equal("/check/review", step.Document.QuerySelector("a.back-link")?.GetAttribute("href"));
        using var saved = await CheckForm.SubmitAsync(client, step, CheckForm.SelfCareAnswers.With("age", "45"));

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal("/check/review", saved.Headers.Location!.OriginalString);
        var after = await HtmlPage.LoadAsync(client, "/check/review");
        var values = after.Document.QuerySelectorAll(".summary-list-row").ToDictionary(
            r => r.QuerySelector("a")!.GetAttribute("href")!.Split('#')[1],
            r => r.QuerySelector(".summary-list-value")!.TextContent.Trim());
        Assert.Equal("45 years", values["age"]);
        Assert.Equal("4 out of 10", values["pain-severity"]);
    }

    [Fact]
    public async Task MissingAnswersShowThereIsAProblemWithLinksAndMessagesBesideEachField()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");

        using var response = await CheckForm.SubmitAsync(client, first, new Dictionary<string, string[]> { ["deformity"] = ["no"] });
        var page = HtmlPage.Parse("/check/warning-signs", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.Document.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.Equal("There is a problem", summary.QuerySelector("h2")?.TextContent.Trim());
        Assert.True(summary.HasAttribute("autofocus") && summary.GetAttribute("tabindex") == "-1", "The error summary does not take focus.");
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links, href => href!.StartsWith("#newly-breathless", StringComparison.Ordinal));
        Assert.DoesNotContain("#deformity", links);
        Assert.All(links, href => Assert.NotNull(page.Document.QuerySelector(href!)));
        // One fact per question: breathlessness and chest pain are asked, and asked for, one at a time.
        Assert.Equal("Error: Answer yes, no or not sure to \u201cAre you newly short of breath?\u201d", page.Document.QuerySelector("#newly-breathless-error")?.TextContent.Trim());
        Assert.Equal("Error: Answer yes, no or not sure to \u201cDo you have pain in your chest?\u201d", page.Document.QuerySelector("#chest-pain-error")?.TextContent.Trim());
        Assert.True(page.Document.QuerySelector("input[name=deformity][value=no]")?.HasAttribute("checked"), "The answer given was lost on the error page.");
    }

    [Fact]
    public async Task AWordTypedForAgeIsAnsweredWithTheAcceptedRange()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/about-the-injury");

        using var response = await CheckForm.SubmitAsync(client, page, CheckForm.SelfCareAnswers.With("age", "thirty"));
        var errorPage = HtmlPage.Parse(page.Url, await response.Content.ReadAsStringAsync());

        Assert.Equal("Error: Enter a whole number from 12 to 100.", errorPage.Document.QuerySelector("#age-error")?.TextContent.Trim());
        Assert.Equal("thirty", errorPage.Document.QuerySelector("#age")?.GetAttribute("value"));
        Assert.Equal("true", errorPage.Document.QuerySelector("#age")?.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task CheckYourAnswersBeforeEveryStepIsAnsweredSendsTheRunnerToTheFirstMissingStep()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        (await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers)).Dispose();

        using var response = await client.GetAsync("/check/review");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/check/hot-knee", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ADraftCookieThatCannotBeReadStartsAgainWithAClearMessage()
    {
        var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", "kt-check-draft=not-a-protected-value");

        var page = await HtmlPage.LoadAsync(client, "/check/warning-signs");

        Assert.Contains("could not read the answers you gave earlier", page.Document.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("input[checked]"));
    }

    [Theory]
    [InlineData("/check/warning-signs")]
    [InlineData("/check/review")]
    [InlineData("/check/no-such-step")]
    public async Task AFormFieldNamedWithAStrayBracketIsNotAServerError(string url)
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/warning-signs");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("fever[", "no")]);
        using var response = await client.PostAsync(url, content);

        Assert.True((int)response.StatusCode < 500, $"POST {url} with a key 'fever[' answered {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task TheSwellingOnsetQuestionIsMarkedToShowOnlyOnceASwellingIsTicked()
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), "/check/swelling-stiffness");

        Assert.Equal("swelling", page.Document.QuerySelector("#swelling-onset-group")?.GetAttribute("data-reveal-when-any"));
        Assert.False(page.Document.QuerySelector("#swelling-onset-group")!.HasAttribute("hidden"), "Without script the follow-up must show.");
        Assert.True(string.IsNullOrEmpty(page.Document.QuerySelector("#stiffness-group")?.GetAttribute("data-reveal-when-any")), "A question asked always is marked to hide.");
    }

    [Fact]
    public async Task AnOnsetOfSwellingWithNoSwellingTickedIsDroppedNotAnError()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/swelling-stiffness");

        using var response = await CheckForm.SubmitAsync(client, page, CheckForm.SelfCareAnswers.With("swelling-onset", "gradual"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var again = await HtmlPage.LoadAsync(client, "/check/swelling-stiffness");
        Assert.Empty(again.Document.QuerySelectorAll("input[name=swelling-onset][checked]"));
    }

    [Fact]
    public async Task ASwellingWithoutItsOnsetAsksForTheOnset()
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/check/swelling-stiffness");

        using var response = await CheckForm.SubmitAsync(client, page, CheckForm.SelfCareAnswers.With("swelling", "whole-knee"));
        var errorPage = HtmlPage.Parse(page.Url, await response.Content.ReadAsStringAsync());

        Assert.Equal("Error: Choose an answer to \u201cWhen did the swelling appear?\u201d", errorPage.Document.QuerySelector("#swelling-onset-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownStepIsNotFound()
    {
        var client = factory.CreatePlainClient();

        using var response = await client.GetAsync("/check/no-such-step");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheDraftIsKeptInAProtectedHttpOnlyLaxCookieScopedToTheCheck()
    {
        var client = factory.CreatePlainClient();
        var first = await HtmlPage.LoadAsync(client, "/check/warning-signs");

        using var response = await CheckForm.SubmitAsync(client, first, CheckForm.SelfCareAnswers);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kt-check-draft=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/check", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("breathless", cookie, StringComparison.Ordinal);
    }
}
