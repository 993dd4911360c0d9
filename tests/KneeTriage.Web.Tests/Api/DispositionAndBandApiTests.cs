using System.Net;
using System.Text.Json;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Api;

/// <summary>Contract v1.2 in the API: disposition, bands and contractVersion, and how a result stored before v1.2 reads.</summary>
public sealed class DispositionAndBandApiTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ANewAssessmentCarriesContractVersionDispositionAndABandOnEveryCause()
    {
        var answers = ApiClient.ValidAnswers();
        answers["hot-red-knee"] = true;
        answers["fever"] = true;

        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), answers);
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.2", body.GetProperty("contractVersion").GetString());
        Assert.Equal("emergency", body.GetProperty("urgency").GetString());
        Assert.Equal("go-to-emergency-department", body.GetProperty("disposition").GetString());
        var causes = body.GetProperty("likelyCauses").EnumerateArray().ToList();
        Assert.All(causes, c => Assert.Contains(c.GetProperty("band").GetString(), new[] { "rule-out-now", "fits-best", "also-possible" }));
        Assert.Equal("rule-out-now", causes.Single(c => c.GetProperty("id").GetString() == "septic-arthritis").GetProperty("band").GetString());
        Assert.Single(causes, c => c.GetProperty("band").GetString() == "fits-best");
        Assert.All(causes, c => Assert.InRange(c.GetProperty("probability").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task ReadingItBackGivesTheSameDispositionAndBands()
    {
        var client = factory.CreatePlainClient();
        var answers = ApiClient.ValidAnswers();
        answers["breathless-or-chest-pain"] = true;
        using var posted = await ApiClient.PostAnswersAsync(client, answers);
        var created = await ApiClient.JsonAsync(posted);

        using var read = await client.GetAsync($"/api/assessments/{created.GetProperty("id").GetString()}");
        var body = await ApiClient.JsonAsync(read);

        Assert.Equal("call-emergency-number", body.GetProperty("disposition").GetString());
        Assert.Equal("1.2", body.GetProperty("contractVersion").GetString());
        Assert.Equal(Bands(created), Bands(body));
    }

    [Fact]
    public async Task AResultStoredBeforeVersionOnePointTwoHasItsDispositionAndBandsDerivedAndNoContractVersion()
    {
        var stored = new StoredResult
        {
            Urgency = Urgency.Emergency,
            SeeClinician = true,
            KnowledgeBaseVersion = "before-1.2",
            RedFlags =
            [
                new StoredRedFlag { Id = "suspected-joint-infection", Urgency = Urgency.Emergency, Message = "Old words." },
                new StoredRedFlag { Id = "cold-or-pale-foot", Urgency = Urgency.Emergency, Message = "Old words." },
            ],
            LikelyCauses =
            [
                Cause("septic-arthritis", 0.88),
                Cause("hamstring-tendinopathy", 0.06),
                Cause("popliteal-artery-entrapment", 0.04),
                Cause("calf-strain", 0.02),
            ],
            DoNow = ["Old advice."],
            SelfCare = [],
            ComeBackIf = [],
            Answers = [],
        };
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AssessmentStore>().SaveAsync(
                new AssessmentToStore { KnowledgeBaseVersion = "before-1.2", AnswersJson = "{\"age\":60}", ResultJson = StoredResultJson.Serialize(stored), Urgency = Urgency.Emergency, SeeClinician = true },
                CancellationToken.None);
            token = saved.Record.Token;
        }

        using var response = await factory.CreatePlainClient().GetAsync($"/api/assessments/{token}");
        var body = await ApiClient.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("contractVersion", out _), "A result stored before v1.2 has no contractVersion.");
        // cold-or-pale-foot calls the emergency number now, and a call wins.
        Assert.Equal("call-emergency-number", body.GetProperty("disposition").GetString());
        Assert.Equal(["rule-out-now", "fits-best", "rule-out-now", "also-possible"], Bands(body));
        Assert.Equal(["Old advice."], body.GetProperty("advice").GetProperty("doNow").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesDispositionBandAndContractVersion()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/openapi/v1.json");
        var schemas = (await ApiClient.JsonAsync(response)).GetProperty("components").GetProperty("schemas");

        var body = schemas.GetProperty("AssessmentBody").GetProperty("properties");
        Assert.Equal(
            ["call-emergency-number", "go-to-emergency-department", "same-day", "book-appointment", "self-care"],
            body.GetProperty("disposition").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("absent on a result stored before v1.2", body.GetProperty("contractVersion").GetProperty("description").GetString(), StringComparison.Ordinal);
        var cause = schemas.GetProperty("LikelyCauseBody").GetProperty("properties");
        Assert.Equal(["rule-out-now", "fits-best", "also-possible"], cause.GetProperty("band").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("never a percentage", cause.GetProperty("probability").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static List<string?> Bands(JsonElement body) =>
        [.. body.GetProperty("likelyCauses").EnumerateArray().Select(c => c.GetProperty("band").GetString())];

    private static StoredCause Cause(string id, double probability) => new()
    {
        Id = id,
        Name = id,
        Probability = probability,
        ReasonsFor = [],
        ReasonsAgainst = [],
        LearnMore = $"/article/causes#{id}",
    };
}
