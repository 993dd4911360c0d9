using KneeTriage.Triage.Engine;
using KneeTriage.Web.Progress;
using Microsoft.OpenApi;
using static KneeTriage.Web.Api.SchemaProperties;

namespace KneeTriage.Web.Api;

/// <summary>
/// What the assessment bodies' types cannot tell the OpenAPI document: the urgency, disposition and
/// band values, the ranges, and what the answers and follows hold. A schema fuzzer needs these to
/// send anything the API accepts. The endpoints that take or send the bodies declare them.
/// </summary>
public static class AssessmentSchemas
{
    private const string StoredAnswersName = "StoredAnswers";

    private static readonly string[] UrgencyIds = [.. Enum.GetValues<Urgency>().Select(u => u.ToContractId())];

    private static readonly string[] DispositionValues = [.. Enum.GetValues<Disposition>().OrderDescending().Select(d => d.ToContractId())];

    private static readonly string[] BandValues = [.. Enum.GetValues<CauseBand>().Select(b => b.ToContractId())];

    /// <summary>POST /api/assessments's body: what follows holds (its answers come from the knowledge base, in <see cref="ApiDocumentTransformers"/>).</summary>
    public static RouteHandlerBuilder WithAssessmentRequestSchema(this RouteHandlerBuilder builder) =>
        builder.WithBodySchema<AssessmentRequest>((request, _) =>
            request.Properties![JsonName(nameof(AssessmentRequest.Follows))] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "Optional: the id of an earlier assessment of the same runner (a follow-up check). Send that assessment's deleteKey "
                    + "in the X-Delete-Key header; the new assessment joins its series. A wrong key, or an unknown or malformed id, gets 404 and nothing is stored.",
            });

    /// <summary>The assessment body and the bodies inside it, as the API sends them.</summary>
    public static RouteHandlerBuilder WithAssessmentBodySchema(this RouteHandlerBuilder builder) => builder
        .WithBodySchema<AssessmentBody>(DescribeAssessment)
        .WithSeriesEntrySchema()
        .WithBodySchema<RedFlagBody>((flag, _) => flag.AllowOnly(JsonName(nameof(RedFlagBody.Urgency)), UrgencyIds))
        .WithBodySchema<LikelyCauseBody>((cause, _) => DescribeCause(cause));

    /// <summary>One check of a series: the assessment body's and a board athlete's.</summary>
    public static RouteHandlerBuilder WithSeriesEntrySchema(this RouteHandlerBuilder builder) =>
        builder.WithBodySchema<SeriesEntryBody>((entry, _) =>
        {
            entry.Description = "One check of the runner's series: its id (the result is at /results/{id}), when, the urgency, the pain-severity answer and the most likely cause's condition id.";
            entry.AllowOnly(JsonName(nameof(SeriesEntryBody.Urgency)), UrgencyIds);
            entry.Bound(JsonName(nameof(SeriesEntryBody.PainSeverity)), "0", "10");
        });

    /// <summary>A board athlete's latest check has the assessment's urgency values.</summary>
    public static void AllowUrgencies(this OpenApiSchema schema, string property) => schema.AllowOnly(property, UrgencyIds);

    private static void DescribeAssessment(OpenApiSchema body, OpenApiDocument document)
    {
        // As stored: a result keeps the answers it was made from, even after the knowledge base changes.
        document.AddComponent<IOpenApiSchema>(StoredAnswersName, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"The answers the result was made from, keyed by question id, as they were stored (see {AnswersSchema.Name} for today's questions).",
            AdditionalProperties = new OpenApiSchema(),
        });
        body.Properties![JsonName(nameof(AssessmentBody.Answers))] = new OpenApiSchemaReference(StoredAnswersName, document);
        body.AllowUrgencies(JsonName(nameof(AssessmentBody.Urgency)));

        // Contract v1.2's fields: the disposition and the contract version.
        body.AllowOnly(JsonName(nameof(AssessmentBody.Disposition)), DispositionValues);
        body.Describe(JsonName(nameof(AssessmentBody.Disposition)),
            "The one action the result leads with. call-emergency-number and go-to-emergency-department are the two kinds of emergency "
            + "(a call wins when rules of both kinds are raised; the other is a lift to an emergency department), same-day is urgent, "
            + "book-appointment is see-clinician. A result stored before v1.2 has it derived from its stored urgency and red flags.");
        body.Describe(JsonName(nameof(AssessmentBody.ContractVersion)),
            "\"1.2\" on every result made under contract v1.2, so a reader knows which meaning each id had; absent on a result stored before v1.2.");
    }

    private static void DescribeCause(OpenApiSchema cause)
    {
        var probability = JsonName(nameof(LikelyCauseBody.Probability));
        cause.Bound(probability, "0", "1");
        cause.Describe(probability, "Between 0 and 1, kept for v1 clients. Show people the band, never a percentage: a percentage reads as a diagnosis, or as ruled out.");
        cause.AllowOnly(JsonName(nameof(LikelyCauseBody.Band)), BandValues);
        cause.Describe(JsonName(nameof(LikelyCauseBody.Band)),
            "rule-out-now: named by a raised urgent or emergency warning rule, whatever its probability; fits-best: the first other cause; also-possible: the rest. "
            + "A result stored before v1.2 has its bands derived from its stored red flags and order.");
    }
}
