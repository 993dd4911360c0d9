using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Api;

/// <summary>Every class of bad input in the contract gets a clear 4xx, nothing is stored, and nothing answers 500.</summary>
public sealed class BadInputTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    public static TheoryData<string, string, string> WrongAnswers => new()
    {
        // case, JSON to merge into valid answers, the question id the error must be keyed by
        { "unknown question id", """{"favourite-colour": "blue"}""", "favourite-colour" },
        { "wrong JSON type: text for a number", """{"age": "34"}""", "age" },
        { "wrong JSON type: number for a yes/no", """{"fever": 0}""", "fever" },
        { "wrong JSON type: list of numbers", """{"pain-location": [1, 2]}""", "pain-location" },
        { "wrong JSON type: object", """{"pain-type": {"value": "sharp"}}""", "pain-type" },
        { "wrong JSON type: null", """{"fever": null}""", "fever" },
        { "number out of range", """{"age": 7}""", "age" },
        { "number not whole", """{"age": 34.5}""", "age" },
        { "number too large to read", """{"age": 1e400}""", "age" },
        { "unknown option value", """{"pain-type": "stabbing"}""", "pain-type" },
        { "unknown value in a many", """{"pain-location": ["back-center", "elbow"]}""", "pain-location" },
        { "repeated value in a many", """{"pain-location": ["back-center", "back-center"]}""", "pain-location" },
        { "swelling-onset without swelling", """{"swelling-onset": "gradual"}""", "swelling-onset" },
    };

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public async Task WrongAnswersGet400ProblemDetailsKeyedByQuestionIdAndNothingIsStored(string @case, string overrides, string questionId)
    {
        var answers = ApiClient.ValidAnswers();
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            answers[key] = value?.DeepClone();
        }

        var errors = await PostExpectingProblemAsync(new JsonObject { ["answers"] = answers }.ToJsonString(), @case);

        Assert.True(errors.TryGetProperty(questionId, out var messages), $"{@case}: no error keyed '{questionId}' in {errors}.");
        Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString()), $"{@case}: an empty message."));
    }

    [Theory]
    [InlineData("age")]
    [InlineData("pain-type")]
    [InlineData("fever")]
    public async Task AMissingRequiredAnswerGets400KeyedByItsId(string questionId)
    {
        var answers = ApiClient.ValidAnswers();
        answers.Remove(questionId);

        var errors = await PostExpectingProblemAsync(new JsonObject { ["answers"] = answers }.ToJsonString(), $"missing {questionId}");

        Assert.True(errors.TryGetProperty(questionId, out _), $"No error keyed '{questionId}' in {errors}.");
    }

    [Fact]
    public async Task PainLocationIsRequiredUnlessThereIsNoPain()
    {
        var answers = ApiClient.ValidAnswers();
        answers.Remove("pain-location");

        var errors = await PostExpectingProblemAsync(new JsonObject { ["answers"] = answers }.ToJsonString(), "no pain-location");

        Assert.True(errors.TryGetProperty("pain-location", out _), $"No error keyed 'pain-location' in {errors}.");
    }

    [Fact]
    public async Task AQuestionAnsweredTwiceIsRejected()
    {
        var body = """{"answers": {"age": 30, "age": 40}}""";

        var errors = await PostExpectingProblemAsync(body, "age twice");

        Assert.True(errors.TryGetProperty("age", out _));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"answers": [1, 2]}""")]
    [InlineData("""{"answers": "age=34"}""")]
    [InlineData("42")]
    public async Task ABodyWithoutAnAnswersObjectGets400(string body)
    {
        var errors = await PostExpectingProblemAsync(body, body);

        Assert.True(errors.TryGetProperty("answers", out _), $"No error keyed 'answers' in {errors}.");
    }

    [Theory]
    [InlineData("{\"answers\": {\"age\": 34")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"answers\": {'age': 34}}")]
    public async Task MalformedJsonGets400AndNothingIsStored(string body)
    {
        var before = await factory.StoredCountAsync();

        using var response = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task InvalidUtf8InsideAStringGets400RatherThanAnError()
    {
        byte[] body = [.. "{\"answers\": {\"pain-type\": \""u8, 0xC3, 0x28, .. "\"}}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await factory.CreatePlainClient().PostAsync("/api/assessments", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeeplyNestedJsonGets400RatherThanAnError()
    {
        var body = "{\"answers\": {\"age\": " + new string('[', 5000) + new string(']', 5000) + "}}";

        using var response = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOver32KiBGets413AndNothingIsStored()
    {
        var before = await factory.StoredCountAsync();
        var answers = ApiClient.ValidAnswers();
        answers["padding"] = new string('x', 33 * 1024);

        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), answers);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task A32KiBBodyWithoutContentLengthIsStillLimited()
    {
        var answers = ApiClient.ValidAnswers();
        answers["padding"] = new string('x', 40 * 1024);
        var bytes = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["answers"] = answers }.ToJsonString());
        using var content = new StreamContent(new ChunkedStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task AnotherContentTypeGets415AndNothingIsStored(string contentType)
    {
        var before = await factory.StoredCountAsync();
        var body = new JsonObject { ["answers"] = ApiClient.ValidAnswers() }.ToJsonString();

        using var response = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task ARequestWithoutAContentTypeGets415()
    {
        using var content = new ByteArrayContent("{\"answers\": {}}"u8.ToArray());

        using var response = await factory.CreatePlainClient().PostAsync("/api/assessments", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<JsonElement> PostExpectingProblemAsync(string body, string @case)
    {
        var before = await factory.StoredCountAsync();

        using var response = await ApiClient.PostRawAsync(factory.CreatePlainClient(), body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{@case}: expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.StoredCountAsync());
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone();
    }

    /// <summary>A stream with no known length, so the request goes out chunked without Content-Length.</summary>
    private sealed class ChunkedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
