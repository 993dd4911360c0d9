using System.Net;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>The contract's boards and shares API, and every hostile input the issue lists: 4xx, and nothing changed.</summary>
public sealed class BoardApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private readonly BoardClient api = new(factory);

    private static readonly string[] AnswerWords = ["hamstrings", "dull-ache", "back-outer", "tight-behind-knee", "more-distance"];

    [Fact]
    public async Task MakingABoardAnswers201WithTheBoardLinkTheJoinLinkAndAKeyOnlyThen()
    {
        using var response = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = "  Riverside RC juniors  " });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body["id"]!.GetValue<string>();
        var joinId = body["joinId"]!.GetValue<string>();
        Assert.Equal($"/boards/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/boards/{id}", body["boardUrl"]!.GetValue<string>());
        Assert.Equal($"/join/{joinId}", body["joinUrl"]!.GetValue<string>());
        Assert.Equal("Riverside RC juniors", body["name"]!.GetValue<string>());
        Assert.NotEqual(id, joinId);
        Assert.True(body["deleteKey"]!.GetValue<string>().Length >= 43, "the board's delete key is too short to be a secret");
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");

        var read = await api.BoardJsonAsync(new TestBoard(id, joinId, ""));
        Assert.Null(read["deleteKey"]);
        Assert.Null(read["joinId"]);
        Assert.Empty(read["athletes"]!.AsArray());
    }

    [Fact]
    public async Task TheBoardListsThoseWhoNeedAClinicianFirstThenTheNewestAndNeverAnswers()
    {
        var board = await api.CreateBoardAsync();
        var older = await api.CreateResultAsync();
        var clinician = ApiClient.ValidAnswers();
        clinician["duration"] = "over-6-weeks";
        var needsClinician = await api.CreateResultAsync(clinician);
        await Task.Delay(1100); // stored times are whole seconds
        var newer = await api.CreateResultAsync();
        await api.ShareOkAsync(board, older, "Older");
        await api.ShareOkAsync(board, needsClinician, "Needs a clinician", showResult: true);
        await api.ShareOkAsync(board, newer, "Newer");

        using var response = await api.GetBoardAsync(board.Id);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text)!;

        Assert.Equal(["Needs a clinician", "Newer", "Older"], BoardClient.DisplayNames(json));
        var first = json["athletes"]![0]!;
        Assert.True(first["latest"]!["seeClinician"]!.GetValue<bool>());
        Assert.Equal("see-clinician", first["latest"]!["urgency"]!.GetValue<string>());
        Assert.Equal($"/results/{needsClinician.Id}", first["latest"]!["resultUrl"]!.GetValue<string>());
        Assert.Equal(needsClinician.Id, first["series"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(4, first["series"]![0]!["painSeverity"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(first["latest"]!["topCause"]?.GetValue<string>()), "the latest check names no top cause");
        Assert.DoesNotContain("\"answers\"", text, StringComparison.Ordinal);
        foreach (var word in AnswerWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }

        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task AJoinIdUsedAsABoardIdIsTheSame404AsAnUnknownOne()
    {
        var board = await api.CreateBoardAsync();

        using var asBoard = await api.GetBoardAsync(board.JoinId);
        using var unknown = await api.GetBoardAsync("AAAAAAAAAAAAAAAAAAAAAAAA");
        using var malformed = await api.GetBoardAsync("not-a-token");
        using var deleteByJoinId = await api.DeleteAsync($"/api/boards/{board.JoinId}", board.DeleteKey);

        await Refusal.AssertProblemAsync(asBoard, HttpStatusCode.NotFound, "a join id read as a board");
        await Refusal.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "an unknown board id");
        await Refusal.AssertProblemAsync(malformed, HttpStatusCode.NotFound, "a malformed board id");
        await Refusal.AssertProblemAsync(deleteByJoinId, HttpStatusCode.NotFound, "deleting a board by its join id");
        Assert.Equal(await ProblemWordsAsync(unknown), await ProblemWordsAsync(asBoard));
        await api.BoardJsonAsync(board);
    }

    [Fact]
    public async Task ABoardIdUsedAsAJoinIdIs404AndSharesNothing()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var before = await api.StoredSharesAsync();

        using var response = await api.ShareAsync(board.Id, result.Id, result.DeleteKey, "Sam");

        await Refusal.AssertProblemAsync(response, HttpStatusCode.NotFound, "sharing through a board id");
        Assert.Equal(before, await api.StoredSharesAsync());
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task SharingWithAnotherResultsKeyOrNoKeyIs404AndSharesNothing()
    {
        var board = await api.CreateBoardAsync();
        var mine = await api.CreateResultAsync();
        var theirs = await api.CreateResultAsync();
        var before = await api.StoredSharesAsync();

        using var foreignKey = await api.ShareAsync(board.JoinId, theirs.Id, mine.DeleteKey, "Sam");
        using var noKey = await api.ShareAsync(board.JoinId, theirs.Id, null, "Sam");
        using var unknownResult = await api.ShareAsync(board.JoinId, "AAAAAAAAAAAAAAAAAAAAAAAA", mine.DeleteKey, "Sam");
        using var boardKey = await api.ShareAsync(board.JoinId, theirs.Id, board.DeleteKey, "Sam");

        await Refusal.AssertProblemAsync(foreignKey, HttpStatusCode.NotFound, "sharing someone else's result with my key");
        await Refusal.AssertProblemAsync(noKey, HttpStatusCode.NotFound, "sharing without a key");
        await Refusal.AssertProblemAsync(unknownResult, HttpStatusCode.NotFound, "sharing an unknown result");
        await Refusal.AssertProblemAsync(boardKey, HttpStatusCode.NotFound, "sharing a result with the board's key");
        Assert.Equal(before, await api.StoredSharesAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sam\nSmith")]
    [InlineData("Sam\u202Eevil")]
    [InlineData("tab\there")]
    public async Task ADisplayNameThatIsEmptyOrHoldsControlCharactersIs400AndSharesNothing(string displayName)
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var before = await api.StoredSharesAsync();

        using var response = await api.ShareAsync(board.JoinId, result.Id, result.DeleteKey, displayName);

        await Refusal.AssertProblemAsync(response, HttpStatusCode.BadRequest, $"display name {displayName}");
        Assert.Equal(before, await api.StoredSharesAsync());
    }

    [Fact]
    public async Task HugeNamesAre400AndChangeNothing()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var boards = await api.StoredBoardsAsync();
        var shares = await api.StoredSharesAsync();

        using var longBoard = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = new string('x', 61) });
        using var hugeBoard = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = new string('x', 20_000) });
        using var tooBig = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = new string('x', 40_000) });
        using var longName = await api.ShareAsync(board.JoinId, result.Id, result.DeleteKey, new string('y', 41));
        using var notAString = await api.PostRawAsync("/api/boards", "{\"name\": 7}");
        using var notJson = await api.PostRawAsync("/api/boards", "name=x", "application/x-www-form-urlencoded");
        using var broken = await api.PostRawAsync("/api/boards", "{\"name\": ");

        await Refusal.AssertProblemAsync(longBoard, HttpStatusCode.BadRequest, "a 61-character board name");
        await Refusal.AssertProblemAsync(hugeBoard, HttpStatusCode.BadRequest, "a 20,000-character board name");
        await Refusal.AssertProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge, "a body over 32 KiB");
        await Refusal.AssertProblemAsync(longName, HttpStatusCode.BadRequest, "a 41-character display name");
        await Refusal.AssertProblemAsync(notAString, HttpStatusCode.BadRequest, "a number as the name");
        await Refusal.AssertProblemAsync(notJson, HttpStatusCode.UnsupportedMediaType, "a form body");
        await Refusal.AssertProblemAsync(broken, HttpStatusCode.BadRequest, "broken JSON");
        Assert.Equal(boards, await api.StoredBoardsAsync());
        Assert.Equal(shares, await api.StoredSharesAsync());
    }

    [Fact]
    public async Task ANameOfExactlyTheLimitIsAcceptedAndMarkupComesBackAsTheSameText()
    {
        var markup = "<script>alert(1)</script>";
        var board = await api.CreateBoardAsync(new string('b', 60));
        var markupBoard = await api.CreateBoardAsync(markup);
        var result = await api.CreateResultAsync();

        await api.ShareOkAsync(markupBoard, result, "<b>Sam</b> & co");
        await api.ShareOkAsync(board, result, new string('n', 40));

        var json = await api.BoardJsonAsync(markupBoard);
        Assert.Equal(markup, json["name"]!.GetValue<string>());
        Assert.Equal(["<b>Sam</b> & co"], BoardClient.DisplayNames(json));
    }

    [Fact]
    public async Task SharingTheSameSeriesTwiceRenamesItsShareInsteadOfListingItTwice()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var first = await api.ShareOkAsync(board, result, "Sam");
        var followUp = await api.SaveFollowUpAsync(result);

        var second = await api.ShareOkAsync(board, followUp, "Sam S.");

        Assert.Equal(first, second);
        var json = await api.BoardJsonAsync(board);
        Assert.Equal(["Sam S."], BoardClient.DisplayNames(json));
    }

    [Fact]
    public async Task SharesOfOneSeriesSentAtTheSameInstantLeaveOneAthlete()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => api.ShareAsync(board.JoinId, result.Id, result.DeleteKey, $"Sam {i}")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var shareIds = await Task.WhenAll(answers.Select(async a => JsonNode.Parse(await a.Content.ReadAsStringAsync())!["shareId"]!.GetValue<string>()));
        Assert.Single(shareIds.Distinct());
        Assert.Single((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task AFollowUpInASharedSeriesShowsOnTheBoardByItself()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Sam", showResult: true);
        await Task.Delay(1100); // stored times are whole seconds

        var followUp = await api.SaveFollowUpAsync(result);

        var athlete = (await api.BoardJsonAsync(board))["athletes"]![0]!;
        Assert.Equal(followUp.Id, athlete["latest"]!["id"]!.GetValue<string>());
        Assert.Equal([result.Id, followUp.Id], athlete["series"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheRunnerStopsSharingWithTheKeyOfTheirLatestFollowUp()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var shareId = await api.ShareOkAsync(board, result, "Sam");
        var followUp = await api.SaveFollowUpAsync(result);

        using var stopped = await api.DeleteAsync($"/api/shares/{shareId}", followUp.DeleteKey);
        using var again = await api.DeleteAsync($"/api/shares/{shareId}", followUp.DeleteKey);

        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        await Refusal.AssertProblemAsync(again, HttpStatusCode.NotFound, "stopping a share twice");
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task TheCoachRemovesAnAthleteWithTheBoardsKey()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var shareId = await api.ShareOkAsync(board, result, "Sam");

        using var removed = await api.DeleteAsync($"/api/shares/{shareId}", board.DeleteKey);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task StoppingAShareWithAForeignSeriesOrAnotherBoardsKeyIs404AndChangesNothing()
    {
        var board = await api.CreateBoardAsync();
        var otherBoard = await api.CreateBoardAsync("Another club");
        var result = await api.CreateResultAsync();
        var stranger = await api.CreateResultAsync();
        var shareId = await api.ShareOkAsync(board, result, "Sam");

        using var foreignSeries = await api.DeleteAsync($"/api/shares/{shareId}", stranger.DeleteKey);
        using var otherBoardsKey = await api.DeleteAsync($"/api/shares/{shareId}", otherBoard.DeleteKey);
        using var noKey = await api.DeleteAsync($"/api/shares/{shareId}", null);
        using var boardIdAsShare = await api.DeleteAsync($"/api/shares/{board.Id}", board.DeleteKey);
        using var resultKeyOnBoard = await api.DeleteAsync($"/api/boards/{board.Id}", result.DeleteKey);

        await Refusal.AssertProblemAsync(foreignSeries, HttpStatusCode.NotFound, "another series' key");
        await Refusal.AssertProblemAsync(otherBoardsKey, HttpStatusCode.NotFound, "another board's key");
        await Refusal.AssertProblemAsync(noKey, HttpStatusCode.NotFound, "no key");
        await Refusal.AssertProblemAsync(boardIdAsShare, HttpStatusCode.NotFound, "a board id as a share id");
        await Refusal.AssertProblemAsync(resultKeyOnBoard, HttpStatusCode.NotFound, "a runner's key deleting the board");
        Assert.Equal(["Sam"], BoardClient.DisplayNames(await api.BoardJsonAsync(board)));
    }

    [Fact]
    public async Task ADeletedResultLeavesNoTraceOnAnyBoard()
    {
        var board = await api.CreateBoardAsync();
        var other = await api.CreateBoardAsync("Tuesday group");
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Gone soon");
        await api.ShareOkAsync(other, result, "Gone soon");
        var shares = await api.StoredSharesAsync();

        using var deleted = await api.DeleteAsync($"/api/assessments/{result.Id}", result.DeleteKey);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var b in new[] { board, other })
        {
            using var response = await api.GetBoardAsync(b.Id);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Gone soon", text, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Id, text, StringComparison.Ordinal);
        }

        Assert.Equal(shares - 2, await api.StoredSharesAsync());
    }

    [Fact]
    public async Task DeletingTheBoardKillsTheBoardAndItsJoinLink()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Sam");

        using var wrongKey = await api.DeleteAsync($"/api/boards/{board.Id}", "not-the-key");
        using var deleted = await api.DeleteAsync($"/api/boards/{board.Id}", board.DeleteKey);
        using var read = await api.GetBoardAsync(board.Id);
        using var join = await api.ShareAsync(board.JoinId, result.Id, result.DeleteKey, "Sam");
        using var joinPage = await api.Http.GetAsync(new Uri($"/join/{board.JoinId}", UriKind.Relative));

        await Refusal.AssertProblemAsync(wrongKey, HttpStatusCode.NotFound, "deleting with a wrong key");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Refusal.AssertProblemAsync(read, HttpStatusCode.NotFound, "reading a deleted board");
        await Refusal.AssertProblemAsync(join, HttpStatusCode.NotFound, "sharing with a deleted board");
        Assert.Equal(HttpStatusCode.NotFound, joinPage.StatusCode);
        using var stillThere = await api.Http.GetAsync(new Uri($"/api/assessments/{result.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Theory]
    [InlineData("%ZZ")]
    [InlineData("a%2Fb")]
    [InlineData("%C0%AF")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MalformedIdsAreTheSame404EverywhereAndNeverA500(string id)
    {
        var escaped = id.StartsWith('%') || id.Contains("%2F", StringComparison.Ordinal) ? id : Uri.EscapeDataString(id);
        var boards = await api.StoredBoardsAsync();

        using var read = await api.Http.GetAsync(new Uri($"/api/boards/{escaped}", UriKind.Relative));
        using var deleteBoard = await api.DeleteAsync($"/api/boards/{escaped}", "some-key");
        using var deleteShare = await api.DeleteAsync($"/api/shares/{escaped}", "some-key");
        using var boardPage = await api.Http.GetAsync(new Uri($"/boards/{escaped}", UriKind.Relative));
        using var joinPage = await api.Http.GetAsync(new Uri($"/join/{escaped}", UriKind.Relative));

        await Refusal.AssertProblemAsync(read, HttpStatusCode.NotFound, $"GET /api/boards/{escaped}");
        await Refusal.AssertProblemAsync(deleteBoard, HttpStatusCode.NotFound, $"DELETE /api/boards/{escaped}");
        await Refusal.AssertProblemAsync(deleteShare, HttpStatusCode.NotFound, $"DELETE /api/shares/{escaped}");
        Assert.Equal(HttpStatusCode.NotFound, boardPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, joinPage.StatusCode);
        Assert.Equal(boards, await api.StoredBoardsAsync());
    }

    [Fact]
    public async Task TheBoardsAnswersMatchTheOpenApiDocument()
    {
        var document = JsonNode.Parse(await api.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var documented = new DocumentedApi(document);
        using var created = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = "Documented" });
        var board = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = board["id"]!.GetValue<string>();
        var joinId = board["joinId"]!.GetValue<string>();
        var key = board["deleteKey"]!.GetValue<string>();
        await documented.AssertMatchesAsync(created, "/api/boards", "post", HttpStatusCode.Created);
        using var rejected = await api.PostJsonAsync("/api/boards", new JsonObject { ["name"] = "" });
        await documented.AssertMatchesAsync(rejected, "/api/boards", "post", HttpStatusCode.BadRequest);

        var result = await api.CreateResultAsync();
        using var shared = await api.ShareAsync(joinId, result.Id, result.DeleteKey, "Sam");
        await documented.AssertMatchesAsync(shared, "/api/shares", "post", HttpStatusCode.Created);
        var shareId = JsonNode.Parse(await shared.Content.ReadAsStringAsync())!["shareId"]!.GetValue<string>();
        using var refusedShare = await api.ShareAsync(joinId, result.Id, "wrong", "Sam");
        await documented.AssertMatchesAsync(refusedShare, "/api/shares", "post", HttpStatusCode.NotFound);

        using var read = await api.GetBoardAsync(id);
        await documented.AssertMatchesAsync(read, "/api/boards/{id}", "get", HttpStatusCode.OK);
        using var unknown = await api.GetBoardAsync(joinId);
        await documented.AssertMatchesAsync(unknown, "/api/boards/{id}", "get", HttpStatusCode.NotFound);

        using var stopped = await api.DeleteAsync($"/api/shares/{shareId}", key);
        await documented.AssertMatchesAsync(stopped, "/api/shares/{shareId}", "delete", HttpStatusCode.NoContent);
        using var deleted = await api.DeleteAsync($"/api/boards/{id}", key);
        await documented.AssertMatchesAsync(deleted, "/api/boards/{id}", "delete", HttpStatusCode.NoContent);
        using var gone = await api.DeleteAsync($"/api/boards/{id}", key);
        await documented.AssertMatchesAsync(gone, "/api/boards/{id}", "delete", HttpStatusCode.NotFound);
    }

    /// <summary>A problem's title and detail: what a caller learns from it (the trace id differs per request).</summary>
    private static async Task<string> ProblemWordsAsync(HttpResponseMessage response)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return $"{json["title"]} | {json["detail"]}";
    }
}
