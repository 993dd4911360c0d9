using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Issue 22: an interruption comes before any result exists, so it never says "take this result";
/// and "Change an answer you gave by mistake" goes back to the step holding the answer that raised it, not to step 1.
/// </summary>
public sealed class InterruptionFitsTheMomentTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static string? MistakeLink(HtmlPage page) =>
        page.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == KneeTriage.Web.Pages.Check.InterruptionChoices.ChangeAnswer)?.GetAttribute("href");

    [Fact]
    public async Task ACalfSignRaisedOnTheCalfStepSendsAMistakeBackToTheCalfStep()
    {
        var client = factory.CreatePlainClient();

        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("calf-signs", "swollen", "warm"));

        Assert.Equal("/check/urgent", page.Url);
        Assert.Equal("/check/calf", MistakeLink(page));
    }

    [Fact]
    public async Task ASignRaisedOnTheFirstStepSendsAMistakeBackToTheFirstStep()
    {
        var client = factory.CreatePlainClient();

        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"));

        Assert.Equal("/check/emergency", page.Url);
        Assert.Equal("/check/warning-signs", MistakeLink(page));
    }

    [Theory]
    [InlineData("breathless-or-chest-pain", "yes")]
    [InlineData("hot-red-knee", "yes")]
    public async Task AnInterruptionNeverSpeaksOfAResultThatDoesNotExistYet(string question, string answer)
    {
        var client = factory.CreatePlainClient();

        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With(question, answer));

        Assert.StartsWith("/check/", page.Url, StringComparison.Ordinal);
        var text = page.Document.QuerySelector("main")?.TextContent ?? string.Empty;
        Assert.DoesNotContain("this result", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tell them what you answered", text, StringComparison.Ordinal);
    }
}
