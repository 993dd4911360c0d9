using System.Net;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Post, redirect, get on every form that creates something: each answers its successful POST with
/// 303 See Other, so a refresh (or going back and forward) fetches the page again and never makes a
/// second result, board or share. The board form used to answer 200, and a refresh made a second board.
/// </summary>
public sealed class RefreshProbeTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const int Refreshes = 3;

    [Fact]
    public async Task RefreshingAfterTheSymptomCheckIsSubmittedStoresOneResult()
    {
        var runner = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers);
        var before = await StoredResultsAsync();

        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        await RefreshAsync(runner, submitted);

        Assert.Equal(before + 1, await StoredResultsAsync());
    }

    [Fact]
    public async Task RefreshingAfterMakingABoardMakesNoSecondBoard()
    {
        var api = new BoardClient(factory);
        var coach = factory.CreatePlainClient();
        var form = await HtmlPage.LoadAsync(coach, "/boards/new");
        var before = await api.StoredBoardsAsync();

        using var made = await CheckForm.SubmitAsync(coach, form, new Dictionary<string, string[]> { ["Name"] = ["Refresh RC"] }, "main form");
        await RefreshAsync(coach, made);

        Assert.Equal(before + 1, await api.StoredBoardsAsync());
    }

    [Fact]
    public async Task RefreshingAfterJoiningABoardMakesNoSecondShare()
    {
        var api = new BoardClient(factory);
        var board = await api.CreateBoardAsync("Join refresh");
        var runner = factory.CreatePlainClient();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var join = await HtmlPage.LoadAsync(runner, $"/join/{board.JoinId}");
        var before = await api.StoredSharesAsync();

        using var shared = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]> { ["ResultId"] = [resultPath["/results/".Length..]], ["DisplayName"] = ["Robin"] }, "main form");
        await RefreshAsync(runner, shared);

        Assert.Equal(before + 1, await api.StoredSharesAsync());
    }

    [Fact]
    public async Task RefreshingAfterSharingFromTheResultPageMakesNoSecondShare()
    {
        var api = new BoardClient(factory);
        var board = await api.CreateBoardAsync("Share refresh");
        var runner = factory.CreatePlainClient();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var result = await HtmlPage.LoadAsync(runner, resultPath);
        var before = await api.StoredSharesAsync();

        using var shared = await CheckForm.SubmitAsync(runner, result, new Dictionary<string, string[]> { ["JoinLink"] = [$"/join/{board.JoinId}"], ["DisplayName"] = ["Robin"] }, "form.board-share-form");
        await RefreshAsync(runner, shared);

        Assert.Equal(before + 1, await api.StoredSharesAsync());
    }

    [Fact]
    public async Task RefreshingAfterCheckAgainStoresNothing()
    {
        var runner = factory.CreatePlainClient();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var result = await HtmlPage.LoadAsync(runner, resultPath);
        var before = await StoredResultsAsync();

        using var again = await CheckForm.SubmitAsIsAsync(runner, result, "form[action*='handler=CheckAgain']");
        await RefreshAsync(runner, again);

        Assert.Equal(before, await StoredResultsAsync());
    }

    /// <summary>The POST must be a 303; its target is then fetched as a browser's refreshes would, never with a 5xx.</summary>
    private static async Task RefreshAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.True(posted.StatusCode == HttpStatusCode.SeeOther,
            $"the form answered {(int)posted.StatusCode}, not 303 See Other: a refresh would post it again");
        var location = new Uri(posted.Headers.Location!.OriginalString, UriKind.RelativeOrAbsolute);
        for (var i = 0; i < Refreshes; i++)
        {
            using var page = await client.GetAsync(location);
            Assert.True((int)page.StatusCode < 500, $"refreshing {location} answered {(int)page.StatusCode}");
        }
    }

    private Task<int> StoredResultsAsync() => factory.WithDatabaseAsync(db => Task.FromResult(db.Assessments.Count()));
}
