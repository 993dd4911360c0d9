using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The activities question scores the other way from the pain question just above it (10 is as well
/// as before, not the worst pain), and only the result said "higher is better". The form says which
/// end is good in the question's hint and beside every score box, before any result.
/// </summary>
public sealed class ActivityScoreDirectionTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheActivitiesQuestionSaysOnTheFormThatAHigherScoreIsBetter()
    {
        var client = factory.CreatePlainClient();
        await CheckForm.ReachReviewAsync(client, CheckForm.SelfCareAnswers);

        var step = await HtmlPage.LoadAsync(client, "/check/how-it-is-going?change=true");

        var group = step.Document.QuerySelector("#activities-group")!;
        var hintId = group.QuerySelector("fieldset")!.GetAttribute("aria-describedby");
        Assert.Contains("higher score is better", step.Document.GetElementById(hintId!)?.TextContent, StringComparison.Ordinal);
        var scoreLabels = group.QuerySelectorAll("label[for$='-score']").Select(l => l.TextContent.Trim()).ToList();
        Assert.NotEmpty(scoreLabels);
        Assert.All(scoreLabels, label => Assert.Equal("Score now (10 = as before)", label));
    }
}
