using System.Net;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>The boards' pages as a browser without JavaScript uses them: forms, cookies, headers, order, and names shown as text.</summary>
public sealed class BoardPageTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private readonly BoardClient api = new(factory);

    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ACoachFindsBoardsFromTheHomePageAndEveryFooter()
    {
        var browser = NewBrowser();

        foreach (var path in new[] { "/", "/check", "/my-results" })
        {
            var page = await HtmlPage.LoadAsync(browser, path);
            var links = page.Document.QuerySelectorAll("a[href='/boards/new']").ToList();
            Assert.True(links.Count >= (path == "/" ? 2 : 1), $"{path} has {links.Count} links to /boards/new; the home page should have one in its text and every page one in the footer.");
        }
    }

    [Fact]
    public async Task MakingABoardRedirectsToItsPageWhichShowsBothLinksAndTheKeyOnceAndGivesThisBrowserTheKeyForThatBoardOnly()
    {
        var browser = NewBrowser();
        var form = await HtmlPage.LoadAsync(browser, "/boards/new");

        using var response = await CheckForm.SubmitAsync(browser, form, new Dictionary<string, string[]> { ["Name"] = ["Riverside RC juniors"] }, "main form");
        var (_, page) = await Redirected.FollowAsync(browser, response);

        Assert.Matches("^/boards/[A-Za-z0-9_-]{24}$", response.Headers.Location?.OriginalString);
        var boardUrl = page.Document.QuerySelector("#board-url")?.GetAttribute("value") ?? "";
        var joinUrl = page.Document.QuerySelector("#join-url")?.GetAttribute("value") ?? "";
        var key = page.Document.QuerySelector("#board-key")?.GetAttribute("value") ?? "";
        Assert.Matches("^http://localhost/boards/[A-Za-z0-9_-]{24}$", boardUrl);
        Assert.Matches("^http://localhost/join/[A-Za-z0-9_-]{24}$", joinUrl);
        Assert.Equal(43, key.Length);
        Assert.Contains("Save this delete key now", page.Document.Body?.TextContent, StringComparison.Ordinal);
        var boardPath = new Uri(boardUrl).AbsolutePath;
        Assert.Equal(boardPath, response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kt-board-key=", StringComparison.Ordinal));
        Assert.Contains($"path={boardPath}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var board = await HtmlPage.LoadAsync(browser, boardPath);
        Assert.Equal("Riverside RC juniors", board.H1);
        Assert.DoesNotContain(key, board.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(board.Document.QuerySelector("input[name=deleteKey]"));
    }

    [Fact]
    public async Task AnEmptyOrOverlongBoardNameIsShownAgainWithTheError()
    {
        var browser = NewBrowser();
        var form = await HtmlPage.LoadAsync(browser, "/boards/new");
        var boards = await api.StoredBoardsAsync();

        using var response = await CheckForm.SubmitAsync(browser, form, new Dictionary<string, string[]> { ["Name"] = [new string('x', 61)] }, "main form");
        var page = HtmlPage.Parse("/boards/new", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("60 characters or fewer", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(boards, await api.StoredBoardsAsync());
    }

    [Fact]
    public async Task TheBoardPageListsThoseWhoNeedAClinicianFirstWithPrivacyHeadersAndNoAnswers()
    {
        var board = await api.CreateBoardAsync();
        var calm = await api.CreateResultAsync();
        var answers = Api.ApiClient.ValidAnswers();
        answers["duration"] = "over-6-weeks";
        var worried = await api.CreateResultAsync(answers);
        await api.ShareOkAsync(board, worried, "Worried", showResult: true);
        await Task.Delay(1100); // stored times are whole seconds
        var newest = await api.CreateResultAsync();
        await api.ShareOkAsync(board, calm, "Calm");
        await api.ShareOkAsync(board, newest, "Newest");

        using var response = await NewBrowser().GetAsync(new Uri($"/boards/{board.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = HtmlPage.Parse("/boards", html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page may be stored by a cache");
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"), StringComparison.Ordinal);
        var names = page.Document.QuerySelectorAll(".athlete-name").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("Worried", names[0]);
        Assert.Equal(3, names.Count);
        var first = page.Document.QuerySelector(".athlete")!;
        Assert.Contains("See a clinician", first.QuerySelector(".urgency-tag.urgency-tag-see-clinician")?.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/results/{worried.Id}", first.QuerySelector(".athlete-link a")?.GetAttribute("href"), StringComparison.Ordinal);
        var firstCause = first.QuerySelectorAll(".athlete-facts > div").Single(d => d.QuerySelector("dt")?.TextContent == "First cause").QuerySelector("dd")?.TextContent ?? "";
        Assert.Matches("^(To rule out now|Fits your answers best|Also possible): ", firstCause);
        Assert.DoesNotContain("%", firstCause, StringComparison.Ordinal);
        Assert.DoesNotContain("Your answers", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tight-behind-knee", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tight behind the knee", html, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Document.QuerySelector("input[name=deleteKey]"));
    }

    [Fact]
    public async Task NewerAthletesComeBeforeOlderOnesAmongThoseWhoDoNotNeedAClinician()
    {
        var board = await api.CreateBoardAsync();
        var older = await api.CreateResultAsync();
        await Task.Delay(1100); // stored times are whole seconds
        var newer = await api.CreateResultAsync();
        await api.ShareOkAsync(board, newer, "Newer");
        await api.ShareOkAsync(board, older, "Older");

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.Equal(["Newer", "Older"], page.Document.QuerySelectorAll(".athlete-name").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task TheTrendComparesTheLatestCheckWithTheOneBefore()
    {
        var board = await api.CreateBoardAsync();
        var once = await api.CreateResultAsync();
        var same = await api.CreateResultAsync();
        var worse = await api.CreateResultAsync();
        await api.ShareOkAsync(board, once, "Once");
        await api.ShareOkAsync(board, same, "Same");
        await api.ShareOkAsync(board, worse, "Worse");
        await api.SaveFollowUpAsync(same);
        await api.SaveFollowUpAsync(worse, Triage.Engine.Urgency.Urgent);

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        string TrendOf(string name) => page.Document.QuerySelectorAll(".athlete")
            .Single(a => a.QuerySelector(".athlete-name")?.TextContent.Trim() == name)
            .QuerySelectorAll(".athlete-facts > div").Single(d => d.QuerySelector("dt")?.TextContent == "Trend")
            .QuerySelector("dd")?.TextContent ?? "";
        Assert.Equal("First check", TrendOf("Once"));
        Assert.StartsWith("About the same", TrendOf("Same"), StringComparison.Ordinal);
        Assert.StartsWith("Worse", TrendOf("Worse"), StringComparison.Ordinal);
        Assert.Equal("Worse", page.Document.QuerySelector(".athlete-name")?.TextContent.Trim());
    }

    [Fact]
    public async Task MarkupInABoardNameOrDisplayNameIsShownAsText()
    {
        var board = await api.CreateBoardAsync("<script>alert('board')</script>");
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "<img src=x onerror=alert(1)>");

        using var response = await NewBrowser().GetAsync(new Uri($"/boards/{board.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = HtmlPage.Parse("/boards", html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert('board')</script>", page.H1);
        Assert.Equal("<img src=x onerror=alert(1)>", page.Document.QuerySelector(".athlete-name")?.TextContent.Trim());
    }

    [Fact]
    public async Task AJoinIdOnTheBoardPageAndABoardIdOnTheJoinPageAreBoth404()
    {
        var board = await api.CreateBoardAsync();
        var browser = NewBrowser();

        using var boardByJoinId = await browser.GetAsync(new Uri($"/boards/{board.JoinId}", UriKind.Relative));
        using var joinByBoardId = await browser.GetAsync(new Uri($"/join/{board.Id}", UriKind.Relative));
        using var joinPage = await browser.GetAsync(new Uri($"/join/{board.JoinId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, boardByJoinId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, joinByBoardId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joinPage.StatusCode);
        Assert.True(joinPage.Headers.CacheControl?.NoStore, "the join page may be stored by a cache");
        Assert.Equal("noindex", string.Join(",", joinPage.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", joinPage.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task AJoinPageInABrowserWithoutResultsExplainsAndLinksToTheCheck()
    {
        var board = await api.CreateBoardAsync("Tuesday group");

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/join/{board.JoinId}");

        Assert.Contains("Tuesday group", page.H1, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='/check']"));
        Assert.Null(page.Document.QuerySelector("input[name=DisplayName]"));
    }

    [Fact]
    public async Task ARunnerSharesAResultFromTheJoinPageAndItsFollowUpAppearsWithoutSharingAgain()
    {
        var board = await api.CreateBoardAsync("Tuesday group");
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var resultId = resultPath["/results/".Length..];

        var join = await HtmlPage.LoadAsync(runner, $"/join/{board.JoinId}");
        Assert.Equal(resultId, join.Document.QuerySelector("input[name=ResultId]")?.GetAttribute("value"));
        using var shared = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]> { ["ResultId"] = [resultId], ["DisplayName"] = ["  Robin  "] }, "main form");
        var (_, confirmation) = await Redirected.FollowAsync(runner, shared);
        var again = await HtmlPage.LoadAsync(runner, join.Url);

        Assert.Equal($"/join/{board.JoinId}", shared.Headers.Location?.OriginalString);
        Assert.Contains("Shared with", confirmation.H1, StringComparison.Ordinal);
        Assert.DoesNotContain("Shared with", again.H1, StringComparison.Ordinal);
        var athletes = (await api.BoardJsonAsync(board))["athletes"]!.AsArray();
        Assert.Equal("Robin", Assert.Single(athletes)!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AJoinPageRefusesAResultThisBrowserDidNotMake()
    {
        var board = await api.CreateBoardAsync();
        var runner = NewBrowser();
        await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var someoneElses = await api.CreateResultAsync();
        var join = await HtmlPage.LoadAsync(runner, $"/join/{board.JoinId}");

        using var response = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]> { ["ResultId"] = [someoneElses.Id], ["DisplayName"] = ["Robin"] }, "main form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task TheOwnersResultPageSharesByAPastedJoinLinkAndStopsSharing()
    {
        var board = await api.CreateBoardAsync("Riverside RC");
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var result = await HtmlPage.LoadAsync(runner, resultPath);

        using var shared = await CheckForm.SubmitAsync(runner, result, new Dictionary<string, string[]>
        {
            ["JoinLink"] = [$"https://knee.example.org/join/{board.JoinId}"],
            ["DisplayName"] = ["Robin"],
        }, "form.board-share-form");

        Assert.Equal(HttpStatusCode.SeeOther, shared.StatusCode);
        Assert.StartsWith(resultPath, shared.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["Robin"], BoardClient.DisplayNames(await api.BoardJsonAsync(board)));

        var again = await HtmlPage.LoadAsync(runner, resultPath);
        var stop = again.Document.QuerySelector(".board-stop-form button");
        Assert.Equal("Stop sharing with Riverside RC", stop?.TextContent.Trim());
        using var stopped = await CheckForm.SubmitAsIsAsync(runner, again, "form.board-stop-form");

        Assert.Equal(HttpStatusCode.SeeOther, stopped.StatusCode);
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Theory]
    [InlineData("", "Robin", "Paste the join link your coach gave you.")]
    [InlineData("https://knee.example.org/join/NoSuchJoinId0123456789ab", "Robin", "There is no board at this join link. Check that you pasted the whole link.")]
    [InlineData("VALID", "", null)]
    public async Task TheResultPagesShareFormSaysWhatIsWrongWithTheJoinLinkAndOnlyThat(string joinLink, string displayName, string? joinLinkError)
    {
        var board = await api.CreateBoardAsync("Riverside RC");
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var result = await HtmlPage.LoadAsync(runner, resultPath);

        using var refused = await CheckForm.SubmitAsync(runner, result, new Dictionary<string, string[]>
        {
            ["JoinLink"] = [joinLink == "VALID" ? $"https://knee.example.org/join/{board.JoinId}" : joinLink],
            ["DisplayName"] = [displayName],
        }, "form.board-share-form");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var summary = HtmlPage.Parse(resultPath, await refused.Content.ReadAsStringAsync()).Document.QuerySelector(".error-summary")?.TextContent ?? "";
        foreach (var message in new[] { "Paste the join link your coach gave you.", "There is no board at this join link. Check that you pasted the whole link." })
        {
            Assert.Equal(message == joinLinkError, summary.Contains(message, StringComparison.Ordinal));
        }

        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task AResultPageOpenedBySomeoneElseOffersNoSharingAndTheirPostsAre404()
    {
        var board = await api.CreateBoardAsync();
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var owners = await HtmlPage.LoadAsync(runner, resultPath);
        var coach = NewBrowser();

        var coachsView = await HtmlPage.LoadAsync(coach, resultPath);
        using var posted = await CheckForm.SubmitAsync(coach, owners, new Dictionary<string, string[]>
        {
            ["JoinLink"] = [board.JoinId],
            ["DisplayName"] = ["Intruder"],
        }, "form.board-share-form");

        Assert.Null(coachsView.Document.QuerySelector("form.board-share-form"));
        Assert.NotEqual(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task ACoachInAFreshBrowserRemovesAnAthleteWithThePastedKeyButNotWithAWrongOne()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Robin");
        var coach = NewBrowser();
        var page = await HtmlPage.LoadAsync(coach, $"/boards/{board.Id}");
        const string removeForm = "form[action*='handler=Remove']";

        using var wrong = await CheckForm.SubmitAsync(coach, page, new Dictionary<string, string[]> { ["deleteKey"] = ["not-the-key"] }, removeForm);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Robin"], BoardClient.DisplayNames(await api.BoardJsonAsync(board)));

        using var removed = await CheckForm.SubmitAsync(coach, page, new Dictionary<string, string[]> { ["deleteKey"] = [board.DeleteKey] }, removeForm);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Empty((await api.BoardJsonAsync(board))["athletes"]!.AsArray());
    }

    [Fact]
    public async Task TheBrowserThatMadeABoardDeletesItWithoutPastingTheKey()
    {
        var browser = NewBrowser();
        var form = await HtmlPage.LoadAsync(browser, "/boards/new");
        using var created = await CheckForm.SubmitAsync(browser, form, new Dictionary<string, string[]> { ["Name"] = ["Short-lived"] }, "main form");
        var (_, ready) = await Redirected.FollowAsync(browser, created);
        var boardPath = ready.Link("Open your board")?.GetAttribute("href") ?? "";
        var board = await HtmlPage.LoadAsync(browser, boardPath);

        using var deleted = await CheckForm.SubmitAsIsAsync(browser, board, "form[action*='handler=Delete']");
        using var afterwards = await browser.GetAsync(new Uri(boardPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("/boards/deleted", deleted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }
}
