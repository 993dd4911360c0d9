using System.Net;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>
/// What coaches asked for: the squad in one line, a message after removing an athlete, the join
/// link to copy and as a QR code (and a poster to print), times in the coach's own time zone.
/// </summary>
public sealed class CoachFeatureTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly DateTime EarlyFirstOfMarchUtc = new(2026, 3, 1, 3, 30, 0, DateTimeKind.Utc);

    private readonly BoardClient api = new(factory);

    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheSummaryCountsTheSquadInOneLineWithOneOfEach()
    {
        var board = await api.CreateBoardAsync();
        await api.ShareOkAsync(board, await api.SaveFollowUpAsync(await api.CreateResultAsync(), Urgency.Urgent), "Urgent");
        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Fine");
        var idle = await api.CreateResultAsync();
        await api.ShareOkAsync(board, idle, "Idle");
        await SetCreatedAtAsync(idle, DateTime.UtcNow - TimeSpan.FromDays(15));

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.Equal("3 sharing · 1 needs a clinician today · 1 not checked for 14 days", page.Document.QuerySelector(".board-summary")?.TextContent);
    }

    [Fact]
    public async Task TheSummarySpeaksInThePluralForMoreThanOneAndLeavesOutWhatNobodyHas()
    {
        var board = await api.CreateBoardAsync();
        foreach (var (name, urgency) in new[] { ("A", Urgency.Emergency), ("B", Urgency.Emergency), ("C", Urgency.Urgent), ("D", Urgency.Urgent), ("E", Urgency.SeeClinician), ("F", Urgency.SeeClinician) })
        {
            await api.ShareOkAsync(board, await api.SaveFollowUpAsync(await api.CreateResultAsync(), urgency), name);
        }

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.Equal(
            "6 sharing · 2 need emergency care now · 2 need a clinician today · 2 should see a clinician in the coming days",
            page.Document.QuerySelector(".board-summary")?.TextContent);
    }

    [Fact]
    public async Task AnEmptyBoardsSummaryIsZeroSharing()
    {
        var board = await api.CreateBoardAsync();

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.Equal("0 sharing", page.Document.QuerySelector(".board-summary")?.TextContent);
    }

    [Fact]
    public async Task RemovingAnAthleteSaysSoOnceAfterTheRedirect()
    {
        var board = await api.CreateBoardAsync();
        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Robin <b>");
        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Sam");
        var coach = NewBrowser();
        var page = await HtmlPage.LoadAsync(coach, $"/boards/{board.Id}");
        Assert.Null(page.Document.QuerySelector(".notice[role=status]"));
        // Leave Robin's remove form the only one on the parsed page, as a coach opening Robin's question.
        foreach (var other in page.Document.QuerySelectorAll(".athlete").Where(a => a.QuerySelector(".athlete-name")?.TextContent != "Robin <b>").ToList())
        {
            other.Remove();
        }

        using var removed = await CheckForm.SubmitAsync(coach, page, new Dictionary<string, string[]> { ["deleteKey"] = [board.DeleteKey] }, "form[action*='handler=Remove']");
        var (html, after) = await Redirected.FollowAsync(coach, removed);
        var again = await HtmlPage.LoadAsync(coach, $"/boards/{board.Id}");

        Assert.Equal($"/boards/{board.Id}", removed.Headers.Location?.OriginalString);
        Assert.Equal("Robin <b> was removed from this board. Their result stays theirs.", after.Document.QuerySelector(".notice[role=status]")?.TextContent.Trim());
        Assert.DoesNotContain("<b> was removed", html, StringComparison.Ordinal);
        Assert.Equal(["Sam"], after.Document.QuerySelectorAll(".athlete-name").Select(h => h.TextContent));
        Assert.Null(again.Document.QuerySelector(".notice[role=status]"));
    }

    [Fact]
    public async Task TheJoinLinkIsAFieldToSelectWithACopyButtonForScriptsAndAQrCodeOfTheSameLink()
    {
        var board = await api.CreateBoardAsync();

        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        var field = page.Document.QuerySelector("input#join-url");
        var joinUrl = $"http://localhost/join/{board.JoinId}";
        Assert.Equal(joinUrl, field?.GetAttribute("value"));
        Assert.True(field!.HasAttribute("readonly"));
        var copy = page.Document.QuerySelector("button.board-copy-button[data-copy-target='join-url']");
        Assert.NotNull(copy);
        Assert.True(copy.HasAttribute("hidden"), "the copy button must stay hidden until the script finds a clipboard");
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/boards.']"));
        var svg = page.Document.QuerySelector(".board-qr svg.qr-code");
        Assert.Equal("QR code for the join link", svg?.GetAttribute("aria-label"));
        Assert.Equal(HtmlPage.Parse("/qr", $"<div>{QrCodeSvg.Render(joinUrl, "QR code for the join link")}</div>").Document.QuerySelector("svg")!.OuterHtml, svg!.OuterHtml);
        Assert.NotEqual(HtmlPage.Parse("/qr", $"<div>{QrCodeSvg.Render($"http://localhost/boards/{board.Id}", "QR code for the join link")}</div>").Document.QuerySelector("svg")!.OuterHtml, svg.OuterHtml);
    }

    [Fact]
    public async Task ThePosterShowsTheJoinLinkAndItsQrCodeAndNothingOfTheAthletes()
    {
        var board = await api.CreateBoardAsync("Riverside RC");
        await api.ShareOkAsync(board, await api.SaveFollowUpAsync(await api.CreateResultAsync(), Urgency.Urgent), "Robin Private", showResult: true);
        var boardPage = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");
        var posterPath = boardPage.Link("Print the join link as a poster for the track")?.GetAttribute("href") ?? "";

        using var response = await NewBrowser().GetAsync(new Uri(posterPath, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var poster = HtmlPage.Parse(posterPath, html);

        Assert.Equal($"/boards/{board.Id}/poster", posterPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the poster's address holds the board id: no cache may keep it");
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("Riverside RC", poster.H1, StringComparison.Ordinal);
        Assert.Equal($"http://localhost/join/{board.JoinId}", poster.Document.QuerySelector(".board-poster-link")?.TextContent);
        Assert.NotNull(poster.Document.QuerySelector(".board-poster-qr svg.qr-code"));
        Assert.DoesNotContain("Robin Private", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Urgent", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/results/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("JOIN")]
    public async Task APosterForAnUnknownBoardOrAJoinIdIs404(string id)
    {
        var board = await api.CreateBoardAsync();

        using var response = await NewBrowser().GetAsync(new Uri($"/boards/{(id == "JOIN" ? board.JoinId : id)}/poster", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(board.JoinId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York", "28 Feb 2026, 22:30")]
    [InlineData("Asia/Kolkata", "1 Mar 2026, 09:00")]
    [InlineData("UTC", "1 Mar 2026, 03:30")]
    public async Task WithTheBrowsersTimeZoneTheBoardShowsDateAndTimeThereAndSaysWhichZone(string zone, string shown)
    {
        var board = await BoardCheckedAtAsync(EarlyFirstOfMarchUtc);

        var page = await LoadWithTimeZoneCookieAsync(board, zone);

        var time = page.Document.QuerySelector(".athlete-facts time");
        Assert.Equal(shown, time?.TextContent);
        Assert.Equal("2026-03-01T03:30:00Z", time?.GetAttribute("datetime"));
        Assert.Equal($"Times are in your time zone: {zone}.", page.Document.QuerySelector(".board-time-zone")?.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../../etc/passwd")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/London%00")]
    [InlineData("<script>")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/B")]
    public async Task WithoutAZoneTheServerKnowsTheBoardShowsDatesOnlyAndNeverAnError(string? zone)
    {
        var board = await BoardCheckedAtAsync(EarlyFirstOfMarchUtc);

        var page = await LoadWithTimeZoneCookieAsync(board, zone);

        Assert.Equal("1 Mar 2026", page.Document.QuerySelector(".athlete-facts time")?.TextContent);
        Assert.Null(page.Document.QuerySelector(".board-time-zone"));
        Assert.DoesNotContain("UTC", page.Document.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBoardPagesLoadTheTimeZoneScriptWhichSetsTheCookieForBoardsOnly()
    {
        var board = await api.CreateBoardAsync();
        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");
        var src = page.Document.QuerySelector("script[src^='/js/time-zone.']")?.GetAttribute("src");
        Assert.NotNull(src);

        var script = await NewBrowser().GetStringAsync(new Uri(src, UriKind.Relative));

        Assert.Contains($"\"{KneeTriage.Web.Boards.ViewerTimeZone.CookieName}=\" + zone + \"; Path=/boards;", script, StringComparison.Ordinal);
    }

    private async Task<TestBoard> BoardCheckedAtAsync(DateTime createdAt)
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Robin");
        await SetCreatedAtAsync(result, createdAt);
        return board;
    }

    /// <summary>The board as a browser that reports <paramref name="zone"/> (or sends no cookie) sees it: always a 200.</summary>
    private async Task<HtmlPage> LoadWithTimeZoneCookieAsync(TestBoard board, string? zone)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/boards/{board.Id}", UriKind.Relative));
        if (zone is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"kt-tz={zone}");
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the board with time-zone cookie {zone} answered {(int)response.StatusCode}");
        return HtmlPage.Parse($"/boards/{board.Id}", html);
    }

    private Task<int> SetCreatedAtAsync(TestResult result, DateTime createdAt) =>
        factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == result.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, createdAt)));
}
