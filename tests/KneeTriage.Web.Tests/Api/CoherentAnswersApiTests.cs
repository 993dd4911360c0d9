using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// Answers that contradict each other, and numbers that are not written as integers, get the
/// contract's 400 problem with errors keyed by question id; nothing is stored.
/// </summary>
public sealed class CoherentAnswersApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static JsonObject ValidAnswersWith(string overrides)
    {
        var answers = ApiClient.ValidAnswers();
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            if (value is null)
            {
                answers.Remove(key);
            }
            else
            {
                answers[key] = value.DeepClone();
            }
        }

        return answers;
    }

    [Fact]
    public async Task NoPainWithASeverityOfThreeGets400NamingBothAnswersUnderBothIds()
    {
        var answers = ValidAnswersWith("""{"pain-type": "none", "pain-severity": 3, "pain-location": null, "pain-triggers": null}""");

        var errors = await PostExpectingProblemAsync(answers, "no pain, severity 3");

        Assert.Equal(["pain-severity", "pain-type"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var underType = Assert.Single(errors.GetProperty("pain-type").EnumerateArray()).GetString();
        var underSeverity = Assert.Single(errors.GetProperty("pain-severity").EnumerateArray()).GetString();
        Assert.Equal(underType, underSeverity);
        Assert.Contains("'I have no pain'", underType, StringComparison.Ordinal);
        Assert.Contains("a pain severity of 3 out of 10", underType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pain-type": "none", "pain-severity": 0, "pain-triggers": null}""", "pain-location")]
    [InlineData("""{"pain-type": "none", "pain-severity": 0, "pain-location": null}""", "pain-triggers")]
    [InlineData("""{"pain-severity": 0}""", "pain-severity")]
    public async Task EveryShippedContradictionIsA400UnderBothQuestions(string overrides, string other)
    {
        var errors = await PostExpectingProblemAsync(ValidAnswersWith(overrides), overrides);

        Assert.True(errors.TryGetProperty("pain-type", out _), $"{overrides}: no error under 'pain-type' in {errors}.");
        Assert.True(errors.TryGetProperty(other, out _), $"{overrides}: no error under '{other}' in {errors}.");
    }

    [Fact]
    public async Task NoPainWithSeverityZeroAndNoPlaceIsAccepted()
    {
        var answers = ValidAnswersWith("""{"pain-type": "none", "pain-severity": 0, "pain-location": [], "pain-triggers": []}""");

        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), answers);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("12.0")]
    [InlineData("1.2e1")]
    [InlineData("12e0")]
    public async Task AnAgeWrittenAsADecimalGets400SayingAWholeNumberIsAccepted(string age)
    {
        var body = new JsonObject { ["answers"] = ValidAnswersWith($$"""{"age": {{age}}}""") }.ToJsonString();
        Assert.Contains($"\"age\":{age}", body, StringComparison.Ordinal);

        var errors = await PostExpectingProblemAsync(body, $"age {age}");

        var message = Assert.Single(errors.GetProperty("age").EnumerateArray()).GetString();
        Assert.Contains($"{age} is not written as a whole number", message, StringComparison.Ordinal);
        Assert.Contains("a whole number from 12 to 100", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgeOfTwelveIsAccepted()
    {
        var before = await factory.StoredCountAsync();

        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), ValidAnswersWith("""{"age": 12}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(12, (await ApiClient.JsonAsync(response)).GetProperty("answers").GetProperty("age").GetInt32());
        Assert.Equal(before + 1, await factory.StoredCountAsync());
    }

    private Task<JsonElement> PostExpectingProblemAsync(JsonObject answers, string @case) =>
        PostExpectingProblemAsync(new JsonObject { ["answers"] = answers }.ToJsonString(), @case);

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
}
