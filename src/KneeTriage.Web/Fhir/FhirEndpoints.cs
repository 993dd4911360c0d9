using System.Runtime.CompilerServices;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Api;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.SiteAddress;

namespace KneeTriage.Web.Fhir;

/// <summary>Contract v1.2 "For the clinician": the questionnaire and a stored result as FHIR R4.</summary>
public static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhirExport(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("For the clinician (FHIR R4)");

        api.MapGet("/questionnaire/fhir", GetQuestionnaire)
            .WithName(FhirApiDocument.QuestionnaireOperation)
            .WithSummary("The questions as a FHIR R4 Questionnaire (linkId = question id, answerOption codes = values)")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson.ContentType)
            .AddOpenApiOperationTransformer(FhirApiDocument.DescribeQuestionnaire);

        api.MapGet("/assessments/{id}/fhir", GetAssessmentAsync)
            .WithName(FhirApiDocument.AssessmentOperation)
            .WithSummary("A stored assessment as a FHIR R4 Bundle: its answers and pain scores (404 for an unknown or malformed id)")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(FhirApiDocument.DescribeAssessmentBundle)
            // Looked up by token like GET /api/assessments/{id}, on the same per-client budget.
            .WithRateLimitResponse();

        return endpoints;
    }

    /// <summary>The site-relative address of a result's FHIR bundle, for the result page's link.</summary>
    public static string PathFor(string token) => $"/api/assessments/{token}/fhir";

    // NoInlining on both handlers: the endpoint's compiled delegate would otherwise inline them at
    // start-up, and inlining reaches Firely's types, loading its assemblies into every instance
    // long before a clinician asks for FHIR (decision 0038).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IResult GetQuestionnaire(HttpRequest request, SiteUrls urls, FhirQuestionnaireDocument document) =>
        FhirJson.Result(document.Json(urls.Absolute(request, FhirQuestionnaireBuilder.Path)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<IResult> GetAssessmentAsync(string id, HttpRequest request, AssessmentStore store, KnowledgeBase knowledgeBase, SiteUrls urls, CancellationToken cancellationToken)
    {
        // The same lookup as GET /api/assessments/{id}, so the same 404 for an unknown, deleted or malformed id.
        if (await store.FindByTokenAsync(id, cancellationToken) is not { } record)
        {
            return AssessmentApiEndpoints.NotFound();
        }

        var bundle = FhirAssessmentBundle.Build(record, knowledgeBase, urls.Absolute(request, FhirQuestionnaireBuilder.Path));
        return FhirJson.Result(FhirJson.Serialize(bundle));
    }
}
