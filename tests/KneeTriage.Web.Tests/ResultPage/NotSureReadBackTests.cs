using System.Text.Json.Nodes;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A warning question answered "not sure" reads back on the result's answers as the runner gave it,
/// in the review page's words: "Not sure" first, then how it was read, never the cautious answer
/// as if the runner had given it ("Yes", or a box they never ticked).
/// </summary>
public sealed class NotSureReadBackTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private async Task<(HtmlPage Review, HtmlPage Result)> WalkAsync(IReadOnlyDictionary<string, string[]> answers)
    {
        var runner = factory.CreatePlainClient();
        var review = await CheckForm.ReachReviewAsync(runner, answers);
        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        return (review, await HtmlPage.LoadAsync(runner, submitted.Headers.Location!.OriginalString));
    }

    private static string AnswerTo(HtmlPage page, string listSelector, string question) =>
        page.Document.QuerySelectorAll($"{listSelector} .summary-list-row")
            .Where(row => PageText.Normalise(row.QuerySelector(".summary-list-key")!.TextContent) == question)
            .Select(row => PageText.Normalise(row.QuerySelector(".summary-list-value")!.TextContent))
            .SingleOrDefault() ?? throw new Xunit.Sdk.XunitException($"{page.Url} has no single row \u201c{question}\u201d in {listSelector}.");

    [Fact]
    public async Task ATickBoxNotSureIsShownAsNotSureNeverAsTheBoxReadInItsPlace()
    {
        // The result listed "Swollen, bigger than the other calf (not sure: treated as yes)": a
        // swollen calf the runner never reported, while the review had said "Not sure (treated as …)".
        const string Calf = "On the side that hurts, is your calf any of these?";
        var (review, result) = await WalkAsync(CheckForm.SelfCareAnswers.With("calf-signs", "not-sure"));

        var onReview = AnswerTo(review, "#answers", Calf);
        Assert.StartsWith("Not sure (treated as \u201c", onReview, StringComparison.Ordinal);
        Assert.Equal(onReview, AnswerTo(result, ".answer-summary", Calf));
    }

    [Fact]
    public async Task AYesNoNotSureIsShownAsNotSureNeverAsYes()
    {
        const string HotKnee = "Does the knee itself feel hot?";
        var (review, result) = await WalkAsync(CheckForm.SelfCareAnswers.With("hot-red-knee", "not-sure"));

        Assert.Equal("Not sure (treated as yes, to be safe)", AnswerTo(review, "#answers", HotKnee));
        Assert.Equal("Not sure (treated as yes, to be safe)", AnswerTo(result, ".answer-summary", HotKnee));
    }

    [Fact]
    public async Task AResultStoredEarlierKeepsItsWordsWithTheNoteAfterThem()
    {
        // Stored before the line kept its own "not sure" words: the cautious "Yes", flagged unsure.
        var answers = ApiClient.ValidAnswers();
        answers["hot-red-knee"] = true;
        using var created = await ApiClient.PostRawAsync(factory.CreatePlainClient(), new JsonObject { ["answers"] = answers, ["unsure"] = new JsonArray("hot-red-knee") }.ToJsonString());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;
        var record = await factory.Services.GetRequiredService<AssessmentStore>().FindByTokenAsync(id, CancellationToken.None);
        var now = StoredResultJson.Deserialize(record!.ResultJson);
        var earlier = now with { Answers = [.. now.Answers.Select(l => l.QuestionId == "hot-red-knee" ? l with { Answer = "Yes", SaysNotSure = false } : l)] };
        var token = await StoredResultsAsWritten.StoreAsync(factory.Services, earlier);

        var result = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{token}");

        Assert.Equal("Yes (not sure: treated as yes)", AnswerTo(result, ".answer-summary", "Does the knee itself feel hot?"));
    }
}
