using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Fhir;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>
/// The bundle reads the answers as stored, so answers this knowledge base does not ask (one added on
/// another branch, like pain-next-morning, or one since retired) still reach the clinician.
/// </summary>
public sealed class FhirStoredAnswersTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string QuestionnaireUrl = "https://knee.example/api/questionnaire/fhir";

    [Fact]
    public async Task ANextMorningPainScoreIsASecondLoincObservation()
    {
        var record = await StoredWithAsync(answers => answers["pain-next-morning"] = 3);

        var bundle = FhirAssessmentBundle.Build(record, KnowledgeBase, QuestionnaireUrl);

        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(2, observations.Count);
        Assert.All(observations, o => Assert.Equal("72514-3", Assert.Single(o.Code.Coding).Code));
        Assert.Equal([4, 3], observations.Select(o => FhirTestData.Is<Integer>(o.Value).Value ?? -1));
        Assert.Equal(KnowledgeBase.FindQuestion("pain-next-morning")?.Text ?? "pain-next-morning", observations[1].Code.Text);
        Assert.Empty(FhirR4Validator.Errors(bundle));
    }

    [Fact]
    public async Task AnswersTheKnowledgeBaseDoesNotKnowAreCarriedOverByTheirJsonKind()
    {
        var record = await StoredWithAsync(answers =>
        {
            answers["retired-question"] = "kept-value";
            answers["activities"] = new JsonArray(new JsonObject { ["name"] = "Running downhill", ["score"] = 4 });
        });

        var bundle = FhirAssessmentBundle.Build(record, KnowledgeBase, QuestionnaireUrl);

        var response = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single();
        var items = FhirTestData.AllItems(response.Item).ToDictionary(i => i.LinkId!);
        Assert.Equal("kept-value", FhirTestData.Is<FhirString>(Assert.Single(items["retired-question"].Answer).Value).Value);
        Assert.Contains("Running downhill", FhirTestData.Is<FhirString>(Assert.Single(items["activities"].Answer).Value).Value, StringComparison.Ordinal);
        var errors = FhirR4Validator.Errors(bundle);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public async Task AWarningQuestionAnsweredNotSureSaysSoBesideTheCautiousAnswer()
    {
        var client = factory.CreatePlainClient();
        var answers = ApiClient.ValidAnswers();
        answers["fever"] = true;
        using var created = await ApiClient.PostRawAsync(client, new JsonObject { ["answers"] = answers, ["unsure"] = new JsonArray("fever") }.ToJsonString());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;

        var bundle = FhirR4Validator.Parse<Bundle>(await client.GetStringAsync($"/api/assessments/{id}/fhir"));

        var items = FhirTestData.AllItems(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Item).ToDictionary(i => i.LinkId!);
        Assert.EndsWith("(not sure: treated as yes)", items["fever"].Text, StringComparison.Ordinal);
        Assert.True(FhirTestData.Is<FhirBoolean>(Assert.Single(items["fever"].Answer).Value).Value);
        Assert.DoesNotContain("not sure", items["hot-red-knee"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATickBoxAnsweredNotSureSaysItWasReadAsTheMostCautiousChoiceNotAsYes()
    {
        var client = factory.CreatePlainClient();
        var answers = ApiClient.ValidAnswers();
        answers["calf-signs"] = new JsonArray();
        using var created = await ApiClient.PostRawAsync(client, new JsonObject { ["answers"] = answers, ["unsure"] = new JsonArray("calf-signs") }.ToJsonString());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;

        var bundle = FhirR4Validator.Parse<Bundle>(await client.GetStringAsync($"/api/assessments/{id}/fhir"));

        var items = FhirTestData.AllItems(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Item).ToDictionary(i => i.LinkId!);
        Assert.EndsWith("(not sure: treated as the most cautious choice)", items["calf-signs"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionAskedInPartsCarriesEachPartsAnswerInsideItsOneAnswer()
    {
        // Walked through the form, which keeps the parts: a limp alone, and "not sure" on an hour of
        // severe pain beside "no" to a tight calf (the sign needs both, so its answer is no).
        var runner = factory.CreatePlainClient();
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers
            .With("hip-or-groin-ache", "no").With("new-limp", "yes")
            .With("severe-pain-after-run", "not-sure").With("tight-calf-after-run", "no"));

        var bundle = FhirR4Validator.Parse<Bundle>(await runner.GetStringAsync($"/api/assessments/{resultPath["/results/".Length..]}/fhir"));

        var items = FhirTestData.AllItems(bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Item).ToDictionary(i => i.LinkId!);
        var hip = Assert.Single(items["hip-or-groin-pain"].Answer);
        Assert.True(FhirTestData.Is<FhirBoolean>(hip.Value).Value, "the contract's merged answer stays");
        Assert.Equal(["hip-or-groin-pain.hip-or-groin-ache", "hip-or-groin-pain.new-limp"], hip.Item.Select(i => i.LinkId));
        Assert.False(FhirTestData.Is<FhirBoolean>(Assert.Single(items["hip-or-groin-pain.hip-or-groin-ache"].Answer).Value).Value);
        Assert.True(FhirTestData.Is<FhirBoolean>(Assert.Single(items["hip-or-groin-pain.new-limp"].Answer).Value).Value);
        Assert.False(FhirTestData.Is<FhirBoolean>(Assert.Single(items["not-settling-after-run"].Answer).Value).Value);
        var severe = items["not-settling-after-run.severe-pain-after-run"];
        Assert.Empty(severe.Answer);
        Assert.EndsWith("(not sure)", severe.Text, StringComparison.Ordinal);
        Assert.False(FhirTestData.Is<FhirBoolean>(Assert.Single(items["not-settling-after-run.tight-calf-after-run"].Answer).Value).Value);
        var errors = FhirR4Validator.Errors(bundle);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    private KnowledgeBase KnowledgeBase => factory.Services.GetRequiredService<KnowledgeBase>();

    /// <summary>A real stored result (pain-severity 4) with its answers changed as a later or earlier version might have stored them.</summary>
    private async Task<StoredAssessment> StoredWithAsync(Action<JsonObject> change)
    {
        using var created = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());
        var id = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString()!;
        var stored = await factory.Services.GetRequiredService<AssessmentStore>().FindByTokenAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        var answers = JsonNode.Parse(stored.AnswersJson)!.AsObject();
        change(answers);
        return new StoredAssessment
        {
            Token = stored.Token,
            CreatedAt = stored.CreatedAt,
            KnowledgeBaseVersion = stored.KnowledgeBaseVersion,
            AnswersJson = answers.ToJsonString(),
            ResultJson = stored.ResultJson,
            Urgency = stored.Urgency,
            SeeClinician = stored.SeeClinician,
            SeriesKey = stored.SeriesKey,
            DeleteKeyHash = stored.DeleteKeyHash,
        };
    }
}
