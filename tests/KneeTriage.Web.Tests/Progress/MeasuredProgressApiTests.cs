using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// Contract v1.2 "Measured progress" through the JSON API: pain-next-morning and activities are
/// stored and returned, a bad entry is a plain 400 naming it, the series carries painNextMorning and
/// activitiesMean, and the body's trend follows the 2-point rule.
/// </summary>
public sealed class MeasuredProgressApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    internal static JsonArray Activities(params (string Activity, int Score)[] entries) =>
        [.. entries.Select(e => (JsonNode)new JsonObject { ["activity"] = e.Activity, ["score"] = e.Score })];

    internal static JsonObject AnswersWith(int pain, int morning, params (string Activity, int Score)[] activities)
    {
        var answers = ApiClient.ValidAnswers();
        answers["pain-severity"] = pain;
        answers["pain-next-morning"] = morning;
        answers["activities"] = Activities(activities);
        return answers;
    }

    [Fact]
    public async Task ActivitiesAndTheMorningScoreAreStoredAndReturnedAsSent()
    {
        var client = factory.CreatePlainClient();

        var (id, _, body) = await FollowUpApiTests.CreateAsync(client, AnswersWith(4, 3, ("Run 5 km", 2), ("Walk down stairs", 7)));

        var read = await client.GetFromJsonElementAsync($"/api/assessments/{id}");
        foreach (var answers in new[] { body.GetProperty("answers"), read.GetProperty("answers") })
        {
            Assert.Equal(3, answers.GetProperty("pain-next-morning").GetInt32());
            var activities = answers.GetProperty("activities");
            Assert.Equal("Run 5 km", activities[0].GetProperty("activity").GetString());
            Assert.Equal(7, activities[1].GetProperty("score").GetInt32());
        }

        var entry = Assert.Single(read.GetProperty("series").EnumerateArray());
        Assert.Equal(3, entry.GetProperty("painNextMorning").GetInt32());
        Assert.Equal(4.5m, entry.GetProperty("activitiesMean").GetDecimal());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("trend").ValueKind);
    }

    [Fact]
    public async Task AResultWithoutTheNewAnswersHasNullMeasuresInItsSeries()
    {
        var (_, _, body) = await FollowUpApiTests.CreateAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());

        var entry = Assert.Single(body.GetProperty("series").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("painNextMorning").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("activitiesMean").ValueKind);
    }

    [Theory]
    [InlineData("""[{"activity": "Run", "score": 5}, {"activity": "Squat", "score": 11}]""", "entry 2: score must be 0 to 10")]
    [InlineData("""[{"activity": "Run", "score": 5}, {"activity": "Hop", "score": 5}, {"activity": "Squat", "score": 5}, {"activity": "Kneel", "score": 5}]""", "At most 3 activities")]
    [InlineData("""[{"score": 5}]""", "entry 1: activity is missing")]
    [InlineData("""[{"activity": "Run", "score": "5"}]""", "entry 1: score must be a whole number from 0 to 10")]
    [InlineData("""[{"activity": "Run", "score": 5.0}]""", "entry 1: score must be written as a whole number")]
    [InlineData("""[{"activity": "Run", "score": 5, "when": "today"}]""", "entry 1: 'when' is not a field")]
    [InlineData("""[{"activity": "Run", "score": 5}, 7]""", "entry 2: got a number")]
    [InlineData("""[]""", "give 1 to 3")]
    [InlineData("""{"activity": "Run", "score": 5}""", "This answer cannot be read (a JSON object)")]
    public async Task ABadActivitiesAnswerIsAPlain400NamingTheEntryAndStoresNothing(string activities, string expected)
    {
        var client = factory.CreatePlainClient();
        var answers = ApiClient.ValidAnswers();
        answers["activities"] = JsonNode.Parse(activities);

        using var response = await ApiClient.PostAnswersAsync(client, answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiClient.JsonAsync(response)).GetProperty("errors");
        var message = Assert.Single(errors.EnumerateObject(), e => e.Name == "activities").Value[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AThirdCheckReadsBetterByTheTwoPointRuleAndAOnePointWobbleReadsAboutTheSame()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, AnswersWith(4, 5, ("Run 5 km", 2)));
        using var second = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, AnswersWith(4, 5, ("Run 5 km", 5)));
        var secondBody = await ApiClient.JsonAsync(second);
        using var third = await FollowUpApiTests.PostFollowUpAsync(
            client, secondBody.GetProperty("id").GetString()!, secondBody.GetProperty("deleteKey").GetString()!, AnswersWith(4, 6, ("Run 5 km", 4)));
        var thirdBody = await ApiClient.JsonAsync(third);

        Assert.Equal("better", secondBody.GetProperty("trend").GetString());
        Assert.Equal("about-the-same", thirdBody.GetProperty("trend").GetString());
        Assert.Equal([2m, 5m, 4m], thirdBody.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("activitiesMean").GetDecimal()));
        Assert.Equal([5, 5, 6], thirdBody.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("painNextMorning").GetInt32()));
    }

    [Fact]
    public async Task AFollowUpComparesOnlyTheActivitiesScoredBothTimesOnThePageAndInTheTrend()
    {
        // A physio compares the same activities: three last time (mean 6), one of them this time (2 → 4).
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(client, AnswersWith(4, 5, ("Run 5 km", 2), ("Walk down stairs", 8), ("Squat", 8)));
        using var second = await FollowUpApiTests.PostFollowUpAsync(client, firstId, firstKey, AnswersWith(4, 5, ("Run 5 km", 4)));
        var body = await ApiClient.JsonAsync(second);
        var secondId = body.GetProperty("id").GetString()!;

        var page = await HtmlPage.LoadAsync(client, $"/results/{secondId}");
        var changes = page.Document.QuerySelectorAll(".result-progress .progress-changes li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Contains("The activity you scored both times, score 2/10 → 4/10 (higher is better). 2 activities scored only once are left out.", changes);
        Assert.DoesNotContain(changes, line => line.Contains("6/10 → 4/10", StringComparison.Ordinal));
        Assert.Equal("better", body.GetProperty("trend").GetString());
        Assert.Contains("Better", page.Document.QuerySelector(".result-progress .progress-trend")?.TextContent ?? "", StringComparison.Ordinal);
        // The series still shows each check's own average, as scored.
        Assert.Equal([6m, 4m], body.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("activitiesMean").GetDecimal()));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesActivitiesAndTheNewSeriesFields()
    {
        var document = await factory.CreatePlainClient().GetFromJsonElementAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var activities = schemas.GetProperty("Answers").GetProperty("properties").GetProperty("activities");
        Assert.Equal("array", activities.GetProperty("type").GetString());
        Assert.Equal(3, activities.GetProperty("maxItems").GetInt32());
        var item = activities.GetProperty("items");
        Assert.Equal(60, item.GetProperty("properties").GetProperty("activity").GetProperty("maxLength").GetInt32());
        Assert.Equal("10", item.GetProperty("properties").GetProperty("score").GetProperty("maximum").ToString());
        Assert.Equal("integer", schemas.GetProperty("Answers").GetProperty("properties").GetProperty("pain-next-morning").GetProperty("type").GetString());
        var entry = schemas.GetProperty("SeriesEntryBody").GetProperty("properties");
        Assert.True(entry.TryGetProperty("painNextMorning", out _));
        Assert.True(entry.TryGetProperty("activitiesMean", out _));
    }

    [Fact]
    public async Task TheQuestionnaireListsTheActivitiesType()
    {
        var questionnaire = await factory.CreatePlainClient().GetFromJsonElementAsync("/api/questionnaire");

        var questions = questionnaire.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!, q => q);
        Assert.Equal("activities", questions["activities"].GetProperty("type").GetString());
        Assert.Equal("int", questions["pain-next-morning"].GetProperty("type").GetString());
        Assert.Equal(10, questions["pain-next-morning"].GetProperty("max").GetInt32());
    }
}
