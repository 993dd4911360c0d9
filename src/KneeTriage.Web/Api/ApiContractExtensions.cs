using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>
/// Parts of an endpoint's OpenAPI contract that the generated document cannot know from its types,
/// each declared on the endpoint that has it (an operation transformer in its metadata): the rate
/// limit's 429, a required delete key, the 201's Location header, the Idempotency-Key header, and
/// what a body's type cannot say about its values.
/// </summary>
public static class ApiContractExtensions
{
    /// <summary>Storing and looking up results and boards are limited per client (Infrastructure/Security/RateLimitPolicies.cs).</summary>
    public static RouteHandlerBuilder WithRateLimitResponse(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            operation.Responses["429"] = new OpenApiResponse
            {
                Description = "Too many requests from this client; try again after Retry-After seconds.",
                Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                {
                    ["Retry-After"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                },
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails") },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>The X-Delete-Key header is required, with what it must hold.</summary>
    public static RouteHandlerBuilder WithDeleteKeyRequired(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { Name: "X-Delete-Key" } deleteKey)
                {
                    deleteKey.Required = true;
                    deleteKey.Description = description;
                    deleteKey.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>The 201's description and its Location header: where the made thing can be opened.</summary>
    public static RouteHandlerBuilder WithCreatedLocation(this RouteHandlerBuilder builder, string description, string location, string pattern, string example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse createdResponse)
            {
                createdResponse.Description = description;
                createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                createdResponse.Headers["Location"] = new OpenApiHeader
                {
                    Description = location,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Pattern = pattern },
                    Example = JsonValue.Create(example),
                };
            }

            return Task.CompletedTask;
        });

    /// <summary>Contract v1.2 "Safe retries" (<see cref="IdempotentRequest"/>): the header, its 400 and 422, and the 503's Retry-After.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentRequest.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes a retry safe: within 24 hours the same key with the same body (and X-Delete-Key) gets the first answer again, "
                    + "status and body whole, the deleteKey included, and nothing is stored twice; the same key with another body gets 422. "
                    + "1 to 255 visible ASCII characters (a UUID, say); anything else gets 400.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentRequest.MaxKeyLength, Pattern = "^[!-~]{1,255}$" },
            });
            if (operation.Responses?.TryGetValue("422", out var reused) == true && reused is OpenApiResponse reusedResponse)
            {
                reusedResponse.Description = "The Idempotency-Key was sent with another request within 24 hours. Nothing was stored.";
            }

            if (operation.Responses?.TryGetValue("503", out var unavailable) == true && unavailable is OpenApiResponse unavailableResponse)
            {
                unavailableResponse.Description = "The database could not be reached. Nothing was stored; try again after Retry-After seconds (with the same Idempotency-Key, safely).";
                unavailableResponse.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                unavailableResponse.Headers["Retry-After"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// What the schema of <typeparamref name="T"/>, a body the endpoint takes or sends, cannot say
    /// from the type: allowed values, ranges, descriptions, examples. The schema is one component
    /// shared by every endpoint with the type, so each of them declares the same (the edits repeat
    /// harmlessly) and none depends on another being mapped.
    /// </summary>
    public static RouteHandlerBuilder WithBodySchema<T>(this RouteHandlerBuilder builder, Action<OpenApiSchema, OpenApiDocument> describe) =>
        builder.AddOpenApiOperationTransformer((_, context, _) =>
        {
            var name = typeof(T).Name;
            if (context.Document is not { } document
                || document.Components?.Schemas?.TryGetValue(name, out var found) != true
                || found is not OpenApiSchema schema)
            {
                throw new InvalidOperationException($"{context.Description.HttpMethod} /{context.Description.RelativePath} describes the schema {name}, which is not in the document: does the endpoint take or send a {name}?");
            }

            describe(schema, document);
            return Task.CompletedTask;
        });
}
