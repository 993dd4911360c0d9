using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The urgent page said "Arrange to be seen today first. You can finish the check while you wait",
/// and the emergency page "You can finish the check while you wait": a worried runner read "while
/// you wait" as leave to put off the call. Each warning page keeps its one action; finishing the
/// check is offered only once that action is under way, never instead of it or before it.
/// </summary>
public sealed class FinishingTheCheckComesAfterTheActionTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("GB", "/check/urgent", "four-steps-now", "no", "Arrange to be seen today now. Do not finish the check first. Once you have called, booked or set off, you can finish it")]
    [InlineData("US", "/check/urgent", "four-steps-now", "no", "Arrange to be seen today now. Do not finish the check first. Once you have called, booked or set off, you can finish it")]
    [InlineData("GB", "/check/emergency", "breathless-or-chest-pain", "yes", "Get help now. Do not finish the check first. Once help is on its way to you, or you are on your way to it, you can finish it")]
    [InlineData("GB", "/check/emergency", "hot-red-knee", "yes", "Get help now. Do not finish the check first. Once help is on its way to you, or you are on your way to it, you can finish it")]
    public async Task AWarningPageOffersToFinishTheCheckOnlyOnceItsActionIsUnderWay(string code, string expectedPage, string question, string answer, string expected)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = CheckForm.SelfCareAnswers.With(question, answer);
        if (question == "hot-red-knee")
        {
            answers = answers.With("fever", "yes");
        }

        var page = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal(expectedPage, page.Url);

        // Everything the page says about finishing the check, below its action.
        var finishing = page.Document.QuerySelectorAll("main p")
            .Select(paragraph => Normalise(paragraph.TextContent))
            .Where(text => text.Contains("finish", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(finishing);
        foreach (var text in finishing)
        {
            foreach (var leaveToWait in new[] { "while you wait", "while you are waiting", "in the meantime", "before you call", "before you go" })
            {
                Assert.False(text.Contains(leaveToWait, StringComparison.OrdinalIgnoreCase), $"{page.Url}: \"{text}\" offers the check {leaveToWait}");
            }
        }

        Assert.Contains(finishing, text => text.StartsWith(expected, StringComparison.Ordinal));
    }
}
