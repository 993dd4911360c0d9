using System.Text.Json.Nodes;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Progress;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>
/// What the generated OpenAPI document cannot know from the assessment API's types: the answers
/// schema from the knowledge base, the urgency, disposition and band values, and examples. A schema
/// fuzzer needs these to send anything the API accepts. Each endpoint declares its own responses and
/// headers where it is mapped (<see cref="ApiContractExtensions"/>); the boards' schemas are
/// described in Boards/BoardApiDocument.
/// </summary>
public static class ApiDocumentTransformers
{
    private const string StoredAnswersName = "StoredAnswers";

    internal static readonly string[] UrgencyIds = [.. Enum.GetValues<Urgency>().Select(u => u.ToContractId())];

    private static readonly string[] DispositionValues = [.. Enum.GetValues<Disposition>().OrderDescending().Select(d => d.ToContractId())];

    private static readonly string[] BandValues = [.. Enum.GetValues<CauseBand>().Select(b => b.ToContractId())];

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer(DescribeAnswers);

    private static Task DescribeAnswers(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "KneeTriage symptom check API";
        document.Info.Description = "The symptom check for pain behind the knee: the questions, and storing, reading and deleting assessments; coach boards that runners share their checks with. It informs; it does not replace a clinician. "
            + "Request bodies are UTF-8 JSON: another charset in Content-Type is 415, and a top-level key sent twice is 400 naming it. "
            + "The Answers schema states the rules between answers (allOf: if/then and not), so an answer set it allows is accepted.";
        var services = context.ApplicationServices;
        var answers = AnswersSchema.Build(services.GetRequiredService<KnowledgeBase>(), services.GetRequiredService<AnswerSetValidator>());
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[AnswersSchema.Name] = answers;
        var reference = new OpenApiSchemaReference(AnswersSchema.Name, document);

        if (document.Components.Schemas.TryGetValue(nameof(AssessmentRequest), out var request) && request is OpenApiSchema requestSchema)
        {
            requestSchema.Properties![Property(nameof(AssessmentRequest.Answers))] = reference;
            requestSchema.Required = new HashSet<string>(StringComparer.Ordinal) { Property(nameof(AssessmentRequest.Answers)) };
            requestSchema.Examples = [new JsonObject { ["answers"] = answers.Examples?[0].DeepClone() }];
            requestSchema.Properties[Property(nameof(AssessmentRequest.Follows))] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "Optional: the id of an earlier assessment of the same runner (a follow-up check). Send that assessment's deleteKey "
                    + "in the X-Delete-Key header; the new assessment joins its series. A wrong key, or an unknown or malformed id, gets 404 and nothing is stored.",
            };
        }

        if (document.Components.Schemas.TryGetValue(nameof(AssessmentBody), out var body) && body is OpenApiSchema bodySchema)
        {
            // As stored: a result keeps the answers it was made from, even after the knowledge base changes.
            document.Components.Schemas[StoredAnswersName] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"The answers the result was made from, keyed by question id, as they were stored (see {AnswersSchema.Name} for today's questions).",
                AdditionalProperties = new OpenApiSchema(),
            };
            bodySchema.Properties![Property(nameof(AssessmentBody.Answers))] = new OpenApiSchemaReference(StoredAnswersName, document);
            SetEnum(bodySchema, Property(nameof(AssessmentBody.Urgency)), UrgencyIds);
            DescribeVersionOnePointTwo(bodySchema);
        }

        if (document.Components.Schemas.TryGetValue(nameof(SeriesEntryBody), out var entry) && entry is OpenApiSchema entrySchema)
        {
            entrySchema.Description = "One check of the runner's series: its id (the result is at /results/{id}), when, the urgency, the pain-severity answer and the most likely cause's condition id.";
            SetEnum(entrySchema, Property(nameof(SeriesEntryBody.Urgency)), UrgencyIds);
            if (entrySchema.Properties?.TryGetValue(Property(nameof(SeriesEntryBody.PainSeverity)), out var pain) == true && pain is OpenApiSchema painSchema)
            {
                painSchema.Minimum = "0";
                painSchema.Maximum = "10";
            }
        }

        if (document.Components.Schemas.TryGetValue(nameof(RedFlagBody), out var flag) && flag is OpenApiSchema flagSchema)
        {
            SetEnum(flagSchema, Property(nameof(RedFlagBody.Urgency)), UrgencyIds);
        }

        if (document.Components.Schemas.TryGetValue(nameof(LikelyCauseBody), out var cause) && cause is OpenApiSchema causeSchema)
        {
            if (causeSchema.Properties?.TryGetValue(Property(nameof(LikelyCauseBody.Probability)), out var probability) == true && probability is OpenApiSchema probabilitySchema)
            {
                probabilitySchema.Minimum = "0";
                probabilitySchema.Maximum = "1";
                probabilitySchema.Description = "Between 0 and 1, kept for v1 clients. Show people the band, never a percentage: a percentage reads as a diagnosis, or as ruled out.";
            }

            SetEnum(causeSchema, Property(nameof(LikelyCauseBody.Band)), BandValues);
            Describe(causeSchema, Property(nameof(LikelyCauseBody.Band)),
                "rule-out-now: named by a raised urgent or emergency warning rule, whatever its probability; fits-best: the first other cause; also-possible: the rest. "
                + "A result stored before v1.2 has its bands derived from its stored red flags and order.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Contract v1.2's fields of the assessment body: the disposition and the contract version.</summary>
    private static void DescribeVersionOnePointTwo(OpenApiSchema bodySchema)
    {
        SetEnum(bodySchema, Property(nameof(AssessmentBody.Disposition)), DispositionValues);
        Describe(bodySchema, Property(nameof(AssessmentBody.Disposition)),
            "The one action the result leads with. call-emergency-number and go-to-emergency-department are the two kinds of emergency "
            + "(a call wins when rules of both kinds are raised; the other is a lift to an emergency department), same-day is urgent, "
            + "book-appointment is see-clinician. A result stored before v1.2 has it derived from its stored urgency and red flags.");
        Describe(bodySchema, Property(nameof(AssessmentBody.ContractVersion)),
            "\"1.2\" on every result made under contract v1.2, so a reader knows which meaning each id had; absent on a result stored before v1.2.");
    }

    internal static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Description = description;
        }
    }

    internal static void SetEnum(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    internal static string Property(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
