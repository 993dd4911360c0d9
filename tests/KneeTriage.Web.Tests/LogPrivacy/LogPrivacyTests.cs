using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using KneeTriage.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.LogPrivacy;

/// <summary>
/// Logs are read by more people, kept longer and copied further than the database. Nothing that
/// would let a reader open a result (its token, its delete key) or learn someone's health (their
/// answers) may reach a log sink, at any level an operator might switch on.
/// </summary>
public sealed class LogPrivacyTests
{
    /// <summary>Answers whose values appear nowhere else in a request's log: if one turns up, an answer was logged.</summary>
    internal static readonly Dictionary<string, string[]> DistinctiveAnswerValues = new()
    {
        ["breathless-or-chest-pain"] = ["no"],
        ["four-steps-now"] = ["yes"],
        ["low-back-pain"] = ["no"],
        ["buttock-to-thigh-pain"] = ["no"],
        ["hip-or-groin-ache"] = ["no"],
        ["new-limp"] = ["no"],
        ["takes-blood-thinner"] = ["no"],
        ["bleeding-disorder"] = ["no"],
        ["infection-risk"] = ["none-of-these"],
        ["foot-signs"] = ["none-of-these"],
        ["not-settling-after-run"] = ["no"],
        ["calf-signs"] = ["none-of-these"],
        ["fever"] = ["no"],
        ["hot-red-knee"] = ["no"],
        ["calf-cramp-on-exertion"] = ["no"],
        ["deformity"] = ["no"],
        ["clot-risk"] = ["hormones-or-pregnancy", "active-cancer"],
        ["age"] = ["41"],
        ["pain-type"] = ["burning-or-tingling"],
        ["pain-severity"] = ["6"],
        ["pain-location"] = ["back-center", "below-back"],
        ["onset"] = ["gradual"],
        ["duration"] = ["2-to-6-weeks"],
        ["pain-triggers"] = ["during-run", "stairs"],
        ["injury"] = ["none"],
        ["swelling"] = ["lump-behind-knee"],
        ["swelling-onset"] = ["comes-and-goes"],
        ["stiffness"] = ["tight-behind-knee"],
        ["mechanical"] = ["giving-way"],
        ["training-change"] = ["new-surface"],
        ["tight-muscles"] = ["calves"],
        ["history"] = ["previous-surgery"],
    };

    /// <summary>The same, as the form takes them: with "no" to the v1.2 warning questions' form parts.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> DistinctiveAnswers = DistinctiveAnswerValues.AndNoToTheNewWarnings();

    /// <summary>The answer values searched for in the logs (numbers and yes/no would match timings and words).</summary>
    internal static readonly string[] TellTaleAnswerValues =
        ["hormones-or-pregnancy", "active-cancer", "burning-or-tingling", "lump-behind-knee", "comes-and-goes", "tight-behind-knee", "giving-way", "previous-surgery", "below-back"];

    [Fact]
    public async Task AFullSubmissionViewAndDeleteByFormLogsNoTokenDeleteKeyOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = ChattyApp(sink);
        var browser = new SymptomCheckBrowser(app);
        await WarmUpAsync(browser.Client, sink);

        var resultPath = await browser.CompleteAsync(DistinctiveAnswers);
        var token = resultPath["/results/".Length..];
        var result = await browser.GetPageAsync(resultPath);
        var deleteForm = result.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Delete", StringComparison.OrdinalIgnoreCase));
        using var deleted = await browser.PostFormAsync(resultPath, deleteForm, SymptomCheckBrowser.FillIn(deleteForm, new Dictionary<string, string[]>()));
        using var afterwards = await browser.Client.GetAsync(new Uri(resultPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        var deleteKey = browser.LastCookie("kt-delete-key");
        Assert.True(deleteKey is { Length: > 0 }, "submitting the form gave the browser no delete-key cookie");
        AssertNothingSecretLogged(sink, token, deleteKey);
    }

    [Fact]
    public async Task AFullSubmissionViewAndDeleteThroughTheApiLogsNoTokenDeleteKeyOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = ChattyApp(sink);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await WarmUpAsync(client, sink);

        using var created = await client.PostAsJsonAsync(new Uri("/api/assessments", UriKind.Relative), new { answers = ApiAnswers() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("id").GetString() ?? "";
        var deleteKey = body.RootElement.GetProperty("deleteKey").GetString() ?? "";

        using var read = await client.GetAsync(new Uri($"/api/assessments/{token}", UriKind.Relative));
        using var page = await client.GetAsync(new Uri($"/results/{token}", UriKind.Relative));
        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/assessments/{token}", UriKind.Relative));
        wrongKey.Headers.Add("X-Delete-Key", "not-the-key");
        using var refused = await client.SendAsync(wrongKey);
        using var rightKey = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/assessments/{token}", UriKind.Relative));
        rightKey.Headers.Add("X-Delete-Key", deleteKey);
        using var removed = await client.SendAsync(rightKey);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        AssertNothingSecretLogged(sink, token, deleteKey);
    }

    [Fact]
    public async Task CheckingAgainAFollowUpThroughTheApiAndMyResultsLogNoTokenDeleteKeyOrAnswer()
    {
        var sink = new CollectingLogSink();
        using var app = ChattyApp(sink);
        var browser = new SymptomCheckBrowser(app);
        await WarmUpAsync(browser.Client, sink);

        var firstPath = await browser.CompleteAsync(DistinctiveAnswers);
        var firstKey = browser.LastCookie("kt-delete-key") ?? "";
        var first = await browser.GetPageAsync(firstPath);
        var checkAgain = first.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .Single(f => (f.GetAttribute("action") ?? "").Contains("handler=CheckAgain", StringComparison.OrdinalIgnoreCase));
        using (var started = await browser.PostFormAsync(firstPath, checkAgain, SymptomCheckBrowser.FillIn(checkAgain, new Dictionary<string, string[]>())))
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        }

        var secondPath = await browser.CompleteAsync(DistinctiveAnswers);
        var secondKey = browser.LastCookie("kt-delete-key") ?? "";
        using var followUp = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/assessments", UriKind.Relative))
        {
            Content = JsonContent.Create(new { follows = secondPath["/results/".Length..], answers = ApiAnswers() }),
        };
        followUp.Headers.Add("X-Delete-Key", secondKey);
        using var created = await browser.Client.SendAsync(followUp);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var secondPage = await browser.Client.GetAsync(new Uri(secondPath, UriKind.Relative));
        var list = await browser.GetPageAsync("/my-results");
        var deleteAll = list.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .Single(f => (f.GetAttribute("action") ?? "").Contains("handler=DeleteAll", StringComparison.OrdinalIgnoreCase));
        using var deleted = await browser.PostFormAsync("/my-results", deleteAll, SymptomCheckBrowser.FillIn(deleteAll, new Dictionary<string, string[]>()));

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("/my-results", deleted.Headers.Location?.OriginalString);
        AssertNothingSecretLogged(sink, firstPath["/results/".Length..], firstKey);
        AssertNothingSecretLogged(sink, secondPath["/results/".Length..], secondKey);
    }

    /// <summary>The same answers as the API takes them: the form's parts are left out (four steps becomes cannot-bear-weight), "none of these" an empty list.</summary>
    internal static Dictionary<string, object> ApiAnswers()
    {
        string[] formOnly = ["four-steps-now", "low-back-pain", "buttock-to-thigh-pain", "hip-or-groin-ache", "new-limp", "takes-blood-thinner", "bleeding-disorder"];
        var answers = DistinctiveAnswerValues.Where(pair => !formOnly.Contains(pair.Key)).ToDictionary(
            pair => pair.Key,
            pair => pair.Value switch
            {
                ["yes"] => true,
                ["no"] => false,
                ["none-of-these"] => Array.Empty<string>(),
                [var number] when int.TryParse(number, out var value) => value,
                [var single] when pair.Key is "pain-type" or "onset" or "duration" or "injury" or "swelling-onset" or "stiffness" => single,
                var many => (object)many,
            });
        answers["cannot-bear-weight"] = false;
        return answers;
    }

    /// <summary>Every category at Verbose, ASP.NET Core's and EF Core's included: more than any operator would switch on. BoardLogPrivacyTests uses it too.</summary>
    internal static WebApplicationFactory<Program> ChattyApp(CollectingLogSink sink, IReadOnlyDictionary<string, string?>? more = null)
    {
        // The framework's request scope too (its RequestPath holds the ids), which is off by default.
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Verbose", ["RequestLogging:RequestScope"] = "true" };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var category in new[] { "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Microsoft.EntityFrameworkCore", "System" })
        {
            settings[$"Serilog:MinimumLevel:Override:{category}"] = "Verbose";
        }

        return RateLimitsOffAppFactory.With(settings).WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
    }

    /// <summary>Start-up logs (knowledge base, content, migrations) hold no one's answers; only requests are examined.</summary>
    internal static async Task WarmUpAsync(HttpClient client, CollectingLogSink sink)
    {
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.False(sink.Events.IsEmpty, "the test sink received nothing: the log capture is not wired up");
        sink.Events.Clear();
    }

    internal static void AssertNothingSecretLogged(CollectingLogSink sink, string token, string deleteKey)
    {
        var events = sink.Events.ToList();
        Assert.True(events.Count > 5, $"only {events.Count} log events were captured; the test would prove nothing");
        Assert.True(token.Length >= 22, $"no token to look for ({token})");

        var secrets = new List<(string What, string Value)>
        {
            ("share token", token),
            ("the first half of the share token", token[..(token.Length / 2)]),
        };
        if (deleteKey.Length > 0)
        {
            secrets.Add(("delete key", deleteKey));
            secrets.Add(("the first half of the delete key", deleteKey[..(deleteKey.Length / 2)]));
        }

        secrets.AddRange(TellTaleAnswerValues.Select(value => ("the answer value", value)));

        foreach (var logEvent in events)
        {
            var everything = $"{logEvent.RenderMessage()} {string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}";
            foreach (var (what, value) in secrets)
            {
                Assert.False(everything.Contains(value, StringComparison.OrdinalIgnoreCase),
                    $"a {logEvent.Level} log event from {logEvent.Properties.GetValueOrDefault("SourceContext")} carries {what} '{value}': {everything}");
            }
        }
    }
}
