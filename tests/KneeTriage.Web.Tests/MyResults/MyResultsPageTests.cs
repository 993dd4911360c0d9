using System.Net;
using KneeTriage.Web.Data;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Progress;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.MyResults;

/// <summary>
/// /my-results: the results this browser made, from its cookies alone, newest first, each with a
/// delete that takes two steps and no script; results gone elsewhere drop out quietly.
/// </summary>
public sealed class MyResultsPageTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ItListsTheResultsThisBrowserMadeNewestFirstWithUrgencyCauseAndLink()
    {
        var runner = factory.CreatePlainClient();
        var first = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        await AgeAsync(first, TimeSpan.FromDays(3));
        var second = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);

        var page = await HtmlPage.LoadAsync(runner, "/my-results");

        Assert.Equal("Your results", page.H1);
        var links = page.Document.QuerySelectorAll(".my-results-item h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([second, first], links);
        var facts = page.Document.QuerySelector(".my-results-facts")!.TextContent;
        Assert.Contains("Self-care", facts, StringComparison.Ordinal);
        Assert.Contains("hamstring", facts, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, page.Document.QuerySelectorAll(".my-results-item details.delete-confirm form button").Length);
        Assert.NotNull(page.Document.QuerySelector(".my-results-delete-all details.delete-confirm form button"));
    }

    [Fact]
    public async Task ThePageIsNeverCachedNeverIndexedAndSendsNoReferrer()
    {
        var runner = factory.CreatePlainClient();
        await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);

        using var response = await runner.GetAsync("/my-results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task AStrangerSeesNoResultsAndNothingIsStoredAboutTheBrowser()
    {
        var runner = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var stranger = factory.CreatePlainClient();

        var page = await HtmlPage.LoadAsync(stranger, "/my-results");

        Assert.Empty(page.Document.QuerySelectorAll(".my-results-item"));
        Assert.DoesNotContain(url, page.Document.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultDeletedElsewhereOrAForgedCookieDropsOutQuietlyAndItsCookieIsRemoved()
    {
        var api = factory.CreatePlainClient();
        var (kept, keptKey, _) = await FollowUpApiTests.CreateAsync(api, ApiClient.ValidAnswers());
        var (gone, goneKey, _) = await FollowUpApiTests.CreateAsync(api, ApiClient.ValidAnswers());
        var (other, _, _) = await FollowUpApiTests.CreateAsync(api, ApiClient.ValidAnswers());
        await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == gone).ExecuteDeleteAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/my-results");
        request.Headers.Add("Cookie", string.Join("; ",
            $"{BrowserResultsCookie.NamePrefix}{kept}={keptKey}",
            $"{BrowserResultsCookie.NamePrefix}{gone}={goneKey}",
            // Someone else's result with a made-up key, and markup where a token should be.
            $"{BrowserResultsCookie.NamePrefix}{other}={DeleteKey.Create()}",
            $"{BrowserResultsCookie.NamePrefix}%3Cscript%3E={DeleteKey.Create()}"));

        using var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPage.Parse("/my-results", await response.Content.ReadAsStringAsync());
        var links = page.Document.QuerySelectorAll(".my-results-item h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/results/{kept}"], links);
        Assert.DoesNotContain("<script>", page.Document.Body!.InnerHtml, StringComparison.Ordinal);
        var removed = response.Headers.GetValues("Set-Cookie").Where(c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(removed, c => c.StartsWith($"{BrowserResultsCookie.NamePrefix}{gone}=", StringComparison.Ordinal));
        Assert.Contains(removed, c => c.StartsWith($"{BrowserResultsCookie.NamePrefix}{other}=", StringComparison.Ordinal));
        Assert.True(await factory.IsStoredAsync(other), "Listing with a forged cookie touched someone else's result.");
    }

    [Fact]
    public async Task DeletingOneRemovesTheResultItsCookiesAndItsPageAfterAConfirmation()
    {
        var runner = factory.CreatePlainClient();
        var kept = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var deleted = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var token = deleted["/results/".Length..];
        var coach = factory.CreatePlainClient();
        for (var view = 0; view < 2; view++)
        {
            using var cached = await coach.GetAsync(deleted);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        var page = await HtmlPage.LoadAsync(runner, "/my-results");
        var form = page.Document.QuerySelectorAll(".my-results-item").Single(i => i.QuerySelector($"a[href='{deleted}']") is not null).QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        using var response = await runner.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my-results", response.Headers.Location!.OriginalString);
        Assert.False(await factory.IsStoredAsync(token), "The result is still stored.");
        Assert.True(await factory.IsStoredAsync(kept["/results/".Length..]), "The other result was deleted too.");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith($"{DeleteKeyCookie.Name}=", StringComparison.Ordinal) && c.Contains($"path=/results/{token}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, cookies.Count(c => c.StartsWith($"{BrowserResultsCookie.NamePrefix}{token}=", StringComparison.Ordinal)));
        using var gone = await coach.GetAsync(deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var after = await HtmlPage.LoadAsync(runner, "/my-results");
        Assert.Equal([kept], after.Document.QuerySelectorAll(".my-results-item h2 a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Contains("has been deleted", after.Document.QuerySelector(".notice")?.TextContent ?? "", StringComparison.Ordinal);
        var refreshed = await HtmlPage.LoadAsync(runner, "/my-results");
        Assert.Null(refreshed.Document.QuerySelector(".notice"));
    }

    /// <summary>Walk 23: "All 1 results will be deleted" and "Yes, delete all 1 results" for a browser with one result.</summary>
    [Fact]
    public async Task DeletingTheOnlyResultIsWordedForOne()
    {
        var runner = factory.CreatePlainClient();
        await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var page = await HtmlPage.LoadAsync(runner, "/my-results");

        var confirm = page.Document.QuerySelector(".my-results-delete-all details.delete-confirm")!;
        Assert.Contains("Your one result will be deleted and its link will stop working for everyone.", PageText.Normalise(confirm.TextContent), StringComparison.Ordinal);
        Assert.Equal("Yes, delete it", PageText.Normalise(confirm.QuerySelector("form button")!.TextContent));
        Assert.DoesNotContain("1 results", PageText.Normalise(page.Document.Body!.TextContent), StringComparison.Ordinal);

        using var response = await CheckForm.SubmitAsIsAsync(runner, page, ".my-results-delete-all form");
        var after = await HtmlPage.LoadAsync(runner, "/my-results");

        Assert.Equal("The result has been deleted. Its link no longer works.", PageText.Normalise(after.Document.QuerySelector(".notice")!.TextContent));
    }

    [Fact]
    public async Task DeleteAllRemovesEveryResultThisBrowserMadeAndNoOtherOne()
    {
        var runner = factory.CreatePlainClient();
        var mine = new[] { await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers), await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers) };
        var theirs = await CheckForm.CompleteCheckAsync(factory.CreatePlainClient(), CheckForm.SelfCareAnswers);
        var page = await HtmlPage.LoadAsync(runner, "/my-results");

        using var response = await CheckForm.SubmitAsIsAsync(runner, page, ".my-results-delete-all form");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my-results", response.Headers.Location!.OriginalString);
        foreach (var url in mine)
        {
            Assert.False(await factory.IsStoredAsync(url["/results/".Length..]), $"{url} survived Delete all.");
        }

        Assert.True(await factory.IsStoredAsync(theirs["/results/".Length..]), "Delete all removed another browser's result.");
        var after = await HtmlPage.LoadAsync(runner, "/my-results");
        Assert.Empty(after.Document.QuerySelectorAll(".my-results-item"));
        Assert.Contains("2 results have been deleted", after.Document.QuerySelector(".notice")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeleteForATokenThisBrowserDoesNotHoldDeletesNothing()
    {
        var runner = factory.CreatePlainClient();
        await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        var theirs = await CheckForm.CompleteCheckAsync(factory.CreatePlainClient(), CheckForm.SelfCareAnswers);
        var page = await HtmlPage.LoadAsync(runner, "/my-results");
        var form = page.Document.QuerySelector(".my-results-item form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("name") == "token" ? theirs["/results/".Length..] : i.GetAttribute("value")!))
            .ToList();

        using var response = await runner.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/my-results", response.Headers.Location!.OriginalString);
        Assert.True(await factory.IsStoredAsync(theirs["/results/".Length..]), "A browser deleted a result it did not make.");
    }

    [Fact]
    public async Task ADeleteWithoutTheAntiforgeryTokenIsRefused()
    {
        var runner = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);

        using var response = await runner.PostAsync("/my-results?handler=DeleteAll", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await factory.IsStoredAsync(url["/results/".Length..]));
    }

    private Task<int> AgeAsync(string url, TimeSpan by)
    {
        var token = url["/results/".Length..];
        return factory.WithDatabaseAsync(async db =>
        {
            var record = await db.Assessments.SingleAsync(a => a.Token == token);
            db.Entry(record).Property(a => a.CreatedAt).CurrentValue = record.CreatedAt - by;
            return await db.SaveChangesAsync();
        });
    }
}
