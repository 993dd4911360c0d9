using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// The JSON envelope is read as strictly as the answers inside it: a top-level key sent twice is a
/// 400 problem naming it (the last used to win, so <c>{"follows": id, "follows": null}</c> was
/// stored unlinked), and a charset other than UTF-8 is a 415 problem naming it (UTF-16 and Latin-1
/// bodies used to be read as UTF-8). Nothing is stored for either, on every JSON endpoint.
/// </summary>
public sealed class EnvelopeProbeTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string Answers = ApiClient.ValidAnswers().ToJsonString();

    public static TheoryData<string, string> RepeatedKeys => new()
    {
        { "/api/assessments", $$"""{"answers": {{Answers}}, "answers": {{Answers}}}""" },
        { "/api/assessments", $$"""{"answers": {}, "answers": {{Answers}}}""" },
        { "/api/assessments", $$"""{"answers": {{Answers}}, "follows": null, "follows": null}""" },
        { "/api/boards", """{"name": "Riverside", "name": "Hillside"}""" },
        { "/api/shares", """{"joinId": "AAAAAAAAAAAAAAAAAAAAAAAA", "resultId": "AAAAAAAAAAAAAAAAAAAAAA", "displayName": "Robin", "displayName": "Sam"}""" },
        { "/api/shares", """{"joinId": "AAAAAAAAAAAAAAAAAAAAAAAA", "joinId": "BBBBBBBBBBBBBBBBBBBBBBBB", "resultId": "AAAAAAAAAAAAAAAAAAAAAA", "displayName": "Robin"}""" },
    };

    [Theory]
    [MemberData(nameof(RepeatedKeys))]
    public async Task ATopLevelKeySentTwiceIsA400NamingItAndNothingIsStored(string path, string body)
    {
        var api = new BoardClient(factory);
        var before = (await StoredResultsAsync(), await api.StoredBoardsAsync(), await api.StoredSharesAsync());
        var repeated = RepeatedKey(body);

        using var response = await api.PostRawAsync(path, body);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem["errors"]?[repeated] is not null, $"the problem does not name '{repeated}': {problem.ToJsonString()}");
        Assert.Equal(before, (await StoredResultsAsync(), await api.StoredBoardsAsync(), await api.StoredSharesAsync()));
    }

    [Fact]
    public async Task AFollowUpWhoseFollowsIsSentTwiceIsRefusedNotStoredUnlinked()
    {
        var api = new BoardClient(factory);
        var earlier = await api.CreateResultAsync();
        var before = await StoredResultsAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/assessments", UriKind.Relative))
        {
            Content = new StringContent($$"""{"follows": "{{earlier.Id}}", "answers": {{Answers}}, "follows": null}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Delete-Key", earlier.DeleteKey);
        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"follows\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredResultsAsync());
    }

    [Theory]
    [InlineData("/api/assessments", "utf-16", "utf-16")]
    [InlineData("/api/assessments", "UTF-16LE", "utf-16")]
    [InlineData("/api/assessments", "latin1", "latin1")]
    [InlineData("/api/assessments", "\"iso-8859-1\"", "iso-8859-1")]
    [InlineData("/api/assessments", "us-ascii", "us-ascii")]
    [InlineData("/api/boards", "utf-16", "utf-16")]
    [InlineData("/api/shares", "windows-1252", "windows-1252")]
    public async Task ACharsetOtherThanUtf8IsA415NamingItAndNothingIsStored(string path, string charset, string named)
    {
        var api = new BoardClient(factory);
        var before = (await StoredResultsAsync(), await api.StoredBoardsAsync());
        var body = path == "/api/assessments" ? $$"""{"answers": {{Answers}}}""" : """{"name": "Riverside"}""";
        var encoding = named == "utf-16" ? Encoding.Unicode : Encoding.Latin1;

        using var content = new ByteArrayContent(encoding.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        using var response = await api.Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await StoredResultsAsync(), await api.StoredBoardsAsync()));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json")]
    public async Task Utf8SaidAnyUsualWayOrNotAtAllIsAccepted(string contentType)
    {
        var api = new BoardClient(factory);

        using var response = await api.PostRawAsync("/api/assessments", $$"""{"answers": {{Answers}}}""", contentType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<int> StoredResultsAsync() => factory.WithDatabaseAsync(db => Task.FromResult(db.Assessments.Count()));

    /// <summary>The first top-level key of <paramref name="body"/> that comes twice.</summary>
    private static string RepeatedKey(string body)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(body));
        while (reader.Read())
        {
            if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.CurrentDepth == 1 && !seen.Add(reader.GetString()!))
            {
                return reader.GetString()!;
            }
        }

        throw new InvalidOperationException($"no key repeats in {body}");
    }
}
