using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// What a result page of a series says: the chart and, in words, what changed at the latest check;
/// a worsening series says so first, with what to do; the return-to-running plan only for self-care
/// without a warning sign.
/// </summary>
public sealed class ProgressPageTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task AResultOfOneShowsNoProgress()
    {
        var client = factory.CreatePlainClient();
        var (id, _, _) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());

        var page = await HtmlPage.LoadAsync(client, $"/results/{id}");

        Assert.Null(page.Document.QuerySelector(".result-progress"));
        Assert.Null(page.Document.QuerySelector(".progress-chart"));
    }

    [Fact]
    public async Task ABetterFollowUpShowsTheChartAndWhatChangedInWords()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());
        var later = ApiClient.ValidAnswers();
        later["pain-severity"] = 1;
        using var followUp = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, later);
        var secondId = (await ApiClient.JsonAsync(followUp)).GetProperty("id").GetString()!;

        var page = await HtmlPage.LoadAsync(client, $"/results/{secondId}");

        var progress = page.Document.QuerySelector(".result-progress");
        Assert.NotNull(progress);
        Assert.NotNull(progress.QuerySelector(".progress-chart svg[role=img]"));
        Assert.Equal(2, progress.QuerySelectorAll(".progress-table tbody tr").Length);
        Assert.Contains("Pain 4/10 → 1/10", progress.QuerySelector(".progress-changes")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("Better", progress.QuerySelector(".progress-trend")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(progress.QuerySelector(".progress-worse"));
    }

    [Fact]
    public async Task AWorseningSeriesSaysSoPlainlyAndWhatToDoOnEveryPageOfIt()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());
        var later = ApiClient.ValidAnswers();
        later["pain-severity"] = 8;
        using var followUp = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, later);
        var secondId = (await ApiClient.JsonAsync(followUp)).GetProperty("id").GetString()!;

        foreach (var id in new[] { secondId, firstId })
        {
            var page = await HtmlPage.LoadAsync(client, $"/results/{id}");
            var worse = page.Document.QuerySelector(".result-progress .progress-worse")?.TextContent ?? "";
            Assert.True(worse.Contains("getting worse", StringComparison.Ordinal), $"The page of {(id == firstId ? "the earlier" : "the latest")} check does not say the series is getting worse: '{worse}'");
            Assert.True(worse.Length > "This is getting worse since your last check. ".Length, "The worsening message does not say what to do.");
        }

        var earlier = await HtmlPage.LoadAsync(client, $"/results/{firstId}");
        Assert.NotNull(earlier.Document.QuerySelector($".progress-newer a[href='/results/{secondId}']"));
    }

    [Fact]
    public async Task NewSinceTheLastCheckNamesOnlyTheSignTheRunnerGave()
    {
        // Walkers: one tender calf after a long journey was listed as "a swollen calf, or two or
        // more of warm, red and tender, with no injury": the first sign of two that name the clot rule.
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());
        var later = ApiClient.ValidAnswers();
        later["calf-signs"] = new System.Text.Json.Nodes.JsonArray("tender");
        later["clot-risk"] = new System.Text.Json.Nodes.JsonArray("long-travel");
        using var followUp = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, later);
        var secondId = (await ApiClient.JsonAsync(followUp)).GetProperty("id").GetString()!;

        var page = await HtmlPage.LoadAsync(client, $"/results/{secondId}");

        var changes = page.Document.QuerySelectorAll(".result-progress .progress-changes li").Select(li => li.TextContent.Trim()).ToList();
        var newSince = Assert.Single(changes, line => line.StartsWith("New since your last check:", StringComparison.Ordinal));
        Assert.DoesNotContain("two or more", newSince, StringComparison.Ordinal);
        Assert.DoesNotContain("no injury", newSince, StringComparison.Ordinal);
        Assert.Contains("blood clot", newSince, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckMadeBeforeTheProgressQuestionsShowsThemAsNotAskedInTheTable()
    {
        var client = factory.CreatePlainClient();
        // A result as stored before contract v1.2 (no contractVersion), which never asked the progress questions.
        var (madeNow, _, _) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());
        var record = await factory.Services.GetRequiredService<KneeTriage.Web.Data.AssessmentStore>().FindByTokenAsync(madeNow, CancellationToken.None);
        var earlier = KneeTriage.Web.Submission.StoredResultJson.Deserialize(record!.ResultJson) with { ContractVersion = null };
        var earlierToken = await StoredResultsAsWritten.StoreAsync(factory.Services, earlier);
        var (laterId, _, _) = await FollowUpApiTests.CreateAsync(client, MeasuredProgressApiTests.AnswersWith(3, 2, ("Run 5 km", 6)));
        // Joined to the earlier result's series as a follow-up would be (the stored result has no delete key to prove).
        await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == laterId).ExecuteUpdateAsync(a => a.SetProperty(r => r.SeriesKey, earlierToken)));

        var page = await HtmlPage.LoadAsync(client, $"/results/{laterId}");

        var first = page.Document.QuerySelectorAll(".result-progress .progress-table tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Not asked", "Not asked"], first.Skip(1).Take(2));
    }

    [Fact]
    public async Task TheReturnToRunningPlanIsOfferedForSelfCareWithoutAWarningSignOnly()
    {
        var client = factory.CreatePlainClient();
        var (selfCare, _, selfCareBody) = await FollowUpApiTests.CreateAsync(client, ApiClient.ValidAnswers());
        Assert.Equal("self-care", selfCareBody.GetProperty("urgency").GetString());
        var warning = ApiClient.ValidAnswers();
        warning["pain-severity"] = 8;
        var (withWarning, _, warningBody) = await FollowUpApiTests.CreateAsync(client, warning);
        Assert.NotEqual(0, warningBody.GetProperty("redFlags").GetArrayLength());

        var offered = await HtmlPage.LoadAsync(client, $"/results/{selfCare}");
        var notOffered = await HtmlPage.LoadAsync(client, $"/results/{withWarning}");

        Assert.NotNull(offered.Document.QuerySelector(".return-to-running"));
        Assert.Null(notOffered.Document.QuerySelector(".return-to-running"));
    }
}
