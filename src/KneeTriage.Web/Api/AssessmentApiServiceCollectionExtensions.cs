using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KneeTriage.Web.Api;

public static class AssessmentApiServiceCollectionExtensions
{
    /// <summary>Problem details for API errors and an OpenAPI document describing the endpoints.</summary>
    public static IServiceCollection AddAssessmentApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // The document's title and the answers schema from the knowledge base; each endpoint declares the rest of its contract.
        services.AddOpenApi(ApiDocumentTransformers.Configure);
        // Numbers are numbers: the default web settings also read them from strings, which the
        // document then describes as number-or-string. The API reads its body by hand (JsonBodyReader).
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        // Kestrel reads header values as ASCII or strict UTF-8 and answers any other byte (a delete key
        // with a stray Latin-1 "é", say) with an empty 400 before the app sees the request. Read as
        // UTF-8 with replacement instead, the request reaches the API, which answers such a key like
        // any wrong key: 404 with a problem body. Null bytes and line breaks are still refused.
        services.Configure<KestrelServerOptions>(options => options.RequestHeaderEncodingSelector = static _ => Encoding.UTF8);
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
