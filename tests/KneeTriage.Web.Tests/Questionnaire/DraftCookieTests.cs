using System.Net;
using System.Text;
using System.Text.Json;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The draft cookie a browser holds: drafts written before it was compressed still read; a draft
/// too long for one cookie is split into cookies a browser keeps and read back whole; answers too
/// long for the browser to keep at all are refused with a message, never a silent loop.
/// </summary>
public sealed class DraftCookieTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ADraftWrittenBeforeCompressionStillFillsTheForm()
    {
        // As the app wrote it until now: the JSON protected as a string, in one cookie.
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("KneeTriage.Questionnaire.Draft.v1").ToTimeLimitedDataProtector();
        var json = JsonSerializer.Serialize(new QuestionnaireDraft
        {
            Values = new Dictionary<string, string[]> { ["pain-location"] = ["back-outer", "above-back"], ["pain-severity"] = ["4"] },
            CompletedSteps = ["warning-signs"],
        });
        var client = factory.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{DraftCookie.Name}={protector.Protect(json, DateTimeOffset.UtcNow.AddHours(1))}");

        var pain = await HtmlPage.LoadAsync(client, "/check/pain");

        Assert.NotNull(pain.Document.QuerySelector("input[name=pain-location][value=above-back][checked]"));
        Assert.DoesNotContain("We could not read the answers", pain.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftTooLongForOneCookieIsSplitIntoCookiesABrowserKeepsAndReadsBackWhole()
    {
        var drafts = factory.Services.GetRequiredService<DraftCookie>();
        var random = new Random(7);
        var text = new string([.. Enumerable.Range(0, 5500).Select(_ => (char)random.Next('a', 'z' + 1))]);
        var draft = new QuestionnaireDraft { Values = new Dictionary<string, string[]> { ["note"] = [text] } };

        var written = new DefaultHttpContext();
        Assert.True(drafts.Write(written.Response, draft));

        var setCookies = written.Response.Headers.SetCookie.Select(c => c!).ToList();
        Assert.True(setCookies.Count > 1, $"Expected chunks, got {setCookies.Count} cookie");
        Assert.All(setCookies, c => Assert.True(Encoding.UTF8.GetByteCount(c) <= BrowserCookieLimits.MaxSetCookieBytes, $"A Set-Cookie of {c.Length} bytes"));
        var read = new DefaultHttpContext();
        read.Request.Headers.Cookie = string.Join("; ", setCookies.Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        var reading = drafts.Read(read.Request);
        Assert.False(reading.WasUnreadable);
        Assert.Equal(text, reading.Draft.Values["note"][0]);

        // Shrunk back to one cookie: the chunks left in the browser are deleted.
        var shrunk = new DefaultHttpContext();
        shrunk.Request.Headers.Cookie = read.Request.Headers.Cookie;
        Assert.True(drafts.Write(shrunk.Response, QuestionnaireDraft.Empty));
        var deleted = shrunk.Response.Headers.SetCookie.Where(c => c!.StartsWith(DraftCookie.Name + "C", StringComparison.Ordinal)).ToList();
        Assert.Equal(setCookies.Count - 1, deleted.Count);
        Assert.All(deleted, c => Assert.Contains("expires=Thu, 01 Jan 1970", c!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnswersTooLongForTheBrowserToKeepAreRefusedWithAMessageAndNothingAnsweredIsLost()
    {
        var limits = new BrowserCookieLimits();
        var runner = limits.ClientFor(factory);
        var review = await CheckForm.ReachReviewAsync(runner, CheckForm.SelfCareAnswers);
        Assert.Equal("/check/review", review.Url);

        // 60 letters (the validator counts what the reader sees), each under 40 accents: the browser's
        // maxlength stops this, a hand-made post does not.
        var random = new Random(11);
        string Piled() => string.Concat(Enumerable.Range(0, 60).Select(_ => "a" + new string([.. Enumerable.Range(0, 40).Select(_ => (char)random.Next(0x300, 0x370))])));
        var step = await HtmlPage.LoadAsync(runner, "/check/how-it-is-going");
        using var posted = await CheckForm.SubmitAsync(runner, step, CheckForm.SelfCareAnswers
            .With("activity-1", Piled()).With("activity-1-score", "3")
            .With("activity-2", Piled()).With("activity-2-score", "3")
            .With("activity-3", Piled()).With("activity-3-score", "3"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = HtmlPage.Parse("/check/how-it-is-going", await posted.Content.ReadAsStringAsync());
        Assert.Contains(DraftTooLong.Message, page.Document.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(DraftTooLong.Message, page.Document.QuerySelector("#activities-group .error-message")?.TextContent ?? "", StringComparison.Ordinal);
        limits.AssertABrowserKeepsEveryCookie();
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(DraftCookie.Name, StringComparison.Ordinal)),
            "The draft was replaced");
        var stillThere = await HtmlPage.LoadAsync(runner, "/check/review");
        Assert.Equal("/check/review", stillThere.Url);
    }

    [Fact]
    public async Task CheckingAgainFromAResultWhoseActivitiesAreTooLongToKeepStillJoinsTheSeries()
    {
        // The API counts what the reader sees, so it takes 60 letters under piles of accents.
        var random = new Random(13);
        string Piled() => string.Concat(Enumerable.Range(0, 60).Select(_ => "a" + new string([.. Enumerable.Range(0, 40).Select(_ => (char)random.Next(0x300, 0x370))])));
        var answers = KneeTriage.Web.Tests.Api.ApiClient.ValidAnswers();
        answers["activities"] = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, 3).Select(i => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["activity"] = Piled(), ["score"] = i })]);
        var limits = new BrowserCookieLimits();
        var runner = limits.ClientFor(factory);
        // Unescaped, the accents fit in the API's 32 KB body.
        var body = new System.Text.Json.Nodes.JsonObject { ["answers"] = answers }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        using var created = await runner.PostAsync("/api/assessments", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var result = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var (id, deleteKey) = (result.GetProperty("id").GetString()!, result.GetProperty("deleteKey").GetString()!);
        limits.Cookies.Add(runner.BaseAddress!, new Cookie("kt-delete-key", deleteKey, $"/results/{id}"));
        var earlier = await HtmlPage.LoadAsync(runner, $"/results/{id}");

        using var started = await CheckForm.SubmitAsIsAsync(runner, earlier, ".result-check-again form");

        limits.AssertABrowserKeepsEveryCookie();
        var pain = await HtmlPage.LoadAsync(runner, "/check/pain");
        Assert.NotNull(pain.Document.QuerySelector(".follow-up-note"));
        Assert.NotNull(pain.Document.QuerySelector("input[name=pain-location][value=above-back][checked]"));
        var going = await HtmlPage.LoadAsync(runner, "/check/how-it-is-going");
        Assert.Equal(string.Empty, going.Document.QuerySelector("input[name=activity-1]")?.GetAttribute("value") ?? string.Empty);
    }
}
