using System.Net;
using System.Text.Json.Nodes;
using KneeTriage.Web.Boards;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>
/// A board page comes from memory while nothing it shows has changed (decision 0036), and every
/// change a coach would notice shows on the next view: a share added, renamed or withdrawn (by the
/// API or by the coach on the page), a follow-up or a deleted result in a shared series, the board
/// deleted (here, or elsewhere: then only the database knows). Each test first has the board served
/// from memory, so a change that forgot to evict would show the old copy.
/// </summary>
public sealed class BoardPageCacheTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private readonly BoardClient api = new(factory);

    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ABoardIsServedFromMemorySoAChangeMadeBehindItsBackIsNotSeen()
    {
        // The guard for every test below: were the page not cached, they could not fail.
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        await CachedNamesAsync(board);

        await factory.WithDatabaseAsync(db => db.Shares.ExecuteUpdateAsync(s => s.SetProperty(x => x.DisplayName, "Changed behind its back")));

        Assert.Equal(["Robin"], await CachedNamesAsync(board));
    }

    [Fact]
    public async Task ANewShareShowsOnTheNextView()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        await CachedNamesAsync(board);

        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Sam");

        Assert.Equal(["Robin", "Sam"], (await NamesAsync(board)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheBoardsJsonComesFromMemoryAndANewShareShowsInItOnTheNextRead()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        using (await OutputCacheWait.UntilCachedAsync(() => api.GetBoardAsync(board.Id), "GET /api/boards/{id}"))
        {
        }

        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Sam");

        Assert.Equal(["Robin", "Sam"], BoardClient.DisplayNames(await api.BoardJsonAsync(board)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SharingAgainUnderANewNameShowsTheNewName()
    {
        var (board, result) = await BoardWithOneAthleteAsync("Robin");
        await CachedNamesAsync(board);

        await api.ShareOkAsync(board, result, "Robin H.");

        Assert.Equal(["Robin H."], await NamesAsync(board));
    }

    [Fact]
    public async Task AShareWithdrawnThroughTheApiLeavesTheBoardOnTheNextView()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var shareId = await api.ShareOkAsync(board, result, "Robin");
        await CachedNamesAsync(board);

        using var stopped = await api.DeleteAsync($"/api/shares/{shareId}", result.DeleteKey);

        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        Assert.Empty(await NamesAsync(board));
    }

    [Fact]
    public async Task AnAthleteTheCoachRemovesOnThePageIsGoneOnTheNextView()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        var coach = NewBrowser();
        var page = await OutputCacheWait.LoadCachedAsync(coach, $"/boards/{board.Id}");

        using var removed = await CheckForm.SubmitAsync(coach, page, new Dictionary<string, string[]> { ["deleteKey"] = [board.DeleteKey] }, "form[action*='handler=Remove']");

        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Empty(await NamesAsync(board));
    }

    [Fact]
    public async Task AFollowUpInASharedSeriesShowsOnTheNextView()
    {
        var (board, result) = await BoardWithOneAthleteAsync("Robin");
        Assert.DoesNotContain("checks)", await CachedTrendAsync(board), StringComparison.Ordinal);

        using var followUp = await FollowUpApiTests.PostFollowUpAsync(api.Http, result.Id, result.DeleteKey, ApiClient.ValidAnswers());

        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
        Assert.Contains("(2 checks)", await TrendAsync(board), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultDeletedFromASharedSeriesLeavesTheBoardOnTheNextView()
    {
        var (board, result) = await BoardWithOneAthleteAsync("Robin");
        using var followUp = await FollowUpApiTests.PostFollowUpAsync(api.Http, result.Id, result.DeleteKey, ApiClient.ValidAnswers());
        var later = JsonNode.Parse(await followUp.Content.ReadAsStringAsync())!;
        Assert.Contains("(2 checks)", await CachedTrendAsync(board), StringComparison.Ordinal);

        using var deleted = await api.DeleteAsync($"/api/assessments/{later["id"]!.GetValue<string>()}", later["deleteKey"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain("checks)", await TrendAsync(board), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABoardDeletedThroughTheApiIsNotFoundOnTheNextView()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        await CachedNamesAsync(board);

        using var deleted = await api.DeleteAsync($"/api/boards/{board.Id}", board.DeleteKey);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(board));
    }

    [Fact]
    public async Task ABoardDeletedElsewhereIsNeverServedFromMemory()
    {
        // Another instance, or retention, deleted it: this instance's copy was never evicted.
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        await CachedNamesAsync(board);

        await factory.WithDatabaseAsync(async db =>
        {
            await db.Shares.Where(s => db.Boards.Any(b => b.Id == s.BoardId && b.Token == board.Id)).ExecuteDeleteAsync();
            return await db.Boards.Where(b => b.Token == board.Id).ExecuteDeleteAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(board));
    }

    [Fact]
    public async Task EachTimeZoneAndEachCountryGetsItsOwnCopy()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        var london = await OutputCacheWait.LoadCachedAsync(Browser("kt-tz=Europe/London; country=GB"), $"/boards/{board.Id}");
        var sydney = await OutputCacheWait.LoadCachedAsync(Browser("kt-tz=Australia/Sydney; country=AU"), $"/boards/{board.Id}");
        var none = await OutputCacheWait.LoadCachedAsync(Browser("country=AU"), $"/boards/{board.Id}");

        Assert.Equal("Times are in your time zone: Europe/London.", london.Document.QuerySelector(".board-time-zone")?.TextContent);
        Assert.Equal("Times are in your time zone: Australia/Sydney.", sydney.Document.QuerySelector(".board-time-zone")?.TextContent);
        Assert.Null(none.Document.QuerySelector(".board-time-zone"));
        Assert.Equal("GB", london.Document.QuerySelector("#country-code option[selected]")?.GetAttribute("value"));
        Assert.Equal("AU", sydney.Document.QuerySelector("#country-code option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheBrowserHoldingTheKeyAndAFreshBrowserEachGetTheirOwnCopy()
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        var holder = Browser($"{BoardKeyCookie.Name}={board.DeleteKey}");

        var fresh = await OutputCacheWait.LoadCachedAsync(NewBrowser(), $"/boards/{board.Id}");
        var held = await OutputCacheWait.LoadCachedAsync(holder, $"/boards/{board.Id}");
        var wrongKey = await OutputCacheWait.LoadCachedAsync(Browser($"{BoardKeyCookie.Name}=not-the-key"), $"/boards/{board.Id}");

        Assert.NotNull(fresh.Document.QuerySelector("#delete-key"));
        Assert.Null(held.Document.QuerySelector("#delete-key"));
        Assert.NotNull(wrongKey.Document.QuerySelector("#delete-key"));
    }

    [Fact]
    public async Task AResultNotSharedStaysHiddenInTheCachedCopy()
    {
        var board = await api.CreateBoardAsync();
        var hidden = await api.CreateResultAsync();
        var open = await api.CreateResultAsync();
        await api.ShareOkAsync(board, hidden, "Hidden", showResult: false);
        await api.ShareOkAsync(board, open, "Open", showResult: true);

        var page = await OutputCacheWait.LoadCachedAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.Contains(page.Document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == $"/results/{open.Id}");
        Assert.DoesNotContain(hidden.Id, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll(".athlete-private"));
    }

    [Theory]
    [InlineData("Origin", "https://elsewhere.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task AnotherSitesPostToTheBoardIsRefusedAndChangesNothing(string header, string value)
    {
        var (board, _) = await BoardWithOneAthleteAsync("Robin");
        var coach = NewBrowser();
        var page = await HtmlPage.LoadAsync(coach, $"/boards/{board.Id}");
        var action = page.Document.QuerySelector("form[action*='handler=Delete']")?.GetAttribute("action") ?? "";

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["deleteKey"] = board.DeleteKey }),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        using var posted = await coach.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(board));
    }

    [Fact]
    public void TheSummaryChangesWhenTheNextAthleteReachesFourteenDaysWithoutACheck()
    {
        var now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        var athletes = new[] { Athlete(now.AddDays(-3)), Athlete(now.AddDays(-20)), Athlete(now.AddDays(-10)) };

        Assert.Equal(now.AddDays(4), SquadSummary.ChangesAt(athletes, now));
        Assert.Null(SquadSummary.ChangesAt([Athlete(now.AddDays(-20))], now));
    }

    private static BoardAthlete Athlete(DateTime latest) => new("share", "Robin", false,
    [
        new BoardCheck
        {
            Entry = new Web.Progress.SeriesEntry { Token = "t", CreatedAt = latest, Urgency = Triage.Engine.Urgency.SelfCare, PainSeverity = 3, TopCause = null, TopCauseName = null },
            SeeClinician = false,
        },
    ]);

    private async Task<(TestBoard Board, TestResult Result)> BoardWithOneAthleteAsync(string name)
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, name);
        return (board, result);
    }

    private HttpClient Browser(string cookies)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", cookies);
        return client;
    }

    /// <summary>The athletes' names as the output cache serves the board (fails if it never does).</summary>
    private async Task<IReadOnlyList<string>> CachedNamesAsync(TestBoard board) =>
        Names(await OutputCacheWait.LoadCachedAsync(NewBrowser(), $"/boards/{board.Id}"));

    private async Task<IReadOnlyList<string>> NamesAsync(TestBoard board) =>
        Names(await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}"));

    private async Task<string> CachedTrendAsync(TestBoard board) =>
        Trend(await OutputCacheWait.LoadCachedAsync(NewBrowser(), $"/boards/{board.Id}"));

    private async Task<string> TrendAsync(TestBoard board) => Trend(await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}"));

    private async Task<HttpStatusCode> StatusAsync(TestBoard board)
    {
        using var response = await NewBrowser().GetAsync(new Uri($"/boards/{board.Id}", UriKind.Relative));
        return response.StatusCode;
    }

    private static IReadOnlyList<string> Names(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll(".athlete-name").Select(h => h.TextContent)];

    private static string Trend(HtmlPage page) =>
        page.Document.QuerySelectorAll(".athlete-facts div").FirstOrDefault(d => d.QuerySelector("dt")?.TextContent == "Trend")?.QuerySelector("dd")?.TextContent ?? "";
}
