using System.Net;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The longest drafts a runner can make still reach a result in a browser: no cookie the check
/// writes is one a browser would drop (over 4,096 bytes), and the Cookie header it sends back stays
/// within nginx's 8 KB line. A dropped draft sent the runner round the same steps for ever.
/// </summary>
public sealed class LongDraftTests(RateLimitsOffAppFactory factory, ITestOutputHelper output) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task EveryBoxTickedWithTheLongestActivitiesReachesTheReviewAndAResult()
    {
        var limits = new BrowserCookieLimits();
        var runner = limits.ClientFor(factory);
        var answers = LongestDraft.EveryBoxTicked(factory.Services.GetRequiredService<KnowledgeBase>());

        HtmlPage? review = null;
        var journey = await Record.ExceptionAsync(async () => review = await CheckForm.ReachReviewAsync(runner, answers));
        // A dropped draft shows as the journey failing; say why first.
        limits.AssertABrowserKeepsEveryCookie();
        Assert.Null(journey);
        Assert.Equal("/check/review", review!.Url);
        Assert.Contains(LongestDraft.Activities[2], review.Document.Body!.TextContent, StringComparison.Ordinal);
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");

        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.StartsWith("/results/", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Report(limits);
        limits.AssertABrowserKeepsEveryCookie();
        Assert.True(limits.LongestCookieHeaderLine < BrowserCookieLimits.MaxHeaderLineBytes, $"A Cookie header line of {limits.LongestCookieHeaderLine} bytes");
    }

    [Fact]
    public async Task CheckAgainFromTheLongestApiCaseStartsWithTheEarlierAnswersAndJoinsTheSeries()
    {
        var limits = new BrowserCookieLimits();
        var runner = limits.ClientFor(factory);
        var (id, deleteKey, _) = await FollowUpApiTests.CreateAsync(runner, await LongestDraft.ApiAnswersAsync(runner));
        var earlierUrl = $"/results/{id}";
        // The browser that made it holds its delete key, as the form's own results give it.
        limits.Cookies.Add(runner.BaseAddress!, new Cookie("kt-delete-key", deleteKey, earlierUrl));
        var earlier = await HtmlPage.LoadAsync(runner, earlierUrl);

        using var started = await CheckForm.SubmitAsIsAsync(runner, earlier, ".result-check-again form");
        limits.AssertABrowserKeepsEveryCookie();
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var pain = await HtmlPage.LoadAsync(runner, "/check/pain");
        Assert.Equal("/check/pain", pain.Url);
        Assert.NotNull(pain.Document.QuerySelector(".follow-up-note"));
        Assert.NotNull(pain.Document.QuerySelector("input[name=pain-location][value=below-back][checked]"));

        var answers = LongestDraft.EveryBoxTicked(factory.Services.GetRequiredService<KnowledgeBase>());
        var review = await CheckForm.ReachReviewAsync(runner, answers);
        Assert.Equal("/check/review", review.Url);
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var second = await HtmlPage.LoadAsync(runner, submitted.Headers.Location!.OriginalString);

        Assert.NotNull(second.Document.QuerySelector($".result-progress a[href='{earlierUrl}']"));
        Report(limits);
        limits.AssertABrowserKeepsEveryCookie();
        Assert.True(limits.LongestCookieHeaderLine < BrowserCookieLimits.MaxHeaderLineBytes, $"A Cookie header line of {limits.LongestCookieHeaderLine} bytes");
    }

    private void Report(BrowserCookieLimits limits) =>
        output.WriteLine($"Longest Set-Cookie: {limits.LongestSetCookie} bytes; longest Cookie header line: {limits.LongestCookieHeaderLine} bytes");
}
