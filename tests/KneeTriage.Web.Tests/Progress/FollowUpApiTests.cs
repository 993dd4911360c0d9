using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// A follow-up check through the JSON API: "follows" with the earlier result's key joins its series;
/// anything else that names an earlier result is the same 404 and stores nothing; every assessment
/// body carries its series.
/// </summary>
public sealed class FollowUpApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task AnAssessmentThatFollowsNothingHasASeriesOfItselfAlone()
    {
        var client = factory.CreatePlainClient();
        var (id, _, body) = await CreateAsync(client, ApiClient.ValidAnswers());

        var series = body.GetProperty("series");
        Assert.Equal(1, series.GetArrayLength());
        var only = series[0];
        Assert.Equal(id, only.GetProperty("id").GetString());
        Assert.Equal(body.GetProperty("createdAt").GetString(), only.GetProperty("createdAt").GetString());
        Assert.Equal(body.GetProperty("urgency").GetString(), only.GetProperty("urgency").GetString());
        Assert.Equal(4, only.GetProperty("painSeverity").GetInt32());
        Assert.Equal(body.GetProperty("likelyCauses")[0].GetProperty("id").GetString(), only.GetProperty("topCause").GetString());
    }

    [Fact]
    public async Task AFollowUpWithTheEarlierKeyJoinsItsSeriesAndBothBodiesListTheSeriesOldestFirst()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        var later = ApiClient.ValidAnswers();
        later["pain-severity"] = 7;

        using var response = await PostFollowUpAsync(client, firstId, firstKey, later);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiClient.JsonAsync(response);
        var secondId = body.GetProperty("id").GetString()!;

        Assert.Equal([firstId, secondId], Ids(body));
        Assert.Equal([4, 7], body.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("painSeverity").GetInt32()));
        var earlier = await client.GetFromJsonElementAsync($"/api/assessments/{firstId}");
        Assert.Equal([firstId, secondId], Ids(earlier));
        var seriesKeys = await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == firstId || a.Token == secondId).Select(a => a.SeriesKey).Distinct().ToListAsync());
        Assert.Equal([firstId], seriesKeys);
    }

    [Fact]
    public async Task AFollowUpOfAFollowUpStaysInTheFirstSeries()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        using var second = await PostFollowUpAsync(client, firstId, firstKey, ApiClient.ValidAnswers());
        var secondBody = await ApiClient.JsonAsync(second);

        using var third = await PostFollowUpAsync(client, secondBody.GetProperty("id").GetString()!, secondBody.GetProperty("deleteKey").GetString()!, ApiClient.ValidAnswers());

        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(3, (await ApiClient.JsonAsync(third)).GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task DeletingAResultRemovesItFromItsSeriesAndTheOthersStay()
    {
        var client = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        using var second = await PostFollowUpAsync(client, firstId, firstKey, ApiClient.ValidAnswers());
        var secondId = (await ApiClient.JsonAsync(second)).GetProperty("id").GetString()!;

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{firstId}");
        delete.Headers.Add("X-Delete-Key", firstKey);
        using var deleted = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var remaining = await client.GetFromJsonElementAsync($"/api/assessments/{secondId}");
        Assert.Equal([secondId], Ids(remaining));
    }

    public static TheoryData<string> HostileFollows() =>
    [
        "\"WRONG-KEY\"",
        "\"UNKNOWN\"",
        "\"../../etc/passwd\"",
        "\"%ZZ\"",
        "\"\"",
        "\"<script>alert(1)</script>\"",
        "42",
        "true",
        "[\"x\"]",
        "{\"id\": \"x\"}",
        "\"BOARD\"",
        "\"JOIN\"",
        "\"OTHER-RUNNER\"",
    ];

    [Theory]
    [MemberData(nameof(HostileFollows))]
    public async Task AFollowsThatIsNotProvenIsTheSame404AndNothingIsStored(string follows)
    {
        var client = factory.CreatePlainClient();
        var (earlierId, earlierKey, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        var (otherId, _, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        var (boardToken, joinToken) = await StoreBoardAsync();
        var key = earlierKey;
        var value = follows switch
        {
            "\"WRONG-KEY\"" => Quote(earlierId),
            "\"UNKNOWN\"" => Quote(ShareToken.Create()),
            "\"BOARD\"" => Quote(boardToken),
            "\"JOIN\"" => Quote(joinToken),
            // Someone else's result, with this runner's own key.
            "\"OTHER-RUNNER\"" => Quote(otherId),
            _ => follows,
        };
        if (follows == "\"WRONG-KEY\"")
        {
            key = DeleteKey.Create();
        }

        var before = await factory.StoredCountAsync();
        var body = $"{{\"follows\": {value}, \"answers\": {ApiClient.ValidAnswers().ToJsonString()}}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Delete-Key", key);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.JsonAsync(response);
        Assert.Equal("No assessment with this id", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task AFollowsWithoutAnyKeyIs404AndNothingIsStored()
    {
        var client = factory.CreatePlainClient();
        var (earlierId, _, _) = await CreateAsync(client, ApiClient.ValidAnswers());
        var before = await factory.StoredCountAsync();

        using var response = await ApiClient.PostRawAsync(client, new JsonObject { ["follows"] = earlierId, ["answers"] = ApiClient.ValidAnswers() }.ToJsonString());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task AFollowsOfNullIsReadAsNoFollowUp()
    {
        var client = factory.CreatePlainClient();

        using var response = await ApiClient.PostRawAsync(client, $"{{\"follows\": null, \"answers\": {ApiClient.ValidAnswers().ToJsonString()}}}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await ApiClient.JsonAsync(response)).GetProperty("series").GetArrayLength());
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string[] Ids(JsonElement body) => [.. body.GetProperty("series").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    private async Task<(string Board, string Join)> StoreBoardAsync()
    {
        var board = new StoredBoard
        {
            Token = ShareToken.Create(),
            JoinToken = ShareToken.Create(),
            Name = "Riverside RC",
            CreatedAt = DateTime.UtcNow,
            LastActivityAt = DateTime.UtcNow,
            DeleteKeyHash = DeleteKey.Hash(DeleteKey.Create()),
        };
        await factory.WithDatabaseAsync(async db =>
        {
            db.Boards.Add(board);
            return await db.SaveChangesAsync();
        });
        return (board.Token, board.JoinToken);
    }

    internal static async Task<(string Id, string DeleteKey, JsonElement Body)> CreateAsync(HttpClient client, JsonObject answers)
    {
        using var response = await ApiClient.PostAnswersAsync(client, answers);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiClient.JsonAsync(response);
        return (body.GetProperty("id").GetString()!, body.GetProperty("deleteKey").GetString()!, body);
    }

    internal static async Task<HttpResponseMessage> PostFollowUpAsync(HttpClient client, string follows, string deleteKey, JsonObject answers)
    {
        var body = new JsonObject { ["follows"] = follows, ["answers"] = answers }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Delete-Key", deleteKey);
        return await client.SendAsync(request);
    }
}

internal static class JsonClientExtensions
{
    public static async Task<JsonElement> GetFromJsonElementAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ApiClient.JsonAsync(response);
    }
}
