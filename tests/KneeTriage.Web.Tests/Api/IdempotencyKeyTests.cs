using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Api;

/// <summary>
/// Contract v1.2 "Safe retries": the same Idempotency-Key and body get the first answer again,
/// whole, and nothing is stored twice; another body with the key is 422; a malformed key is 400.
/// </summary>
public sealed class IdempotencyKeyTests : IDisposable
{
    private readonly RateLimitsOffAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string? key, string? deleteKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (deleteKey is not null)
        {
            request.Headers.Add("X-Delete-Key", deleteKey);
        }

        return await client.SendAsync(request);
    }

    private static string Answers() => new JsonObject { ["answers"] = ApiClient.ValidAnswers() }.ToJsonString();

    [Fact]
    public async Task TheSameKeyAndBodyGetTheFirstAnswerWholeDeleteKeyIncludedAndStoreOnce()
    {
        var client = factory.CreatePlainClient();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/assessments", Answers(), key);
        using var again = await PostAsync(client, "/api/assessments", Answers(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.NotNull(JsonNode.Parse(firstBody)!["deleteKey"]);
        Assert.Equal(1, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task TheKeptAnswerIsEncryptedInTheDatabase()
    {
        var client = factory.CreatePlainClient();
        using var first = await PostAsync(client, "/api/assessments", Answers(), "key-" + Guid.NewGuid());
        var deleteKey = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["deleteKey"]!.GetValue<string>();

        var kept = await factory.WithDatabaseAsync(db => db.IdempotentAnswers.SingleAsync());

        Assert.DoesNotContain(deleteKey, kept.ProtectedBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIs422AndStoresNothing()
    {
        var client = factory.CreatePlainClient();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, "/api/assessments", Answers(), key);
        var other = ApiClient.ValidAnswers();
        other["age"] = 39;

        using var reused = await PostAsync(client, "/api/assessments", new JsonObject { ["answers"] = other }.ToJsonString(), key);

        await Refusal.AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "a key reused with another body");
        Assert.Equal(1, await factory.StoredCountAsync());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("caf\u00e9")]
    public async Task AMalformedKeyIs400AndStoresNothing(string key)
    {
        using var response = await PostAsync(factory.CreatePlainClient(), "/api/assessments", Answers(), key);

        await Refusal.AssertProblemAsync(response, HttpStatusCode.BadRequest, "a malformed Idempotency-Key");
        Assert.Equal(0, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task AKeyLongerThan255CharactersIs400()
    {
        using var longest = await PostAsync(factory.CreatePlainClient(), "/api/assessments", Answers(), new string('k', 255));
        using var tooLong = await PostAsync(factory.CreatePlainClient(), "/api/assessments", Answers(), new string('k', 256));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task RequestsRacingWithOneKeyStoreOneResultAndAllGetItsAnswer()
    {
        var client = factory.CreatePlainClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, "/api/assessments", Answers(), key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        Assert.Equal(1, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task ABoardAndAShareWithAKeyAreMadeOnceAndAnsweredTheSameAgain()
    {
        var boards = new BoardClient(factory);
        var key = Guid.NewGuid().ToString();
        var body = new JsonObject { ["name"] = "Riverside RC" }.ToJsonString();

        using var board = await PostAsync(boards.Http, "/api/boards", body, key);
        using var boardAgain = await PostAsync(boards.Http, "/api/boards", body, key);

        Assert.Equal(HttpStatusCode.Created, boardAgain.StatusCode);
        Assert.Equal(await board.Content.ReadAsStringAsync(), await boardAgain.Content.ReadAsStringAsync());
        Assert.Equal(1, await boards.StoredBoardsAsync());

        var joinId = JsonNode.Parse(await board.Content.ReadAsStringAsync())!["joinId"]!.GetValue<string>();
        var result = await boards.CreateResultAsync();
        var share = new JsonObject { ["joinId"] = joinId, ["resultId"] = result.Id, ["displayName"] = "Sam" }.ToJsonString();
        // The same key on another endpoint is another key.
        using var shared = await PostAsync(boards.Http, "/api/shares", share, key, result.DeleteKey);
        using var sharedAgain = await PostAsync(boards.Http, "/api/shares", share, key, result.DeleteKey);
        using var otherProof = await PostAsync(boards.Http, "/api/shares", share, key, "not-the-key");

        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal(await shared.Content.ReadAsStringAsync(), await sharedAgain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherProof.StatusCode);
        Assert.Equal(1, await boards.StoredSharesAsync());
    }

    [Fact]
    public async Task WithoutAKeyEveryPostStoresItsOwnResult()
    {
        var client = factory.CreatePlainClient();
        using var first = await PostAsync(client, "/api/assessments", Answers(), key: null);
        using var second = await PostAsync(client, "/api/assessments", Answers(), key: null);

        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        Assert.Equal(2, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task ASecondSubmitOfTheSameReviewPageShowsTheResultTheFirstMade()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);

        using var first = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        // Another tab's copy of the page, submitted after the first cleared the draft cookie.
        using var second = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.StoredCountAsync());
        // The second answer gives this browser the result's delete key too (the first answer may never have arrived).
        Assert.Contains(second.Headers.GetValues("Set-Cookie"), c => c.StartsWith(KneeTriage.Web.Pages.Results.DeleteKeyCookie.Name + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeptAnswersOlderThanADayArePurgedAndNoLongerHonoured()
    {
        var client = factory.CreatePlainClient();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, "/api/assessments", Answers(), key);

        var purged = await factory.WithDatabaseAsync(db => IdempotentAnswers.PurgeAsync(db, DateTime.UtcNow + TimeSpan.FromHours(24.5), CancellationToken.None));
        using var later = await PostAsync(client, "/api/assessments", Answers(), key);

        Assert.Equal(1, purged);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.NotEqual(first.Headers.Location, later.Headers.Location);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => IdempotentAnswers.PurgeAsync(db, DateTime.UtcNow + TimeSpan.FromHours(23), CancellationToken.None)));
    }
}
