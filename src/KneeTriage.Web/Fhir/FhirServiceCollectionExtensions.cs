namespace KneeTriage.Web.Fhir;

public static class FhirServiceCollectionExtensions
{
    /// <summary>The FHIR export's questionnaire (made on first request); the endpoints describe themselves in the OpenAPI document.</summary>
    public static IServiceCollection AddFhirExport(this IServiceCollection services)
    {
        services.AddSingleton<FhirQuestionnaireDocument>();
        return services;
    }
}
