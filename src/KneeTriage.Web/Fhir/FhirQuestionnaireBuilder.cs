using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;
using Item = Hl7.Fhir.Model.Questionnaire.ItemComponent;
using ItemType = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// GET /api/questionnaire/fhir: the loaded knowledge base as a FHIR R4 Questionnaire. One group per
/// step of the form, one item per question (linkId = question id, answerOption codes = option
/// values, as contract v1.2 says), the form's yes/no parts nested under their question, and
/// enableWhen where the form asks a question only after another answer.
/// </summary>
public static class FhirQuestionnaireBuilder
{
    public const string Path = "/api/questionnaire/fhir";

    private const string MinValueExtension = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValueExtension = "http://hl7.org/fhir/StructureDefinition/maxValue";

    /// <param name="canonicalUrl">The questionnaire's own address, which each QuestionnaireResponse names.</param>
    public static FhirQuestionnaire Build(KnowledgeBase knowledgeBase, string canonicalUrl) => new()
    {
        Url = canonicalUrl,
        Version = knowledgeBase.Version,
        Name = "KneeTriageSymptomCheck",
        Title = "Symptom check for pain behind the knee",
        Status = PublicationStatus.Active,
        Publisher = "KneeTriage",
        Description = new Markdown("The questions of the KneeTriage symptom check for runners with pain behind the knee, generated from the knowledge base whose version this is. "
            + "Yes/no warning questions may be answered \"not sure\": such an answer is stored as yes, or as the most cautious option of a tick-box question."),
        SubjectType = [ResourceType.Patient],
        Item = [.. knowledgeBase.Steps.Select(step => new Item
        {
            LinkId = step.Id,
            Text = step.Title,
            Type = ItemType.Group,
            Item = [.. step.Questions.Select(QuestionItem)],
        })],
    };

    private static Item QuestionItem(Question question)
    {
        var item = new Item
        {
            LinkId = question.Id,
            Text = question.Text,
            Type = TypeOf(question.Type),
            // A requirement that depends on other answers (requiredWhen) cannot be said in FHIR R4's base: such a question is optional here.
            Required = question.Required,
            Repeats = question.Type == QuestionType.Many ? true : null,
            AnswerOption = [.. question.Options.Select(option => new FhirQuestionnaire.AnswerOptionComponent { Value = new Coding(system: null, code: option.Value, display: option.Label) })],
        };
        if (question.Type == QuestionType.Integer)
        {
            AddLimit(item, MinValueExtension, question.Min);
            AddLimit(item, MaxValueExtension, question.Max);
        }

        // onlyWhen refuses an answer otherwise; shownWhen only decides when the form asks. Either way the form shows it only then.
        if ((question.OnlyWhen ?? question.ShownWhen) is { } dependency)
        {
            FhirEnableWhen.TryApply(item, dependency.When);
        }

        if (question.Parts.Count > 0)
        {
            item.Item = [PartsNote(question), .. question.Parts.Select(part => PartItem(question, part))];
        }

        return item;
    }

    /// <summary>
    /// Says how the parts' answers make the question's one stored answer: any one part's sign, or,
    /// for a sign of two facts asked one at a time (askedAsNeeds: every), all of them.
    /// </summary>
    private static Item PartsNote(Question question) => new()
    {
        LinkId = $"{question.Id}.asked-as",
        Type = ItemType.Display,
        Text = "The form asks the parts below instead of this question. The answer is yes when "
            + string.Join(question.EveryPartNeeded ? " and " : " or ", question.Parts.Select(p => $"\"{p.Text}\" is answered {(p.SignWhen ? "yes" : "no")}"))
            + ".",
    };

    private static Item PartItem(Question question, QuestionPart part)
    {
        var item = new Item { LinkId = $"{question.Id}.{part.Id}", Text = part.Text, Type = ItemType.Boolean };
        if (part.ShownWhen is { } shown)
        {
            FhirEnableWhen.TryApply(item, shown.When);
        }

        return item;
    }

    private static void AddLimit(Item item, string url, int? limit)
    {
        if (limit is { } value)
        {
            item.Extension.Add(new Extension(url, new Integer(value)));
        }
    }

    /// <summary>The contract's int, bool, one and many; a type added later reads as free text rather than failing.</summary>
    private static ItemType TypeOf(QuestionType type) => type switch
    {
        QuestionType.Integer => ItemType.Integer,
        QuestionType.Boolean => ItemType.Boolean,
        QuestionType.One or QuestionType.Many => ItemType.Choice,
        _ => ItemType.String,
    };
}
