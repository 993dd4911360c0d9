using System.Net;
using System.Text.Json;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// Every 4xx from /api/... is application/problem+json, also for requests a fuzzer writes byte by
/// byte: a delete key with a byte that is not UTF-8, paths with broken escapes. Sent over a real
/// socket to Kestrel, which parses them before the app does.
/// </summary>
public sealed class MalformedRequestTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Theory]
    [InlineData("k\u00e9y")]
    [InlineData("\u00ff\u00fe")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u00e9")]
    public async Task ADeleteKeyWithANonUtf8ByteGetsTheProblemAnswerAndDeletesNothing(string key)
    {
        using var client = app.CreateClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString();

        var response = await app.SendRawAsync(KestrelAppFactory.Latin1Request("DELETE", $"/api/assessments/{id}", $"X-Delete-Key: {key}"));

        AssertProblem(response, 404);
        using var stillThere = await client.GetAsync($"/api/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Theory]
    [InlineData("/api/assessments/%ZZ")]
    [InlineData("/api/assessments/%C0%AF")]
    [InlineData("/api/assessments/%FF%FE")]
    [InlineData("/api/assessments/a%2Fb")]
    [InlineData("/api/assessments/..%2F..%2Fetc")]
    [InlineData("/api/no-such-thing")]
    public async Task AMalformedApiPathGetsTheProblemAnswer(string target)
    {
        var response = await app.SendRawAsync(KestrelAppFactory.Latin1Request("GET", target));

        AssertProblem(response, 404);
    }

    [Fact]
    public async Task AGetOfTheCollectionGetsTheProblemAnswer()
    {
        // Only POST is mapped there.
        var response = await app.SendRawAsync(KestrelAppFactory.Latin1Request("GET", "/api/assessments/"));

        AssertProblem(response, 405);
    }

    [Fact]
    public async Task AnUnsupportedMethodGetsTheProblemAnswer()
    {
        var response = await app.SendRawAsync(KestrelAppFactory.Latin1Request("PUT", "/api/assessments/abc", "Content-Length: 0"));

        AssertProblem(response, 405);
    }

    private static void AssertProblem(RawResponse response, int status)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType?.Split(';')[0]);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), "a problem answer says what went wrong in its title");
    }
}
