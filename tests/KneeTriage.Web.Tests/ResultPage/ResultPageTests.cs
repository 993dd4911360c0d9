using System.Net;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>The result page at its share link: what it shows, what it sends, and who may delete it.</summary>
public sealed class ResultPageTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheResultShowsUrgencyFirstThenCausesAdviceAndEveryAnswer()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);

        var page = await HtmlPage.LoadAsync(client, url);

        var sections = page.Document.QuerySelectorAll("article.result > section").Select(s => s.ClassName).ToList();
        Assert.StartsWith("urgency-banner", sections[0], StringComparison.Ordinal);
        var banner = page.Document.QuerySelector(".urgency-banner")!;
        Assert.NotNull(banner.QuerySelector("svg.urgency-icon"));
        Assert.Contains("Self-care", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal("Fits your answers best", page.Document.QuerySelector(".cause-band-title")?.TextContent);
        Assert.Equal("cause-hamstring-tendinopathy", page.Document.QuerySelector(".cause")?.Id);
        Assert.DoesNotContain("%", page.Document.QuerySelector(".result-causes")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".cause-reasons-for li"));
        Assert.Equal("/article/causes#hamstring-tendinopathy", page.Document.QuerySelector(".cause-learn-more a")?.GetAttribute("href"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".result-self-care li"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".result-come-back li"));
        var answers = page.Document.QuerySelectorAll(".answer-summary .summary-list-value").Select(v => v.TextContent.Trim()).ToList();
        Assert.True(answers.Count >= 25, $"Expected every question in the summary, found {answers.Count}.");
        Assert.DoesNotContain(string.Empty, answers);
        Assert.Contains("None", answers);
    }

    [Fact]
    public async Task AWarningSignIsShownInPlainWordsInTheBanner()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("four-steps-now", "no"));

        var page = await HtmlPage.LoadAsync(client, url);

        var banner = page.Document.QuerySelector(".urgency-banner")!;
        Assert.Contains("urgency-urgent", banner.ClassName, StringComparison.Ordinal);
        Assert.Contains("Urgent", banner.QuerySelector(".urgency-title")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(banner.QuerySelectorAll(".warning-sign-list li"));
    }

    /// <summary>Walk 12: "a reminder to check again a week after" sat beside "be seen today".</summary>
    [Fact]
    public async Task AReminderToCheckAgainInAWeekIsOfferedOnlyWhereWaitingIsTheAdvice()
    {
        var client = factory.CreatePlainClient();
        var urgent = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("four-steps-now", "no")));
        var selfCare = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers));

        Assert.NotNull(urgent.Document.QuerySelector(".result-check-again"));
        Assert.Null(urgent.Document.QuerySelector(".result-reminder"));
        Assert.NotNull(selfCare.Document.QuerySelector(".result-reminder"));
    }

    [Fact]
    public async Task ResultPagesAreNeverCachedNeverSentAsReferrerAndNeverIndexed()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);

        using var response = await client.GetAsync(url);

        AssertPrivateHeaders(response);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("has.dots.and%20spaces")]
    public async Task UnknownAndMalformedTokensGetTheSame404Page(string token)
    {
        var client = factory.CreatePlainClient();
        using var unknown = await client.GetAsync("/results/BBBBBBBBBBBBBBBBBBBBBBBB");

        using var response = await client.GetAsync($"/results/{token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPrivateHeaders(response);
        var page = HtmlPage.Parse("/results", await response.Content.ReadAsStringAsync());
        var reference = HtmlPage.Parse("/results", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("Result not found", page.H1);
        Assert.Equal(reference.Document.QuerySelector("main")!.TextContent, page.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task PreviewTagsAndTitleRevealNoHealthDetails()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("four-steps-now", "no"));

        var page = await HtmlPage.LoadAsync(client, url);

        var preview = string.Join(" | ", new[] { page.Title, page.MetaDescription }
            .Concat(page.Document.QuerySelectorAll("meta[property^='og:'], meta[name^='twitter:']").Select(m => m.GetAttribute("content"))));
        foreach (var word in new[] { "urgent", "Urgent", "hamstring", "emergency", "clinician", "pain" })
        {
            Assert.DoesNotContain(word, preview, StringComparison.Ordinal);
        }

        Assert.Equal("A KneeTriage symptom check result", page.Document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task TheSharePanelHasTheFullLinkAQrCodeAndButtonsThatNeedScript()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);

        var page = await HtmlPage.LoadAsync(client, url);

        Assert.Equal($"http://localhost{url}", page.Document.QuerySelector("#share-url")?.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector(".share-qr svg.qr-code path"));
        Assert.All(page.Document.QuerySelectorAll(".share-buttons button"), b => Assert.True(b.HasAttribute("hidden"), $"{b.ClassName} shows without script."));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/results.']"));
    }

    [Fact]
    public async Task TheCreatorCanDeleteTheResultAndThenTheLinkIs404AndTheRowIsGone()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        var token = url["/results/".Length..];
        var page = await HtmlPage.LoadAsync(client, url);

        using var deleted = await CheckForm.SubmitAsIsAsync(client, page, ".result-delete form");

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("/results/deleted", deleted.Headers.Location!.OriginalString);
        Assert.False(await factory.IsStoredAsync(token), "The result is still in the database.");
        using var after = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        var confirmation = await HtmlPage.LoadAsync(client, "/results/deleted");
        Assert.Equal("Your result has been deleted", confirmation.H1);
    }

    [Fact]
    public async Task TheDeleteKeyCookieIsHttpOnlyAndScopedToThatResult()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);

        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");

        var location = submitted.Headers.Location!.OriginalString;
        var cookie = submitted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kt-delete-key=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path={location}", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SomeoneOpeningASharedLinkCannotDeleteIt()
    {
        var owner = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(owner, CheckForm.SelfCareAnswers);
        var coach = factory.CreatePlainClient();

        var page = await HtmlPage.LoadAsync(coach, url);
        Assert.Null(page.Document.QuerySelector(".result-delete"));
        // Even a hand-made delete request with a valid antiforgery token and no key is refused.
        var start = await HtmlPage.LoadAsync(coach, "/check");
        var antiforgery = start.Document.QuerySelector("input[name=__RequestVerificationToken]");
        var fields = antiforgery is null ? [] : new[] { new KeyValuePair<string, string>("__RequestVerificationToken", antiforgery.GetAttribute("value")!) };
        using var response = await coach.PostAsync($"{url}?handler=Delete", new FormUrlEncodedContent(fields));

        Assert.NotEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(await factory.IsStoredAsync(url["/results/".Length..]), "Someone without the key deleted the result.");
    }

    [Fact]
    public async Task TheResultPageShowsWhatWasStoredNotARecomputation()
    {
        var stored = new StoredResult
        {
            Urgency = Urgency.SeeClinician,
            SeeClinician = true,
            KnowledgeBaseVersion = "old-version",
            RedFlags = [new StoredRedFlag { Id = "old-rule", Urgency = Urgency.SeeClinician, Message = "A message from an older knowledge base." }],
            LikelyCauses = [new StoredCause { Id = "bakers-cyst", Name = "A cause name as it was worded then", Probability = 0.6, ReasonsFor = ["An old reason."], ReasonsAgainst = [], LearnMore = "/article/causes#bakers-cyst" }],
            DoNow = ["Old advice."],
            SelfCare = [],
            ComeBackIf = [],
            Answers = [new AnswerLine { QuestionId = "age", StepId = "you-and-training", Question = "How old are you?", Answer = "38 years" }],
        };
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<AssessmentStore>();
            var saved = await store.SaveAsync(
                new AssessmentToStore
                {
                    KnowledgeBaseVersion = "old-version",
                    AnswersJson = "{\"age\":38}",
                    ResultJson = StoredResultJson.Serialize(stored),
                    Urgency = Urgency.SeeClinician,
                    SeeClinician = true,
                },
                CancellationToken.None);
            token = saved.Record.Token;
        }

        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{token}");

        Assert.Contains("A message from an older knowledge base.", page.Document.QuerySelector(".urgency-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A cause name as it was worded then", page.Document.QuerySelector(".cause-name")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Old advice.", page.Document.QuerySelector(".urgency-banner .do-now-list")!.TextContent, StringComparison.Ordinal);
        // Stored before v1.2: under a dated line, and its causes in bands derived from its order, never a percentage.
        Assert.StartsWith("Made with an earlier version of this check on ", page.Document.QuerySelector(".result-earlier-version")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Fits your answers best", page.Document.QuerySelector(".cause-band-title")?.TextContent);
        Assert.DoesNotContain("60%", page.Document.QuerySelector("article.result")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultMadeNowHasNoEarlierVersionLine()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);

        var page = await HtmlPage.LoadAsync(client, url);

        Assert.Null(page.Document.QuerySelector(".result-earlier-version"));
        Assert.Contains("disposition-self-care", page.Document.QuerySelector(".urgency-banner")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunnerUnder16IsToldToShowAParentOrCarer()
    {
        var client = factory.CreatePlainClient();

        var young = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("age", "15")));
        var older = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers.With("age", "16")));

        Assert.Contains("show this to a parent or carer", young.Document.QuerySelector(".urgency-banner .parent-or-carer")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(older.Document.QuerySelector(".parent-or-carer"));
    }

    private static void AssertPrivateHeaders(HttpResponseMessage response)
    {
        // Antiforgery may add no-cache beside it (the delete form); no-store is what keeps the page out of caches.
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control is '{response.Headers.CacheControl}', not no-store.");
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
    }
}
