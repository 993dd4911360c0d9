using System.Net;
using System.Text.Json;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// ?country= on the assessment endpoints: a client showing the result to a runner in the US gets
/// 911, urgent care and the evening route, never 999 or NHS 111; without it, the stored (UK) words.
/// </summary>
public sealed class CountryWordsApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ASameDayResultAskedForTheUsNamesUsServicesAndTheEveningRoute()
    {
        using var response = await PostHotKneeAsync("/api/assessments?country=us");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("US", body.GetProperty("country").GetString());
        var words = RunnerWords(body);
        Assert.Contains("a same-day appointment with your doctor, or urgent care", words, StringComparison.Ordinal);
        Assert.Contains("if your doctor's office is closed, go to urgent care", words, StringComparison.Ordinal);
        Assert.Contains("911", words, StringComparison.Ordinal);
        Assert.DoesNotContain("999", words, StringComparison.Ordinal);
        Assert.DoesNotContain("NHS", words, StringComparison.Ordinal);
        Assert.DoesNotContain("A&E", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredResultReadBackForTheUsHasTheSameUsWords()
    {
        var client = factory.CreatePlainClient();
        using var posted = await PostHotKneeAsync("/api/assessments", client);
        var id = (await ApiClient.JsonAsync(posted)).GetProperty("id").GetString();

        using var read = await client.GetAsync($"/api/assessments/{id}?country=US");
        var body = await ApiClient.JsonAsync(read);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("US", body.GetProperty("country").GetString());
        Assert.Contains("911", RunnerWords(body), StringComparison.Ordinal);
        Assert.DoesNotContain("999", RunnerWords(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACountryTheWordsAreTheStoredUkOnes()
    {
        using var response = await PostHotKneeAsync("/api/assessments");
        var body = await ApiClient.JsonAsync(response);

        Assert.False(body.TryGetProperty("country", out _), "A body not asked for a country names none.");
        var words = RunnerWords(body);
        Assert.Contains("NHS 111", words, StringComparison.Ordinal);
        Assert.Contains("999", words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/assessments?country=USA")]
    [InlineData("/api/assessments?country=")]
    public async Task AnUnknownCountryIsA400NamingTheKnownCodesAndStoresNothing(string path)
    {
        using var response = await PostHotKneeAsync(path);
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = body.GetProperty("errors").GetProperty("country")[0].GetString();
        Assert.Contains("GB", message, StringComparison.Ordinal);
        Assert.Contains("US", message, StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task AnUnknownCountryOnAReadIsA400()
    {
        using var read = await factory.CreatePlainClient().GetAsync("/api/assessments/q2aN0r5Zk7Wb1xYcD3eF4gHi?country=XX1");

        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
    }

    [Theory]
    [InlineData("/api/assessments", "post")]
    [InlineData("/api/assessments/{id}", "get")]
    public async Task TheOpenApiDocumentDescribesTheCountryParameterAndItsBody(string path, string method)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreatePlainClient().GetStringAsync("/openapi/v1.json"))!;
        var operation = document["paths"]![path]![method]!;

        var parameter = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "country")!;
        Assert.Equal("query", parameter["in"]!.GetValue<string>());
        Assert.Contains("Left out: the UK's words", parameter["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(operation["responses"]!["400"]);
    }

    private Task<HttpResponseMessage> PostHotKneeAsync(string path, HttpClient? client = null)
    {
        var answers = ApiClient.ValidAnswers();
        answers["hot-red-knee"] = true;
        var content = new StringContent(new System.Text.Json.Nodes.JsonObject { ["answers"] = answers }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        return (client ?? factory.CreatePlainClient()).PostAsync(path, content);
    }

    // Every sentence a runner reads: red flags, reasons, what to do now, self-care and come back if.
    private static string RunnerWords(JsonElement body)
    {
        var advice = body.GetProperty("advice");
        var texts = body.GetProperty("redFlags").EnumerateArray().Select(f => f.GetProperty("message").GetString())
            .Concat(body.GetProperty("likelyCauses").EnumerateArray().SelectMany(c => c.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())))
            .Concat(advice.GetProperty("doNow").EnumerateArray().Select(t => t.GetString()))
            .Concat(advice.GetProperty("selfCare").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray().Select(t => t.GetString())))
            .Concat(advice.GetProperty("comeBackIf").EnumerateArray().Select(t => t.GetString()));
        return string.Join("\n", texts);
    }
}
