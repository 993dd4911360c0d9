using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>GET /api/assessments/{id}/fhir: a stored result as a FHIR R4 Bundle a clinician's record system can take in.</summary>
public sealed class FhirAssessmentTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheBundleIsFhirJsonWithNoValidationErrorAgainstTheR4BaseProfiles()
    {
        var (id, _) = await PostAsync(ApiClient.ValidAnswers());

        using var response = await factory.CreatePlainClient().GetAsync($"/api/assessments/{id}/fhir");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = FhirR4Validator.Parse<Bundle>(json);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var errors = FhirR4Validator.Errors(bundle);
        Assert.True(errors.Count == 0, $"The bundle does not validate:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task TheValidatorReportsErrorsInABrokenBundle()
    {
        // The validation test above would fail on a real mistake: an Observation without its code and a response without its status.
        var (id, _) = await PostAsync(ApiClient.ValidAnswers());
        var bundle = await LoadAsync(id);
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().First().Code = null!;
        bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Status = null;

        var errors = FhirR4Validator.Errors(bundle);

        Assert.True(errors.Count >= 2, $"Expected the missing code and status, got:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task TheResponseHoldsEveryStoredAnswerAndTheyReadBackTheSame()
    {
        var answers = ApiClient.ValidAnswers();
        answers["swelling"] = new JsonArray("lump-behind-knee");
        answers["swelling-onset"] = "gradual";
        answers["history"] = new JsonArray();
        var (id, stored) = await PostAsync(answers);
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();

        var bundle = await LoadAsync(id);
        var response = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single();
        var read = new JsonObject();
        foreach (var item in FhirTestData.AllItems(response.Item))
        {
            if (knowledgeBase.FindQuestion(item.LinkId!) is not { } question)
            {
                continue;
            }

            var values = item.Answer.Select(a => AsJson(a.Value)).ToList();
            read[question.Id] = question.Type == QuestionType.Many ? new JsonArray([.. values]) : Assert.Single(values);
        }

        Assert.True(JsonNode.DeepEquals(stored, read), $"Stored: {stored.ToJsonString()}\nIn the bundle: {read.ToJsonString()}");
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.EndsWith($"/api/questionnaire/fhir|{knowledgeBase.Version}", response.Questionnaire, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthoredIsTheResultsCreatedAt()
    {
        var (id, _) = await PostAsync(ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(await factory.CreatePlainClient().GetAsync($"/api/assessments/{id}"));

        var response = (await LoadAsync(id)).Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single();

        Assert.Equal(body.GetProperty("createdAt").GetDateTime(), response.AuthoredElement!.ToDateTimeOffset(TimeSpan.Zero).UtcDateTime);
    }

    [Fact]
    public async Task ThePainScoreIsAnObservationWithLoinc72514DerivedFromTheResponse()
    {
        var answers = ApiClient.ValidAnswers();
        answers["pain-severity"] = 7;
        var (id, _) = await PostAsync(answers);

        var bundle = await LoadAsync(id);

        var observation = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Observation>());
        var coding = Assert.Single(observation.Code.Coding);
        Assert.Equal(("http://loinc.org", "72514-3"), (coding.System, coding.Code));
        Assert.Equal(7, FhirTestData.Is<Integer>(observation.Value).Value);
        Assert.Equal(ObservationStatus.Final, observation.Status);
        var responseEntry = bundle.Entry.Single(e => e.Resource is QuestionnaireResponse);
        Assert.Equal(responseEntry.FullUrl, Assert.Single(observation.DerivedFrom).Reference);
    }

    [Fact]
    public async Task TheSameResultGivesTheSameBundleEveryTime()
    {
        var (id, _) = await PostAsync(ApiClient.ValidAnswers());
        var client = factory.CreatePlainClient();

        var first = await client.GetStringAsync($"/api/assessments/{id}/fhir");
        var second = await client.GetStringAsync($"/api/assessments/{id}/fhir");

        Assert.Equal(first, second);
        Assert.DoesNotContain(id, first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x")]
    [InlineData("not%20a%20token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnUnknownOrMalformedIdIsTheAssessmentsOwn404(string id)
    {
        var client = factory.CreatePlainClient();

        using var fhir = await client.GetAsync($"/api/assessments/{id}/fhir");
        using var plain = await client.GetAsync($"/api/assessments/{id}");

        Assert.Equal(HttpStatusCode.NotFound, fhir.StatusCode);
        Assert.Equal("application/problem+json", fhir.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.JsonAsync(fhir);
        var plainProblem = await ApiClient.JsonAsync(plain);
        Assert.Equal(plainProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.Equal(plainProblem.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ADeletedResultIs404()
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(created);
        var id = body.GetProperty("id").GetString()!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{id}");
        delete.Headers.Add("X-Delete-Key", body.GetProperty("deleteKey").GetString());
        using var deleted = await client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var fhir = await client.GetAsync($"/api/assessments/{id}/fhir");

        Assert.Equal(HttpStatusCode.NotFound, fhir.StatusCode);
        Assert.Equal("application/problem+json", fhir.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheBundleIsAnsweredLikeTheAssessmentNotStoredNorIndexed()
    {
        var (id, _) = await PostAsync(ApiClient.ValidAnswers());

        using var response = await factory.CreatePlainClient().GetAsync($"/api/assessments/{id}/fhir");

        Assert.True(response.Headers.CacheControl?.NoStore, "A token-bearing answer without no-store.");
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
    }

    private async Task<(string Id, JsonObject StoredAnswers)> PostAsync(JsonObject answers)
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, answers);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return (body["id"]!.GetValue<string>(), body["answers"]!.AsObject());
    }

    private async Task<Bundle> LoadAsync(string id) =>
        FhirR4Validator.Parse<Bundle>(await factory.CreatePlainClient().GetStringAsync($"/api/assessments/{id}/fhir"));

    private static JsonValue? AsJson(DataType? value) => value switch
    {
        FhirBoolean b => JsonValue.Create(b.Value),
        Integer i => JsonValue.Create(i.Value),
        Coding c => JsonValue.Create(c.Code),
        FhirString s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"Unexpected answer type {value?.TypeName}"),
    };
}
