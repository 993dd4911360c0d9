using System.Net;
using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using ItemType = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType;
using Operator = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemOperator;
using Task = System.Threading.Tasks.Task;

namespace KneeTriage.Web.Tests.Fhir;

/// <summary>GET /api/questionnaire/fhir: the knowledge base as a FHIR R4 Questionnaire a record system can take in.</summary>
public sealed class FhirQuestionnaireTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheQuestionnaireIsFhirJsonWithNoValidationErrorAgainstTheR4BaseProfiles()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/api/questionnaire/fhir");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var questionnaire = FhirR4Validator.Parse<FhirQuestionnaire>(json);
        var errors = FhirR4Validator.Errors(questionnaire);
        Assert.True(errors.Count == 0, $"The questionnaire does not validate:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task TheValidatorReportsErrorsInABrokenQuestionnaire()
    {
        // The validation test above would fail on a real mistake: two items with one linkId (que-2) and no status.
        var questionnaire = await LoadAsync();
        var items = FhirTestData.AllItems(questionnaire.Item).Where(i => i.Type != ItemType.Group).ToList();
        items[1].LinkId = items[0].LinkId;
        questionnaire.Status = null;

        var errors = FhirR4Validator.Errors(questionnaire);

        Assert.True(errors.Count >= 2, $"Expected the duplicate linkId and the missing status, got:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task ThePartsNoteSaysAndForASignThatNeedsEveryPartAndOrOtherwise()
    {
        // A record system read "severe pain for an hour or a tight calf" as the emergency sign; it is both together.
        var items = FhirTestData.AllItems((await LoadAsync()).Item).ToDictionary(i => i.LinkId!);

        var both = items["not-settling-after-run.asked-as"].Text;
        Assert.Contains("\" is answered yes and \"", both, StringComparison.Ordinal);
        Assert.DoesNotContain(" or \"", both, StringComparison.Ordinal);
        Assert.Contains("\" is answered yes or \"", items["hip-or-groin-pain.asked-as"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryQuestionOfTheKnowledgeBaseIsALinkIdWithItsTextTypeAndOptions()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var questionnaire = await LoadAsync();
        var items = FhirTestData.AllItems(questionnaire.Item).ToDictionary(i => i.LinkId!);

        Assert.Equal(knowledgeBase.Version, questionnaire.Version);
        Assert.EndsWith("/api/questionnaire/fhir", questionnaire.Url, StringComparison.Ordinal);
        Assert.Equal(knowledgeBase.Steps.Select(s => s.Id), questionnaire.Item.Select(i => i.LinkId));
        foreach (var question in knowledgeBase.Questions)
        {
            Assert.True(items.TryGetValue(question.Id, out var item), $"No item has linkId '{question.Id}'.");
            Assert.Equal(question.Text, item.Text);
            Assert.Equal(ExpectedType(question.Type), item.Type);
            Assert.Equal(question.Type == QuestionType.Many, item.Repeats == true);
            Assert.Equal(question.Required, item.Required == true);
            Assert.Equal(question.Options.Select(o => (o.Value, o.Label)), item.AnswerOption.Select(o => (FhirTestData.Is<Coding>(o.Value).Code!, FhirTestData.Is<Coding>(o.Value).Display!)));
        }

        var age = items["age"];
        Assert.Equal(knowledgeBase.FindQuestion("age")!.Min, FhirTestData.Is<Integer>(age.GetExtension("http://hl7.org/fhir/StructureDefinition/minValue").Value).Value);
        Assert.Equal(knowledgeBase.FindQuestion("age")!.Max, FhirTestData.Is<Integer>(age.GetExtension("http://hl7.org/fhir/StructureDefinition/maxValue").Value).Value);
    }

    [Fact]
    public async Task AQuestionTheFormAsksOnlyAfterAnotherAnswerHasEnableWhen()
    {
        var items = FhirTestData.AllItems((await LoadAsync()).Item).ToDictionary(i => i.LinkId!);

        // swelling-onset: only when a swelling is ticked.
        var swellingOnset = Assert.Single(items["swelling-onset"].EnableWhen);
        Assert.Equal(("swelling", Operator.Exists, true), (swellingOnset.Question, swellingOnset.Operator!.Value, FhirTestData.Is<FhirBoolean>(swellingOnset.Answer).Value!.Value));

        // cannot-lift-straight-leg: only after an injury.
        var afterInjury = Assert.Single(items["cannot-lift-straight-leg"].EnableWhen);
        Assert.Equal(("injury", Operator.NotEqual, "none"), (afterInjury.Question, afterInjury.Operator!.Value, FhirTestData.Is<Coding>(afterInjury.Answer).Code));

        // bladder-or-saddle: with back pain or a foot sign, so either condition is enough.
        var bladder = items["bladder-or-saddle"];
        Assert.Equal(FhirQuestionnaire.EnableWhenBehavior.Any, bladder.EnableBehavior);
        Assert.Equal(["back-pain", "foot-signs"], bladder.EnableWhen.Select(w => w.Question).Order());

        // A question asked of everyone has none.
        Assert.Empty(items["age"].EnableWhen);
        Assert.All(items.Values.SelectMany(i => i.EnableWhen), w => Assert.True(items.ContainsKey(w.Question!), $"enableWhen names '{w.Question}', which is no item."));
    }

    [Fact]
    public async Task TheFormsYesNoPartsAreNestedUnderTheirQuestion()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var items = FhirTestData.AllItems((await LoadAsync()).Item).ToDictionary(i => i.LinkId!);
        var withParts = knowledgeBase.Questions.Where(q => q.Parts.Count > 0).ToList();

        Assert.NotEmpty(withParts);
        foreach (var question in withParts)
        {
            var children = items[question.Id].Item;
            Assert.Equal(ItemType.Display, children[0].Type);
            Assert.Equal(question.Parts.Select(p => (p.Text, ItemType.Boolean)), children.Skip(1).Select(c => (c.Text!, c.Type!.Value)));
            Assert.Equal(question.Parts.Count(p => p.ShownWhen is not null), children.Skip(1).Count(c => c.EnableWhen.Count > 0));
        }
    }

    private async Task<FhirQuestionnaire> LoadAsync() =>
        FhirR4Validator.Parse<FhirQuestionnaire>(await factory.CreatePlainClient().GetStringAsync("/api/questionnaire/fhir"));

    private static ItemType ExpectedType(QuestionType type) => type switch
    {
        QuestionType.Integer => ItemType.Integer,
        QuestionType.Boolean => ItemType.Boolean,
        QuestionType.One or QuestionType.Many => ItemType.Choice,
        // A type added after the export was written reads as free text (Fhir/README.md).
        _ => ItemType.String,
    };
}
