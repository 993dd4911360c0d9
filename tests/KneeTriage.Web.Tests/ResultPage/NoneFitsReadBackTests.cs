using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// "None of these fits" on a single-choice question (how the pain and running go together) stores no
/// contract answer, as a blank does. Walkers who chose it read it back as "None of the choices
/// fits, or not answered", as if they might have skipped it. The form keeps the choice, so the review
/// and the result say the choice in its own words, and a question left blank says "Not answered".
/// </summary>
public sealed class NoneFitsReadBackTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string RunPattern = "Which of these best describes the pain and your running?";
    private const string NoneFits = "None of these fits, or the pain has nothing to do with running";

    private static string AnswerTo(HtmlPage page, string listSelector)
    {
        var rows = page.Document.QuerySelectorAll($"{listSelector} .summary-list-row")
            .Where(row => PageText.Normalise(row.QuerySelector(".summary-list-key")!.TextContent) == RunPattern)
            .Select(row => PageText.Normalise(row.QuerySelector(".summary-list-value")!.TextContent))
            .ToList();
        Assert.True(rows.Count == 1, $"{page.Url} should list \u201c{RunPattern}\u201d once in {listSelector}; found {rows.Count}.");
        return rows[0];
    }

    [Theory]
    [InlineData(true, NoneFits)]
    [InlineData(false, "Not answered")]
    public async Task NoneOfTheseFitsIsReadBackAsChosenAndABlankAsNotAnswered(bool choseNoneFits, string expected)
    {
        using var runner = factory.CreatePlainClient();
        var answers = choseNoneFits ? CheckForm.SelfCareAnswers.With("run-pattern", "none-of-these") : CheckForm.SelfCareAnswers.Without("run-pattern");

        var review = await CheckForm.ReachReviewAsync(runner, answers);
        Assert.Equal(expected, AnswerTo(review, "#answers"));
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        var result = await HtmlPage.LoadAsync(runner, submitted.Headers.Location!.OriginalString);

        Assert.Equal(expected, AnswerTo(result, ".answer-summary"));
    }
}
