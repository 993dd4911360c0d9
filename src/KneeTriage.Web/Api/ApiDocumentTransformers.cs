using System.Text.Json.Nodes;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static KneeTriage.Web.Api.SchemaProperties;

namespace KneeTriage.Web.Api;

/// <summary>
/// What belongs to the OpenAPI document as a whole: its title and description, and the
/// <see cref="AnswersSchema"/> built from the loaded knowledge base, which the assessment request
/// refers to. Everything else is declared by the endpoint that has it (<see cref="ApiContractExtensions"/>,
/// <see cref="AssessmentSchemas"/>, Boards/BoardSchemas).
/// </summary>
public static class ApiDocumentTransformers
{
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

        if (document.Components.Schemas.TryGetValue(nameof(AssessmentRequest), out var request) && request is OpenApiSchema requestSchema)
        {
            var answersProperty = JsonName(nameof(AssessmentRequest.Answers));
            requestSchema.Properties![answersProperty] = new OpenApiSchemaReference(AnswersSchema.Name, document);
            requestSchema.Required = new HashSet<string>(StringComparer.Ordinal) { answersProperty };
            requestSchema.Examples = [new JsonObject { ["answers"] = answers.Examples?[0].DeepClone() }];
        }

        return Task.CompletedTask;
    }
}
