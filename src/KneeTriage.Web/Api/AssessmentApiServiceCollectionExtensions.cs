namespace KneeTriage.Web.Api;

public static class AssessmentApiServiceCollectionExtensions
{
    /// <summary>Problem details for API errors and an OpenAPI document describing the endpoints.</summary>
    public static IServiceCollection AddAssessmentApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    /// <summary>The API endpoints and the OpenAPI document at /openapi/v1.json.</summary>
    public static WebApplication MapAssessmentApiWithDocument(this WebApplication app)
    {
        app.MapAssessmentApi();
        app.MapOpenApi();
        return app;
    }
}
