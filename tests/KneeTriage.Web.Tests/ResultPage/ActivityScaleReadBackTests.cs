using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// An activity score runs the other way from the pain scores beside it (10 is as well as before,
/// not the worst pain), and the review and the result read it back as "run: 2 out of 10", which a
/// tester read as pain 2 out of 10. Every score read back says which end is good, in the words of
/// the activities question's <c>scale</c> (questions.yaml), on results stored before them too.
/// </summary>
public sealed class ActivityScaleReadBackTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string Question = "What things are harder to do since the pain began?";
    private const string ReadBack = "run: 2 out of 10 (10 = as well as before the pain)";

    private static string AnswerTo(HtmlPage page, string listSelector) =>
        page.Document.QuerySelectorAll($"{listSelector} .summary-list-row")
            .Where(row => PageText.Normalise(row.QuerySelector(".summary-list-key")!.TextContent) == Question)
            .Select(row => PageText.Normalise(row.QuerySelector(".summary-list-value")!.TextContent))
            .Single();

    [Fact]
    public async Task TheReviewAndTheResultSayWhichEndOfAnActivityScoreIsGood()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.ReachReviewAsync(client, CheckForm.SelfCareAnswers.With("activity-1", "run").With("activity-1-score", "2"));
        using var submitted = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var result = await HtmlPage.LoadAsync(client, submitted.Headers.Location!.OriginalString);

        Assert.Equal(ReadBack, AnswerTo(review, "#answers"));
        Assert.Equal(ReadBack, AnswerTo(result, ".answer-summary"));
    }

    [Fact]
    public async Task AResultStoredBeforeTheScaleWordsSaysThemToo()
    {
        var answers = MeasuredProgressApiTests.AnswersWith(4, 3, ("run", 2));
        var (id, _, _) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), answers);
        // As a result stored before the scale's words were read back: "run: 2 out of 10".
        var changed = await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ResultJson, a => a.ResultJson.Replace(" (10 = as well as before the pain)", ""))));
        Assert.Equal(1, changed);
        Assert.DoesNotContain(await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == id).Select(a => a.ResultJson).SingleAsync()), "as well as before", StringComparison.Ordinal);

        var result = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{id}");

        Assert.Equal(ReadBack, AnswerTo(result, ".answer-summary"));
    }
}
