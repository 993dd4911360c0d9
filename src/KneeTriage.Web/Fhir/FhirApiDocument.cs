using System.Text.Json.Nodes;
using KneeTriage.Web.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Fhir;

/// <summary>The FHIR routes in the OpenAPI document: what the 200 holds (a FHIR resource, described by the FHIR specification) and the lookup's 429.</summary>
public static class FhirApiDocument
{
    public const string QuestionnaireOperation = "GetFhirQuestionnaire";
    public const string AssessmentOperation = "GetAssessmentFhir";

    public static void Configure(OpenApiOptions options) => options.AddOperationTransformer(Describe);

    private static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (operation.OperationId)
        {
            case QuestionnaireOperation:
                Describe200(operation, "Questionnaire", "https://hl7.org/fhir/R4/questionnaire.html",
                    "A FHIR R4 Questionnaire generated from the loaded knowledge base: a group per step, an item per question, enableWhen where the form asks a question only after another answer.");
                break;
            case AssessmentOperation:
                Describe200(operation, "Bundle", "https://hl7.org/fhir/R4/bundle.html",
                    "A FHIR R4 Bundle (collection): a QuestionnaireResponse of every stored answer (questionnaire = the canonical URL of GET /api/questionnaire/fhir with the result's knowledge-base version, authored = createdAt) "
                    + "and an Observation (LOINC 72514-3) for each pain score the result has (pain-severity, pain-next-morning).");
                // Looked up by token like GET /api/assessments/{id}, on the same per-client budget.
                ApiDocumentTransformers.AddRateLimit(operation);
                break;
        }

        return Task.CompletedTask;
    }

    private static void Describe200(OpenApiOperation operation, string resourceType, string specification, string description)
    {
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [FhirJson.ContentType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = $"A FHIR R4 {resourceType} resource in FHIR's JSON format; the FHIR specification describes its fields.",
                        ExternalDocs = new OpenApiExternalDocs { Url = new Uri(specification) },
                        Required = new HashSet<string>(StringComparer.Ordinal) { "resourceType" },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(resourceType)] },
                        },
                    },
                },
            },
        };
    }
}
