using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using Item = Hl7.Fhir.Model.QuestionnaireResponse.ItemComponent;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// GET /api/assessments/{id}/fhir: a stored result as a FHIR R4 Bundle (collection) holding a
/// QuestionnaireResponse of every stored answer and an Observation for each pain score it has.
/// </summary>
public static class FhirAssessmentBundle
{
    public const string PainLoinc = "72514-3";

    /// <summary>The answers that are 0-10 pain ratings; one missing from a stored result (an older one, say) gives no Observation.</summary>
    public static readonly IReadOnlyList<string> PainScoreIds = ["pain-severity", "pain-next-morning"];

    private const string UnsureNote = " (not sure: treated as yes)";

    /// <summary>A tick-box question's "not sure" was read as its most cautious box, not as a yes (as the clinician summary says).</summary>
    private const string UnsureTickBoxNote = " (not sure: treated as the most cautious choice)";

    /// <param name="questionnaireUrl">The canonical URL of <see cref="FhirQuestionnaireBuilder"/>'s questionnaire.</param>
    public static Bundle Build(StoredAssessment record, KnowledgeBase knowledgeBase, string questionnaireUrl)
    {
        using var answers = JsonDocument.Parse(record.AnswersJson);
        var result = StoredResultJson.Deserialize(record.ResultJson);
        var unsure = result.Unsure ?? [];
        // Kept only for results made through the form since the parts were stored; the others have the merged answer alone.
        var parts = result.Answers.Where(l => l.Parts is { Count: > 0 }).ToDictionary(l => l.QuestionId, l => l.Parts!, StringComparer.Ordinal);
        var authored = new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc)));
        var responseUrl = EntryUrl(record.Token, "questionnaire-response");

        var bundle = new Bundle { Type = Bundle.BundleType.Collection, TimestampElement = new Instant(authored.ToDateTimeOffset(TimeSpan.Zero)) };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = responseUrl,
            Resource = new QuestionnaireResponse
            {
                // The version the result was made with: a later knowledge base may ask differently.
                Questionnaire = $"{questionnaireUrl}|{record.KnowledgeBaseVersion}",
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                AuthoredElement = authored,
                Item = ResponseItems(answers.RootElement, knowledgeBase, unsure, parts),
            },
        });

        foreach (var id in PainScoreIds)
        {
            if (answers.RootElement.TryGetProperty(id, out var score) && score.TryGetInt32(out var value))
            {
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    FullUrl = EntryUrl(record.Token, id),
                    Resource = PainObservation(value, knowledgeBase.FindQuestion(id)?.Text ?? id, authored, responseUrl),
                });
            }
        }

        return bundle;
    }

    /// <summary>The answers grouped by today's steps, as the questionnaire is; answers to questions it no longer has come last, ungrouped.</summary>
    private static List<Item> ResponseItems(JsonElement answers, KnowledgeBase knowledgeBase, IReadOnlyList<string> unsure, Dictionary<string, IReadOnlyList<AnswerPartLine>> parts)
    {
        var stored = answers.EnumerateObject().ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var items = new List<Item>();
        foreach (var step in knowledgeBase.Steps)
        {
            var answered = step.Questions.Where(q => stored.ContainsKey(q.Id)).Select(q => WithParts(AnswerItem(q.Id, stored[q.Id], q, unsure), parts.GetValueOrDefault(q.Id))).ToList();
            if (answered.Count > 0)
            {
                items.Add(new Item { LinkId = step.Id, Text = step.Title, Item = answered });
            }
        }

        var known = knowledgeBase.Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        items.AddRange(stored.Where(a => !known.Contains(a.Key)).Select(a => AnswerItem(a.Key, a.Value, question: null, unsure)));
        return items;
    }

    /// <summary>
    /// One answer. A tick-box answer with nothing ticked keeps its item with no answer, so "none of
    /// these" is not mistaken for a question never asked (a FHIR reader sees it as unanswered).
    /// </summary>
    private static Item AnswerItem(string id, JsonElement value, Question? question, IReadOnlyList<string> unsure) => new()
    {
        LinkId = id,
        Text = (question?.Text ?? id) + (!unsure.Contains(id) ? string.Empty : question?.Type == QuestionType.Many ? UnsureTickBoxNote : UnsureNote),
        Answer = [.. FhirAnswerValues.From(value, question).Select(v => new QuestionnaireResponse.AnswerComponent { Value = v })],
    };

    /// <summary>
    /// The runner's answer to each yes/no part the form asked, nested in the question's one answer as
    /// the questionnaire nests the parts in the question (linkId question.part): the merged answer
    /// alone cannot say which part gave the sign, nor that a part was answered "not sure". A "not
    /// sure" part has no value (FHIR's boolean has no third answer) and says so after its text.
    /// </summary>
    private static Item WithParts(Item item, IReadOnlyList<AnswerPartLine>? parts)
    {
        if (parts is null || item.Answer.Count != 1)
        {
            return item;
        }

        item.Answer[0].Item = [.. parts.Select(part => new Item
        {
            LinkId = $"{item.LinkId}.{part.PartId}",
            Text = part.Answer == PartAnswer.NotSure ? $"{part.Question} ({NotSureWords(part)})" : part.Question,
            Answer = part.Answer == PartAnswer.NotSure ? [] : [new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(part.Answer == PartAnswer.Yes) }],
        })];
        return item;
    }

    private static string NotSureWords(AnswerPartLine part) =>
        part.NotSureReadAsSign ? $"not sure: treated as {(part.SignWhen ? "yes" : "no")}" : "not sure";

    private static Observation PainObservation(int score, string questionText, FhirDateTime when, string responseUrl) => new()
    {
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
        Code = new CodeableConcept("http://loinc.org", PainLoinc, "Pain severity - 0-10 verbal numeric rating [Score] - Reported", questionText),
        Effective = new FhirDateTime(when.Value),
        Value = new Integer(score),
        DerivedFrom = [new ResourceReference(responseUrl)],
    };

    /// <summary>
    /// A urn:uuid made from the result's token and the entry's name: the same download twice gives
    /// the same bundle, and the token cannot be read back from it.
    /// </summary>
    private static string EntryUrl(string token, string entry)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"kneetriage-fhir-entry:{token}:{entry}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) and variant bits, so it is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return $"urn:uuid:{new Guid(bytes, bigEndian: true):D}";
    }
}
