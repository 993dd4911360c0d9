using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// Contract v1.2 through the JSON API: the new questions and values are accepted, bad ones get the
/// same plain 400 as v1's, and the body's "unsure" lists warning questions answered "not sure",
/// read the cautious way and returned with the result.
/// </summary>
public sealed class VersionOnePointTwoApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static JsonObject With(string overrides)
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

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(JsonObject answers, JsonNode? unsure = null)
    {
        var body = new JsonObject { ["answers"] = answers };
        if (unsure is not null)
        {
            body["unsure"] = unsure;
        }

        using var response = await ApiClient.PostRawAsync(factory.CreateClient(), body.ToJsonString());
        return (response.StatusCode, await ApiClient.JsonAsync(response));
    }

    [Fact]
    public async Task EveryNewQuestionAndValueIsAccepted()
    {
        var answers = With("""
            {"side": "left", "back-pain": true, "bladder-or-saddle": false, "both-legs": false, "hip-or-groin-pain": false,
             "run-pattern": "stops-at-set-distance", "blood-thinners": false, "infection-risk": ["gout"], "onset": "over-hours",
             "mechanical": ["catches-then-frees"], "calf-signs": ["hard-or-tight"], "training-change": ["new-to-running"],
             "swelling": ["whole-knee"], "swelling-onset": "within-hours"}
            """);

        var (status, body) = await PostAsync(answers);

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("within-hours", body.GetProperty("answers").GetProperty("swelling-onset").GetString());
        Assert.Equal(["catches-then-frees"], body.GetProperty("answers").GetProperty("mechanical").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task BladderOrSaddleIsAcceptedWithoutBackPainOrAFootSign()
    {
        var (status, body) = await PostAsync(With("""{"bladder-or-saddle": true, "both-legs": true}"""));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
    }

    [Theory]
    [InlineData("""{"side": "middle"}""", "side")]
    [InlineData("""{"back-pain": "yes"}""", "back-pain")]
    [InlineData("""{"run-pattern": ["only-after"]}""", "run-pattern")]
    [InlineData("""{"infection-risk": ["gout", "gout"]}""", "infection-risk")]
    [InlineData("""{"blood-thinners": 1}""", "blood-thinners")]
    [InlineData("""{"onset": "over-days"}""", "onset")]
    [InlineData("""{"calf-signs": ["hard"]}""", "calf-signs")]
    public async Task ABadNewAnswerGetsAPlain400NamingIt(string overrides, string questionId)
    {
        var (status, body) = await PostAsync(With(overrides));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([questionId], body.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task SwellingWithinHoursAfterAnInjuryIsRefusedNamingSwellingOnset()
    {
        var (status, body) = await PostAsync(With("""{"injury": "twist", "onset": "sudden", "swelling": ["whole-knee"], "swelling-onset": "within-hours"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body.GetProperty("errors").GetProperty("swelling-onset")[0].GetString();
        Assert.Contains("Within a few hours, with no injury", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSureOnAYesOrNoQuestionIsStoredAsYesAndListed()
    {
        var (status, body) = await PostAsync(With("""{"fever": null}"""), new JsonArray("fever"));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.True(body.GetProperty("answers").GetProperty("fever").GetBoolean());
        Assert.Equal(["fever"], body.GetProperty("unsure").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("see-clinician", body.GetProperty("urgency").GetString());

        using var read = await factory.CreateClient().GetAsync($"/api/assessments/{body.GetProperty("id").GetString()}");
        Assert.Equal(["fever"], (await ApiClient.JsonAsync(read)).GetProperty("unsure").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task NotSureOnTheFootRaisesWhatAColdFootRaises()
    {
        var (status, body) = await PostAsync(ApiClient.ValidAnswers(), new JsonArray("foot-signs"));

        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("emergency", body.GetProperty("urgency").GetString());
        Assert.Equal(["cold-or-pale"], body.GetProperty("answers").GetProperty("foot-signs").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task AResultWithoutUnsureHasNoUnsureList()
    {
        var (status, body) = await PostAsync(ApiClient.ValidAnswers());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(body.TryGetProperty("unsure", out _));
    }

    [Theory]
    [InlineData("""["age"]""", "'age' is not a warning question")]
    [InlineData("""["no-such-question"]""", "'no-such-question' is not a question of this symptom check")]
    [InlineData("""["fever"]""", "'fever' is listed as not sure but answered false")]
    [InlineData("""["calf-signs", "calf-signs"]""", "'calf-signs' is listed more than once")]
    [InlineData("""{"fever": true}""", "Send a list of the warning question ids")]
    [InlineData("""["fever", 3]""", "Send a list of the warning question ids")]
    public async Task ABadUnsureListGetsAPlain400NamingUnsure(string unsure, string words)
    {
        var before = await factory.StoredCountAsync();

        var (status, body) = await PostAsync(ApiClient.ValidAnswers(), JsonNode.Parse(unsure));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.Equal(["unsure"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(words, errors.GetProperty("unsure")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task TheQuestionnaireMarksWarningQuestionsAndTheFormsParts()
    {
        using var response = await factory.CreateClient().GetAsync("/api/questionnaire");
        var questions = (await ApiClient.JsonAsync(response)).GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!);

        string[] v12 = ["side", "back-pain", "bladder-or-saddle", "both-legs", "hip-or-groin-pain", "run-pattern", "blood-thinners", "infection-risk"];
        Assert.All(v12, id => Assert.True(questions.ContainsKey(id), $"/api/questionnaire lacks {id}"));
        Assert.True(questions["fever"].GetProperty("warning").GetBoolean());
        Assert.False(questions["age"].GetProperty("warning").GetBoolean());
        var parts = questions["cannot-bear-weight"].GetProperty("askedAs").EnumerateArray().ToList();
        Assert.Equal(["Can you take four steps on this leg now?", "Straight after the injury, could you take four steps?"], parts.Select(p => p.GetProperty("text").GetString()));
        Assert.All(parts, p => Assert.Equal("no", p.GetProperty("signWhen").GetString()));
        Assert.Equal("when you have back pain or a foot sign", questions["bladder-or-saddle"].GetProperty("shownWhen").GetString());
        Assert.False(questions["bladder-or-saddle"].TryGetProperty("onlyWhen", out _));
    }

    [Fact]
    public async Task TheOpenApiAnswersSchemaHasTheNewQuestionsAndTheRequestHasUnsure()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var document = await ApiClient.JsonAsync(response);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var answers = schemas.GetProperty("Answers").GetProperty("properties");
        Assert.All(new[] { "side", "back-pain", "bladder-or-saddle", "both-legs", "hip-or-groin-pain", "run-pattern", "blood-thinners", "infection-risk" }, id => Assert.True(answers.TryGetProperty(id, out _), $"Answers schema lacks {id}"));
        Assert.Contains("within-hours", answers.GetProperty("swelling-onset").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("warning question", answers.GetProperty("fever").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(schemas.GetProperty("AssessmentRequest").GetProperty("properties").TryGetProperty("unsure", out _), "The request schema lacks unsure");
    }
}
