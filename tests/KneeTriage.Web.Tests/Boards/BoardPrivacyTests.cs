using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>
/// Contract v1.2 "Boards, at every age": a runner who does not tick "let my coach open my whole
/// result" shows the coach urgency, the flag, the date and the trend only; no result token and no
/// cause reaches the board page or the board's JSON.
/// </summary>
public sealed class BoardPrivacyTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private readonly BoardClient api = new(factory);

    private HttpClient NewBrowser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task AShareWithoutTheOptInShowsNoCauseAndNoResultTokenOnTheBoardPageOrInItsJson(bool? showResult)
    {
        var (board, first, followUp) = await BoardWithASeriesOfTwoAsync(showResult);

        var json = await api.BoardJsonAsync(board);
        using var response = await api.GetBoardAsync(board.Id);
        var body = await response.Content.ReadAsStringAsync();
        var html = await NewBrowser().GetStringAsync(new Uri($"/boards/{board.Id}", UriKind.Relative));
        var page = HtmlPage.Parse("/boards", html);

        var athlete = Assert.Single(json["athletes"]!.AsArray())!;
        Assert.False(athlete["resultShared"]!.GetValue<bool>());
        var latest = athlete["latest"]!.AsObject();
        foreach (var name in new[] { "id", "resultUrl", "topCause" })
        {
            Assert.True(latest.ContainsKey(name), $"latest.{name} is missing; the contract has it as null");
            Assert.Null(latest[name]);
        }

        Assert.Equal("see-clinician", latest["urgency"]!.GetValue<string>());
        Assert.True(latest["seeClinician"]!.GetValue<bool>());
        Assert.Equal(2, athlete["series"]!.AsArray().Count);
        Assert.All(athlete["series"]!.AsArray(), entry =>
        {
            Assert.Null(entry!["id"]);
            Assert.Null(entry["topCause"]);
            Assert.NotNull(entry["urgency"]);
        });
        foreach (var (what, text) in new[] { ("the board's JSON", body), ("the board page", html) })
        {
            Assert.DoesNotContain(first.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(followUp.Id, text, StringComparison.Ordinal);
            AssertNamesNoCondition(what, text, page);
        }

        Assert.Null(page.Document.QuerySelector(".athlete a[href^='/results/']"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll(".athlete-facts dt"), dt => dt.TextContent == "First cause");
        Assert.Contains("did not share the likely causes or answers", page.Document.QuerySelector(".athlete-private")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("About the same (2 checks)", Fact(page, "Trend"));
    }

    [Fact]
    public async Task AShareWithTheOptInShowsTheCauseAndLinksTheLatestResultAsBefore()
    {
        var (board, first, followUp) = await BoardWithASeriesOfTwoAsync(showResult: true);
        var assessment = JsonNode.Parse(await api.Http.GetStringAsync(new Uri($"/api/assessments/{followUp.Id}", UriKind.Relative)))!;
        var topCause = assessment["likelyCauses"]![0]!["id"]!.GetValue<string>();

        var athlete = Assert.Single((await api.BoardJsonAsync(board))["athletes"]!.AsArray())!;
        var page = await HtmlPage.LoadAsync(NewBrowser(), $"/boards/{board.Id}");

        Assert.True(athlete["resultShared"]!.GetValue<bool>());
        Assert.Equal(followUp.Id, athlete["latest"]!["id"]!.GetValue<string>());
        Assert.Equal($"/results/{followUp.Id}", athlete["latest"]!["resultUrl"]!.GetValue<string>());
        Assert.Equal(topCause, athlete["latest"]!["topCause"]!.GetValue<string>());
        Assert.Equal([first.Id, followUp.Id], athlete["series"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
        Assert.All(athlete["series"]!.AsArray(), e => Assert.Equal(topCause, e!["topCause"]!.GetValue<string>()));
        Assert.Equal($"/results/{followUp.Id}", page.Document.QuerySelector(".athlete-link a")?.GetAttribute("href"));
        Assert.Matches("^(To rule out now|Fits your answers best|Also possible): ", Fact(page, "First cause"));
        Assert.Null(page.Document.QuerySelector(".athlete-private"));
    }

    [Fact]
    public async Task SharingAgainReplacesTheChoiceBothWays()
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();

        await api.ShareOkAsync(board, result, "Sam", showResult: true);
        var opened = (await api.BoardJsonAsync(board))["athletes"]![0]!["resultShared"]!.GetValue<bool>();
        await api.ShareOkAsync(board, result, "Sam");
        var closed = (await api.BoardJsonAsync(board))["athletes"]![0]!["resultShared"]!.GetValue<bool>();

        Assert.True(opened);
        Assert.False(closed);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("{}")]
    public async Task AShowResultThatIsNotTrueOrFalseIs400NamingItAndSharesNothing(string value)
    {
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        var before = await api.StoredSharesAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/shares", UriKind.Relative))
        {
            Content = new StringContent($"{{\"joinId\":\"{board.JoinId}\",\"resultId\":\"{result.Id}\",\"displayName\":\"Sam\",\"showResult\":{value}}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Delete-Key", result.DeleteKey);

        using var response = await api.Http.SendAsync(request);

        await Refusal.AssertProblemAsync(response, HttpStatusCode.BadRequest, $"showResult {value}");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("showResult must be true or false.", errors["showResult"]![0]!.GetValue<string>());
        Assert.Equal(before, await api.StoredSharesAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheJoinPagesBoxIsUntickedAndTheCoachSeesTheResultOnlyWhenTicked(bool tick)
    {
        var board = await api.CreateBoardAsync("Tuesday group");
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var join = await HtmlPage.LoadAsync(runner, $"/join/{board.JoinId}");
        var box = join.Document.QuerySelector("input[type=checkbox][name=ShowResult]");
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("checked"), "the box to let the coach open the whole result must start unticked");
        Assert.Equal("Let my coach open my whole result", join.Document.QuerySelector($"label[for='{box.Id}']")?.TextContent.Trim());
        var fields = new Dictionary<string, string[]> { ["ResultId"] = [resultPath["/results/".Length..]], ["DisplayName"] = ["Robin"] };
        if (tick)
        {
            fields["ShowResult"] = ["true"];
        }
        else
        {
            // A browser leaves an unticked box out of the form.
            fields["ShowResult"] = [];
        }

        using var shared = await CheckForm.SubmitAsync(runner, join, fields, "main form");
        var (_, confirmation) = await Redirected.FollowAsync(runner, shared);

        var athlete = Assert.Single((await api.BoardJsonAsync(board))["athletes"]!.AsArray())!;
        Assert.Equal(tick, athlete["resultShared"]!.GetValue<bool>());
        Assert.Equal(tick, athlete["latest"]!["id"] is not null);
        Assert.Contains(tick ? "can also open your whole result" : "cannot see the likely causes or your answers", confirmation.Document.QuerySelector(".lede")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheResultPagesShareFormAsksTheSameAndTheResultPageSaysWhatTheCoachSees(bool tick)
    {
        var board = await api.CreateBoardAsync("Riverside RC");
        var runner = NewBrowser();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var result = await HtmlPage.LoadAsync(runner, resultPath);
        Assert.False(result.Document.QuerySelector("form.board-share-form input[name=ShowResult]")?.HasAttribute("checked") ?? true, "the result page's box must be there and unticked");
        var fields = new Dictionary<string, string[]> { ["JoinLink"] = [$"https://knee.example.org/join/{board.JoinId}"], ["DisplayName"] = ["Robin"], ["ShowResult"] = tick ? ["true"] : [] };

        using var shared = await CheckForm.SubmitAsync(runner, result, fields, "form.board-share-form");
        var again = await HtmlPage.LoadAsync(runner, resultPath);

        Assert.Equal(HttpStatusCode.SeeOther, shared.StatusCode);
        Assert.Equal(tick, (await api.BoardJsonAsync(board))["athletes"]![0]!["resultShared"]!.GetValue<bool>());
        Assert.Contains(tick ? "Your coach can open your whole result." : "Your coach cannot see the likely causes or your answers.", again.Document.QuerySelector(".board-stop-form p")?.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A board with one athlete: a see-a-clinician result and its follow-up, shared with <paramref name="showResult"/> (left out when null).</summary>
    private async Task<(TestBoard Board, TestResult First, TestResult FollowUp)> BoardWithASeriesOfTwoAsync(bool? showResult)
    {
        var board = await api.CreateBoardAsync();
        var answers = Api.ApiClient.ValidAnswers();
        answers["duration"] = "over-6-weeks";
        var first = await api.CreateResultAsync(answers);
        await api.ShareOkAsync(board, first, "Robin", showResult);
        var followUp = await api.SaveFollowUpAsync(first);
        return (board, first, followUp);
    }

    /// <summary>No condition of the knowledge base, by id (as a whole word, so random tokens cannot match) or by name.</summary>
    private void AssertNamesNoCondition(string what, string text, HtmlPage page)
    {
        var conditions = factory.Services.GetRequiredService<KnowledgeBase>().Conditions;
        Assert.True(conditions.Count > 10, "no conditions to look for");
        var words = $"{text} {page.Document.Body?.TextContent}";
        foreach (var condition in conditions)
        {
            Assert.False(Regex.IsMatch(text, $"(?<![A-Za-z0-9_-]){Regex.Escape(condition.Id)}(?![A-Za-z0-9_-])"), $"{what} names the condition id {condition.Id}");
            Assert.DoesNotContain(condition.Name, words, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Fact(HtmlPage page, string term) =>
        page.Document.QuerySelectorAll(".athlete-facts > div").Single(d => d.QuerySelector("dt")?.TextContent == term).QuerySelector("dd")?.TextContent ?? "";
}
