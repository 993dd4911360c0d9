using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.LogPrivacy;

/// <summary>
/// A board id lets its holder read the board, a join id lets anyone add to it, a share id names a
/// runner on it: none of them, nor the board's delete key, may reach a log sink at any level.
/// </summary>
public sealed class BoardLogPrivacyTests
{
    [Fact]
    public async Task MakingSharingReadingRemovingAndDeletingABoardLogsNoBoardJoinOrShareId()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        var api = new BoardClient(app);
        using var health = await api.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");
        sink.Events.Clear();

        // Through the pages: make a board, join it from a runner's browser, share from the result page, remove by form.
        var coach = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await HtmlPage.LoadAsync(coach, "/boards/new");
        using var made = await CheckForm.SubmitAsync(coach, form, new Dictionary<string, string[]> { ["Name"] = ["Logged club"] }, "main form");
        var (_, madePage) = await Redirected.FollowAsync(coach, made);
        var boardPath = new Uri(madePage.Document.QuerySelector("#board-url")?.GetAttribute("value") ?? "http://x/").AbsolutePath;
        var joinPath = new Uri(madePage.Document.QuerySelector("#join-url")?.GetAttribute("value") ?? "http://x/").AbsolutePath;
        var pageKey = madePage.Document.QuerySelector("#board-key")?.GetAttribute("value") ?? "";
        var runner = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var join = await HtmlPage.LoadAsync(runner, joinPath);
        using var joined = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]> { ["ResultId"] = [resultPath["/results/".Length..]], ["DisplayName"] = ["Robin"] }, "main form");
        _ = await Redirected.FollowAsync(runner, joined);
        var result = await HtmlPage.LoadAsync(runner, resultPath);
        using var stopped = await CheckForm.SubmitAsIsAsync(runner, result, "form.board-stop-form");
        var result2 = await HtmlPage.LoadAsync(runner, resultPath);
        using var reshared = await CheckForm.SubmitAsync(runner, result2, new Dictionary<string, string[]> { ["JoinLink"] = [joinPath], ["DisplayName"] = ["Robin"] }, "form.board-share-form");
        var board = await HtmlPage.LoadAsync(coach, boardPath);
        var shareId = board.Document.QuerySelector("input[name=shareId]")?.GetAttribute("value") ?? "";
        using var removed = await CheckForm.SubmitAsIsAsync(coach, board, "form[action*='handler=Remove']");

        // Through the API: every endpoint, with right and wrong keys.
        var apiBoard = await api.CreateBoardAsync("Logged API club");
        var apiResult = await api.CreateResultAsync();
        var apiShare = await api.ShareOkAsync(apiBoard, apiResult, "Sam");
        using var read = await api.GetBoardAsync(apiBoard.Id);
        using var wrongJoin = await api.ShareAsync(apiBoard.Id, apiResult.Id, apiResult.DeleteKey, "Sam");
        using var wrongShareKey = await api.DeleteAsync($"/api/shares/{apiShare}", "wrong-key");
        using var unshared = await api.DeleteAsync($"/api/shares/{apiShare}", apiBoard.DeleteKey);
        using var deleted = await api.DeleteAsync($"/api/boards/{apiBoard.Id}", apiBoard.DeleteKey);
        using var gone = await api.GetBoardAsync(apiBoard.Id);

        Assert.Equal(HttpStatusCode.SeeOther, joined.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, reshared.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unshared.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var secrets = new List<(string What, string Value)>
        {
            ("board id", boardPath["/boards/".Length..]),
            ("join id", joinPath["/join/".Length..]),
            ("share id", shareId),
            ("board delete key", pageKey),
            ("API board id", apiBoard.Id),
            ("API join id", apiBoard.JoinId),
            ("API share id", apiShare),
            ("API board delete key", apiBoard.DeleteKey),
            ("result token", apiResult.Id),
        };
        var events = sink.Events.ToList();
        Assert.True(events.Count > 20, $"only {events.Count} log events were captured; the test would prove nothing");
        foreach (var (what, value) in secrets)
        {
            Assert.True(value.Length >= 22, $"no {what} to look for ({value})");
            foreach (var logEvent in events)
            {
                var everything = $"{logEvent.RenderMessage()} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
                Assert.False(everything.Contains(value[..(value.Length / 2)], StringComparison.OrdinalIgnoreCase),
                    $"a {logEvent.Level} log event from {logEvent.Properties.GetValueOrDefault("SourceContext")} carries (half of) the {what}: {everything}");
            }
        }

        Assert.Contains(events, e => e.RenderMessage().Contains("/boards/{redacted}", StringComparison.Ordinal));
        Assert.Contains(events, e => e.RenderMessage().Contains("/join/{redacted}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharingWithAndWithoutTheResultReadingPrintingAndRemovingLogNothingOfTheRunnersAnswers()
    {
        var sink = new CollectingLogSink();
        using var app = LogPrivacyTests.ChattyApp(sink);
        var api = new BoardClient(app);
        var board = await api.CreateBoardAsync("Logged club");
        var answers = JsonSerializer.SerializeToNode(LogPrivacyTests.ApiAnswers())!.AsObject();
        var hidden = await api.CreateResultAsync(answers);
        var opened = await api.CreateResultAsync(answers.DeepClone().AsObject());
        var conditions = app.Services.GetRequiredService<KnowledgeBase>().Conditions;
        sink.Events.Clear();

        await api.ShareOkAsync(board, hidden, "Hidden");
        await api.ShareOkAsync(board, opened, "Opened", showResult: true);
        await api.SaveFollowUpAsync(opened);
        using var read = await api.GetBoardAsync(board.Id);
        var coach = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var boardRequest = new HttpRequestMessage(HttpMethod.Get, new Uri($"/boards/{board.Id}", UriKind.Relative));
        boardRequest.Headers.TryAddWithoutValidation("Cookie", "kt-tz=America/Argentina/Buenos_Aires");
        using var boardPage = await coach.SendAsync(boardRequest);
        using var poster = await coach.GetAsync(new Uri($"/boards/{board.Id}/poster", UriKind.Relative));
        var remover = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.LoadAsync(remover, $"/boards/{board.Id}");
        using var removed = await CheckForm.SubmitAsync(remover, page, new Dictionary<string, string[]> { ["deleteKey"] = [board.DeleteKey] }, "form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, boardPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        var events = sink.Events.ToList();
        Assert.True(events.Count > 20, $"only {events.Count} log events were captured; the test would prove nothing");
        var secrets = LogPrivacyTests.TellTaleAnswerValues.Select(v => ("the answer value", v))
            .Concat(conditions.Select(c => ("the condition name", c.Name)))
            .Append(("the viewer's time zone", "Buenos_Aires"))
            .ToList();
        foreach (var logEvent in events)
        {
            var everything = $"{logEvent.RenderMessage()} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
            foreach (var (what, value) in secrets)
            {
                Assert.False(everything.Contains(value, StringComparison.OrdinalIgnoreCase),
                    $"a {logEvent.Level} log event from {logEvent.Properties.GetValueOrDefault("SourceContext")} carries {what} '{value}': {everything}");
            }

            foreach (var condition in conditions)
            {
                Assert.False(Regex.IsMatch(everything, $"(?<![A-Za-z0-9_-]){Regex.Escape(condition.Id)}(?![A-Za-z0-9_-])"),
                    $"a {logEvent.Level} log event from {logEvent.Properties.GetValueOrDefault("SourceContext")} carries the condition id {condition.Id}: {everything}");
            }
        }
    }
}
