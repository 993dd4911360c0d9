using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// A tick-box warning question's "Not sure" was explained two ways: "we will treat it as the most
/// serious of these" beside the choice, and "no single answer here would change the advice" on the
/// review page when the answers already called for as much, which a runner read as "not sure does
/// not matter". The engine reads it cautiously either way: one explanation, the same on both pages.
/// </summary>
public sealed class NotSureOneExplanationTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ATickBoxNotSureIsExplainedInTheSameWordsBesideTheChoiceAndOnTheReview()
    {
        var client = factory.CreatePlainClient();
        // Breathless (call 999): no calf sign could raise the urgency further, so no option is read in.
        var review = await CheckForm.ReachReviewAsync(client, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes").With("calf-signs", "not-sure"));
        var calf = await HtmlPage.LoadAsync(client, "/check/calf?change=true");

        var hint = calf.Document.QuerySelector("#calf-signs-not-sure-hint")?.TextContent.Trim();
        var line = review.Document.QuerySelectorAll(".summary-list-row")
            .Single(row => row.QuerySelector("a")!.GetAttribute("href")!.EndsWith("#calf-signs", StringComparison.Ordinal))
            .QuerySelector(".summary-list-value")?.TextContent.Trim();

        Assert.Equal("Not sure (treated as the most serious of these, to be safe)", line);
        Assert.Equal("The check treats it as the most serious of these, to be safe.", hint);
    }
}
