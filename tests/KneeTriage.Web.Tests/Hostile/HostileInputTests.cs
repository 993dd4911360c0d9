using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// A generated suite of hostile input (fixed seeds, so every failure can be replayed) against the
/// JSON API, the share-token addresses and every form. Each rejected input must get a 4xx (a
/// problem response from the API), nothing may be stored for it, and nothing may ever get a 500.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261124;

    private readonly RateLimitsOffAppFactory factory = new();

    [Fact]
    public async Task TheBaselineAnswersAreAcceptedSoEveryMutationTestsSomething()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative),
            new StringContent(ApiHostileInputs.ValidBody, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"the valid answers the hostile suite mutates were refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task TheApiTurnsAwayHostileBodiesWithAProblemAndStoresNothing()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var questionnaire = await QuestionnaireAsync(client);
        var runner = new HostileInputRunner(factory, client);

        await runner.RunAsync(new ApiHostileInputs(questionnaire, new Random(Seed)).All());

        Report(runner, minimum: 800);
    }

    [Fact]
    public async Task UnknownAndMalformedTokensAndGarbageDeleteKeysGetNotFoundAndDeleteNothing()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var existing = await CreateAsync(client);
        var runner = new HostileInputRunner(factory, client);

        await runner.RunAsync(new LookupHostileInputs(existing, new Random(Seed)).All());

        using var stillThere = await client.GetAsync(new Uri($"/api/assessments/{existing}", UriKind.Relative));
        Assert.True(stillThere.StatusCode == HttpStatusCode.OK, "a hostile request deleted a result it had no key for");
        Report(runner, minimum: 150);
    }

    [Fact]
    public async Task EveryFormTurnsAwayGarbageWithoutAServerErrorOrAStoredResult()
    {
        var browser = new SymptomCheckBrowser(factory);
        var questionnaire = await QuestionnaireAsync(browser.Client);
        var steps = questionnaire.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetString() ?? "", s.GetProperty("questionIds").EnumerateArray().Select(q => q.GetString() ?? "").ToArray()))
            .ToList();
        var firstStep = await browser.GetPageAsync($"/check/{steps[0].Item1}");
        var form = firstStep.Document.QuerySelector("form[method=post]") as IHtmlFormElement;
        Assert.True(form is not null, "the first step has no form");
        var runner = new HostileInputRunner(factory, browser.Client);

        await runner.RunAsync(new FormHostileInputs(steps, SymptomCheckBrowser.AntiforgeryToken(form), new Random(Seed)).All());

        Report(runner, minimum: 400);
    }

    [Fact]
    public async Task ATamperedDraftCookieIsForgottenNotAServerError()
    {
        using var client = factory.CreateDefaultClient();
        var (antiforgeryCookie, token) = await AntiforgeryAsync(client, "/check/warning-signs");
        var random = new Random(Seed);
        string[] drafts = ["", "garbage", "%%%", new string('A', 4000), "CfDJ8" + Convert.ToBase64String(Enumerable.Range(0, 300).Select(_ => (byte)random.Next(256)).ToArray())];
        var runner = new HostileInputRunner(factory, client);

        var requests = drafts.SelectMany(draft => new[] { "/check/warning-signs", "/check/review", "/check/emergency", "/check" }
            .SelectMany(path => new[]
            {
                new HostileRequest("tampered draft cookie", $"GET {path} with draft '{draft[..Math.Min(draft.Length, 12)]}'", Expectation.NothingStored,
                    () => WithCookies(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), antiforgeryCookie, draft)),
                new HostileRequest("tampered draft cookie", $"POST {path} with draft '{draft[..Math.Min(draft.Length, 12)]}'", Expectation.NothingStored,
                    () => WithCookies(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
                    {
                        Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("age", "34")]),
                    }, antiforgeryCookie, draft)),
            }));
        await runner.RunAsync(requests);

        Report(runner, minimum: 40);
    }

    public void Dispose() => factory.Dispose();

    private void Report(HostileInputRunner runner, int minimum)
    {
        output.WriteLine(runner.Summary());
        Assert.True(runner.Tried >= minimum, $"only {runner.Tried} hostile inputs were generated; expected at least {minimum}");
        Assert.True(runner.Failures.Count == 0,
            $"{runner.Failures.Count} of {runner.Tried} hostile inputs were mishandled:\n" + string.Join('\n', runner.Failures.Take(40)));
    }

    private static async Task<JsonElement> QuestionnaireAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/questionnaire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative),
            new StringContent(ApiHostileInputs.ValidBody, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString() ?? throw new InvalidOperationException("201 without an id");
    }

    private static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"{path} has no antiforgery token");
        return (cookie, token);
    }

    private static HttpRequestMessage WithCookies(HttpRequestMessage message, string antiforgeryCookie, string draft)
    {
        message.Headers.TryAddWithoutValidation("Cookie", $"{antiforgeryCookie}; kt-check-draft={draft}");
        return message;
    }
}
