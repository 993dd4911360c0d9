using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// What the FHIR routes' 200s hold in the OpenAPI document (a FHIR resource, described by the FHIR
/// specification); each endpoint in <see cref="FhirEndpoints"/> declares its own with these.
/// </summary>
public static class FhirApiDocument
{
    public const string QuestionnaireOperation = "GetFhirQuestionnaire";
    public const string AssessmentOperation = "GetAssessmentFhir";

    public static Task DescribeQuestionnaire(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        Describe200(operation, "Questionnaire", "https://hl7.org/fhir/R4/questionnaire.html",
            "A FHIR R4 Questionnaire generated from the loaded knowledge base: a group per step, an item per question, enableWhen where the form asks a question only after another answer.");
        return Task.CompletedTask;
    }

    public static Task DescribeAssessmentBundle(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        Describe200(operation, "Bundle", "https://hl7.org/fhir/R4/bundle.html",
            "A FHIR R4 Bundle (collection): a QuestionnaireResponse of every stored answer (questionnaire = the canonical URL of GET /api/questionnaire/fhir with the result's knowledge-base version, authored = createdAt) "
            + "and an Observation (LOINC 72514-3) for each pain score the result has (pain-severity, pain-next-morning).");
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
