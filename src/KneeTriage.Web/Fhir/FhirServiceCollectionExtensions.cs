using Microsoft.AspNetCore.OpenApi;

namespace KneeTriage.Web.Fhir;

public static class FhirServiceCollectionExtensions
{
    /// <summary>The FHIR export's questionnaire (made on first request) and its place in the OpenAPI document.</summary>
    public static IServiceCollection AddFhirExport(this IServiceCollection services)
    {
        services.AddSingleton<FhirQuestionnaireDocument>();
        // Added to the API's one document ("v1"), beside Api/ApiDocumentTransformers.
        services.Configure<OpenApiOptions>("v1", FhirApiDocument.Configure);
        return services;
    }
}
