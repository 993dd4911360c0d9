using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// Issue #24: the plan starts where the runner is. A runner who has stopped running gets the walk-run
/// phases; one still running gets load management by the same pain rule; without an answer to
/// run-pattern the cautious walk-run plan stays.
/// </summary>
public sealed class PlanFromWhereTheRunnerIsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("only-after", true)]
    [InlineData("eases-when-warm", true)]
    [InlineData("not-running", false)]
    [InlineData(null, false)]
    public async Task ARunnerStillRunningGetsLoadManagementAndOneWhoStoppedGetsTheWalkRunPhases(string? runPattern, bool stillRunning)
    {
        var client = factory.CreatePlainClient();
        var answers = ApiClient.ValidAnswers();
        if (runPattern is not null)
        {
            answers["run-pattern"] = runPattern;
        }

        var (id, _, body) = await FollowUpApiTests.CreateAsync(client, answers);
        Assert.Equal("self-care", body.GetProperty("urgency").GetString());
        var page = await HtmlPage.LoadAsync(client, $"/results/{id}");

        var plan = page.Document.QuerySelector(".return-to-running");
        Assert.NotNull(plan);
        Assert.NotNull(plan.QuerySelector(".plan-pain-rule"));
        Assert.Equal(stillRunning, plan.QuerySelector(".plan-still-running") is not null);
        Assert.Equal(!stillRunning, plan.QuerySelector(".plan-phases") is not null);
        Assert.Equal(!stillRunning, plan.TextContent.Contains("never run two days in a row", StringComparison.OrdinalIgnoreCase));
    }
}
