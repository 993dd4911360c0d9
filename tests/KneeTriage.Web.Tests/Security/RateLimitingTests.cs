using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Http;

namespace KneeTriage.Web.Tests.Security;

public sealed class RateLimitingTests(RateLimitsOffAppFactory app) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string UnknownToken = "AAAAAAAAAAAAAAAAAAAAAAAA";

    private static RateLimitsOffAppFactory AppWithLimits(bool enabled, int submissions, int lookups) => RateLimitsOffAppFactory.With(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = enabled ? "true" : "false",
        ["RateLimiting:Submissions:PermitLimit"] = submissions.ToString(),
        ["RateLimiting:Submissions:Window"] = "00:10:00",
        ["RateLimiting:Lookups:PermitLimit"] = lookups.ToString(),
        ["RateLimiting:Lookups:Window"] = "00:10:00",
    });

    [Fact]
    public async Task LookingUpTooManyResultsInABrowserGetsAFriendlyTooManyRequestsPageWithRetryAfter()
    {
        using var app = AppWithLimits(enabled: true, submissions: 100, lookups: 3);
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetHtmlAsync(client, $"/results/{UnknownToken}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var rejected = await GetHtmlAsync(client, $"/results/{UnknownToken}");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        AssertRetryAfterWithinWindow(rejected);
        Assert.Equal("text/html", rejected.Content.Headers.ContentType?.MediaType);
        var page = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", page, StringComparison.Ordinal);
        Assert.Contains("emergency", page, StringComparison.Ordinal);
        Assert.True(rejected.Headers.Contains("Content-Security-Policy"), "the 429 page lost the security headers");
    }

    [Fact]
    public async Task SubmittingTooOftenToTheApiGetsProblemDetailsWithRetryAfter()
    {
        using var app = AppWithLimits(enabled: true, submissions: 2, lookups: 100);
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostJsonAsync(client, "/api/assessments", "{\"answers\":{}}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var rejected = await PostJsonAsync(client, "/api/assessments", "{\"answers\":{}}");

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        AssertRetryAfterWithinWindow(rejected);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task SubmittingTheFormTooOftenGetsTheTooManyRequestsPage()
    {
        using var app = AppWithLimits(enabled: true, submissions: 1, lookups: 100);
        var browser = new SymptomCheckBrowser(app);
        await browser.CompleteAsync(new Dictionary<string, string[]>
        {
            ["breathless-or-chest-pain"] = ["no"],
            ["four-steps-now"] = ["yes"],
            ["low-back-pain"] = ["no"],
            ["buttock-to-thigh-pain"] = ["no"],
            ["hip-or-groin-ache"] = ["no"],
            ["new-limp"] = ["no"],
            ["takes-blood-thinner"] = ["no"],
            ["bleeding-disorder"] = ["no"],
            ["history"] = ["none-of-these"],
            ["infection-risk"] = ["none-of-these"],
            ["foot-signs"] = ["none-of-these"],
            ["not-settling-after-run"] = ["no"],
            ["calf-signs"] = ["none-of-these"],
            ["clot-risk"] = ["none-of-these"],
            ["swelling"] = ["none-of-these"],
            ["mechanical"] = ["none-of-these"],
            ["fever"] = ["no"],
            ["hot-red-knee"] = ["no"],
            ["calf-cramp-on-exertion"] = ["no"],
            ["deformity"] = ["no"],
            ["age"] = ["52"],
            ["pain-type"] = ["dull-ache"],
            ["pain-severity"] = ["2"],
            ["pain-location"] = ["back-inner"],
            ["onset"] = ["gradual"],
            ["duration"] = ["under-3-days"],
            ["injury"] = ["none"],
            ["stiffness"] = ["none"],
        }.AndNoToTheNewWarnings());

        using var again = new HttpRequestMessage(HttpMethod.Post, new Uri("/check/review", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", "irrelevant")]),
        };
        again.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var rejected = await browser.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        AssertRetryAfterWithinWindow(rejected);
        Assert.Contains("Too many requests", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiLookupsAndDeletesShareOneBudgetPerClient()
    {
        using var app = AppWithLimits(enabled: true, submissions: 100, lookups: 2);
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri($"/api/assessments/{UnknownToken}", UriKind.Relative));
        using var second = await client.DeleteAsync(new Uri($"/api/assessments/{UnknownToken}", UriKind.Relative));
        using var third = await client.GetAsync(new Uri($"/api/assessments/{UnknownToken}", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        AssertRetryAfterWithinWindow(third);
    }

    [Fact]
    public async Task ReadingTheArticleIsNeverLimited()
    {
        using var app = AppWithLimits(enabled: true, submissions: 1, lookups: 1);
        using var client = app.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await GetHtmlAsync(client, "/");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
    }

    [Fact]
    public async Task SwitchingRateLimitingOffNeverAnswersTooManyRequests()
    {
        using var app = AppWithLimits(enabled: false, submissions: 1, lookups: 1);
        using var client = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            using var lookup = await GetHtmlAsync(client, $"/results/{UnknownToken}");
            using var submission = await PostJsonAsync(client, "/api/assessments", "{\"answers\":{}}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, lookup.StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, submission.StatusCode);
            Assert.False(lookup.Headers.Contains("Retry-After"), "a switched-off limiter still sent Retry-After");
        }
    }

    [Theory]
    [InlineData("POST", "/api/assessments", RateLimitPolicies.Submissions)]
    [InlineData("POST", "/API/Assessments/", RateLimitPolicies.Submissions)]
    [InlineData("POST", "/check/review", RateLimitPolicies.Submissions)]
    [InlineData("GET", "/results/abc", RateLimitPolicies.Lookups)]
    [InlineData("POST", "/results/abc", RateLimitPolicies.Lookups)]
    [InlineData("GET", "/api/assessments/abc", RateLimitPolicies.Lookups)]
    [InlineData("DELETE", "/api/assessments/abc", RateLimitPolicies.Lookups)]
    [InlineData("GET", "/my-results", RateLimitPolicies.Lookups)]
    [InlineData("POST", "/My-Results/", RateLimitPolicies.Lookups)]
    [InlineData("GET", "/my-results-and-more", null)]
    [InlineData("GET", "/api/assessments", null)]
    [InlineData("GET", "/check/review", null)]
    [InlineData("POST", "/check/pain", null)]
    [InlineData("GET", "/", null)]
    [InlineData("GET", "/results/", null)]
    [InlineData("GET", "/css/site.css", null)]
    public void RequestsSpendTheBudgetOfWhatTheyDo(string method, string path, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        // The budget follows the route the request matched, as UseRouting would have set it.
        context.SetEndpoint(MappedEndpoints.Match(MappedEndpoints.Of(app), method, path));

        Assert.Equal(expected, RateLimitPolicies.Classify(context));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    public void ClientsAreCountedByAddressAndIpv6ByNetwork(string first, string second, bool shareABudget)
    {
        Assert.Equal(shareABudget, KeyFor(first) == KeyFor(second));
    }

    private static string KeyFor(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return ClientPartition.KeyFor(context);
    }

    private static void AssertRetryAfterWithinWindow(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        Assert.True(retryAfter?.Delta is not null, "a 429 without a Retry-After in seconds leaves clients guessing");
        var seconds = retryAfter.Delta.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 600);
    }

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
