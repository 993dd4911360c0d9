using System.Net;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;

namespace KneeTriage.Web.Tests.LogPrivacy;

/// <summary>
/// Contract v1.2: activities are the runner's own words, shown to whoever holds the result link,
/// never on a board and never in a log, on the success paths and on a refused request alike.
/// </summary>
public sealed class ActivitiesPrivacyTests
{
    private const string Secret = "Carry my twins up to the attic flat";

    [Fact]
    public async Task AnActivityReachesNoLogAndNoBoardButShowsOnTheResult()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        var api = new BoardClient(app);
        using var health = await api.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");

        var board = await api.CreateBoardAsync("Privacy club");
        var result = await api.CreateResultAsync(MeasuredProgressApiTests.AnswersWith(5, 4, (Secret, 3)));
        await api.ShareOkAsync(board, result, "Sam");
        using var followUp = await FollowUpApiTests.PostFollowUpAsync(api.Http, result.Id, result.DeleteKey, MeasuredProgressApiTests.AnswersWith(4, 3, (Secret, 6)));
        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
        var refused = MeasuredProgressApiTests.AnswersWith(4, 3, (Secret, 12));
        using var badRequest = await ApiClient.PostAnswersAsync(api.Http, refused);
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);

        var boardBody = await (await api.GetBoardAsync(board.Id)).Content.ReadAsStringAsync();
        var boardPage = await (await api.Http.GetAsync(new Uri($"/boards/{board.Id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var resultPage = await (await api.Http.GetAsync(new Uri($"/results/{result.Id}", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("Sam", boardPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, boardPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, boardBody, StringComparison.Ordinal);
        Assert.Contains("activitiesMean", boardBody, StringComparison.Ordinal);
        Assert.Contains(Secret, resultPage, StringComparison.Ordinal);
        var leaks = sink.Events
            .Select(e => $"{e.RenderMessage()} {string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}")
            .Where(text => text.Contains(Secret, StringComparison.OrdinalIgnoreCase) || text.Contains("Carry my twins", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log events carry the activity: {string.Join(" | ", leaks)}");
    }
}
