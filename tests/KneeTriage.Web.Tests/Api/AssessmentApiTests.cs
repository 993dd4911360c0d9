using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Api;

/// <summary>The JSON API as the contract describes it: create, read, delete.</summary>
public sealed class AssessmentApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheQuestionnaireListsEveryQuestionWithTextTypeOptionsAndWhetherItIsRequired()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/api/questionnaire");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var questions = body.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);
        string[] contractIds =
        [
            "age", "height-cm", "weight-kg", "pain-type", "pain-severity", "pain-location", "onset", "duration", "pain-triggers",
            "injury", "swelling", "swelling-onset", "stiffness", "mechanical", "cannot-bear-weight", "calf-signs", "clot-risk",
            "fever", "hot-red-knee", "foot-signs", "breathless-or-chest-pain", "calf-cramp-on-exertion", "deformity",
            "training-change", "tight-muscles", "history",
        ];
        Assert.All(contractIds, id => Assert.True(questions.ContainsKey(id), $"The questionnaire lacks '{id}'."));
        Assert.Equal("int", questions["age"].GetProperty("type").GetString());
        Assert.True(questions["age"].GetProperty("required").GetBoolean());
        Assert.Equal("bool", questions["fever"].GetProperty("type").GetString());
        Assert.Equal("one", questions["pain-type"].GetProperty("type").GetString());
        var locations = questions["pain-location"];
        Assert.Equal("many", locations.GetProperty("type").GetString());
        Assert.Contains(locations.GetProperty("options").EnumerateArray(), o => o.GetProperty("value").GetString() == "back-center" && o.GetProperty("label").GetString()!.Length > 0);
        Assert.True(questions["pain-type"].TryGetProperty("text", out _) && questions["pain-type"].TryGetProperty("help", out _));
    }

    [Fact]
    public async Task PostingValidAnswersReturns201WithLocationAndTheAssessment()
    {
        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body.GetProperty("id").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{22,}$", id);
        Assert.Equal($"/results/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/results/{id}", body.GetProperty("resultUrl").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", body.GetProperty("createdAt").GetString()!);
        Assert.Equal("self-care", body.GetProperty("urgency").GetString());
        Assert.False(body.GetProperty("seeClinician").GetBoolean());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("redFlags").ValueKind);
        var causes = body.GetProperty("likelyCauses").EnumerateArray().ToList();
        Assert.InRange(causes.Count, 1, 5);
        Assert.Equal("hamstring-tendinopathy", causes[0].GetProperty("id").GetString());
        Assert.All(causes, c =>
        {
            Assert.InRange(c.GetProperty("probability").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.StartsWith("/article/", c.GetProperty("learnMore").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, c.GetProperty("reasons").ValueKind);
        });
        var probabilities = causes.Select(c => c.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.Equal(38, body.GetProperty("answers").GetProperty("age").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("deleteKey").GetString()));
    }

    [Fact]
    public async Task ReadingAnAssessmentGivesTheSameBodyWithoutTheDeleteKey()
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var createdBody = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject();

        using var response = await client.GetAsync($"/api/assessments/{createdBody["id"]}");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.ContainsKey("deleteKey"), "The delete key was shown again.");
        createdBody.Remove("deleteKey");
        Assert.True(JsonNode.DeepEquals(createdBody, body), "GET answered a different assessment from the one POST returned.");
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("%27%20OR%201%3D1")]
    public async Task AnUnknownOrMalformedIdGetsTheSame404Problem(string id)
    {
        using var response = await factory.CreatePlainClient().GetAsync($"/api/assessments/{id}");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No assessment with this id", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeletingWithTheRightKeyRemovesTheAssessmentEverywhere()
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(created);
        var id = body.GetProperty("id").GetString()!;

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{id}");
        delete.Headers.Add("X-Delete-Key", body.GetProperty("deleteKey").GetString());
        using var deleted = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await factory.IsStoredAsync(id), "The row is still in the database.");
        using var api = await client.GetAsync($"/api/assessments/{id}");
        using var page = await client.GetAsync($"/results/{id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    [InlineData(null)]
    public async Task DeletingWithAWrongOrMissingKeyIs404AndKeepsTheAssessment(string? key)
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{id}");
        if (key is not null)
        {
            delete.Headers.TryAddWithoutValidation("X-Delete-Key", key);
        }

        using var response = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.IsStoredAsync(id), "A wrong key deleted the assessment.");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpoints()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/openapi/v1.json");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = body.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/questionnaire", out _), "OpenAPI lacks /api/questionnaire.");
        Assert.True(paths.TryGetProperty("/api/assessments", out var assessments) && assessments.TryGetProperty("post", out _), "OpenAPI lacks POST /api/assessments.");
        Assert.True(paths.TryGetProperty("/api/assessments/{id}", out var one) && one.TryGetProperty("delete", out _), "OpenAPI lacks DELETE /api/assessments/{id}.");
    }

    [Fact]
    public async Task TheApiPageShowsCurlExamplesAndLinksTheOpenApiDocument()
    {
        var page = await Infrastructure.HtmlPage.LoadAsync(factory.CreatePlainClient(), "/api-docs");

        var examples = string.Join("\n", page.Document.QuerySelectorAll("pre code").Select(c => c.TextContent));
        Assert.Contains("curl", examples, StringComparison.Ordinal);
        Assert.Contains("/api/assessments", examples, StringComparison.Ordinal);
        Assert.Contains("X-Delete-Key", examples, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='/openapi/v1.json']"));
    }
}
