using System.Text.Json.Nodes;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Progress;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>
/// What the generated OpenAPI document cannot know from the endpoints' types: the answers schema
/// from the knowledge base, the urgency values, the 201's Location header, the delete key being
/// required (and optional on POST, where it goes with follows), the rate limit's 429, and examples. A schema fuzzer needs these to send anything the
/// API accepts.
/// </summary>
public static class ApiDocumentTransformers
{
    private const string StoredAnswersName = "StoredAnswers";

    private static readonly string[] UrgencyIds = [.. Enum.GetValues<Urgency>().Select(u => u.ToContractId())];

    private static readonly string[] DispositionValues = [.. Enum.GetValues<Disposition>().OrderDescending().Select(d => d.ToContractId())];

    private static readonly string[] BandValues = [.. Enum.GetValues<CauseBand>().Select(b => b.ToContractId())];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeAnswers);
        options.AddOperationTransformer(DescribeOperation);
    }

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
        var reference = new OpenApiSchemaReference(AnswersSchema.Name, document);

        if (document.Components.Schemas.TryGetValue(nameof(AssessmentRequest), out var request) && request is OpenApiSchema requestSchema)
        {
            requestSchema.Properties![Property(nameof(AssessmentRequest.Answers))] = reference;
            requestSchema.Required = new HashSet<string>(StringComparer.Ordinal) { Property(nameof(AssessmentRequest.Answers)) };
            requestSchema.Examples = [new JsonObject { ["answers"] = answers.Examples?[0].DeepClone() }];
            requestSchema.Properties[Property(nameof(AssessmentRequest.Follows))] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "Optional: the id of an earlier assessment of the same runner (a follow-up check). Send that assessment's deleteKey "
                    + "in the X-Delete-Key header; the new assessment joins its series. A wrong key, or an unknown or malformed id, gets 404 and nothing is stored.",
            };
        }

        if (document.Components.Schemas.TryGetValue(nameof(AssessmentBody), out var body) && body is OpenApiSchema bodySchema)
        {
            // As stored: a result keeps the answers it was made from, even after the knowledge base changes.
            document.Components.Schemas[StoredAnswersName] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"The answers the result was made from, keyed by question id, as they were stored (see {AnswersSchema.Name} for today's questions).",
                AdditionalProperties = new OpenApiSchema(),
            };
            bodySchema.Properties![Property(nameof(AssessmentBody.Answers))] = new OpenApiSchemaReference(StoredAnswersName, document);
            SetEnum(bodySchema, Property(nameof(AssessmentBody.Urgency)), UrgencyIds);
            DescribeVersionOnePointTwo(bodySchema);
        }

        if (document.Components.Schemas.TryGetValue(nameof(SeriesEntryBody), out var entry) && entry is OpenApiSchema entrySchema)
        {
            entrySchema.Description = "One check of the runner's series: its id (the result is at /results/{id}), when, the urgency, the pain-severity answer and the most likely cause's condition id.";
            SetEnum(entrySchema, Property(nameof(SeriesEntryBody.Urgency)), UrgencyIds);
            if (entrySchema.Properties?.TryGetValue(Property(nameof(SeriesEntryBody.PainSeverity)), out var pain) == true && pain is OpenApiSchema painSchema)
            {
                painSchema.Minimum = "0";
                painSchema.Maximum = "10";
            }
        }

        if (document.Components.Schemas.TryGetValue(nameof(RedFlagBody), out var flag) && flag is OpenApiSchema flagSchema)
        {
            SetEnum(flagSchema, Property(nameof(RedFlagBody.Urgency)), UrgencyIds);
        }

        if (document.Components.Schemas.TryGetValue(nameof(LikelyCauseBody), out var cause) && cause is OpenApiSchema causeSchema)
        {
            if (causeSchema.Properties?.TryGetValue(Property(nameof(LikelyCauseBody.Probability)), out var probability) == true && probability is OpenApiSchema probabilitySchema)
            {
                probabilitySchema.Minimum = "0";
                probabilitySchema.Maximum = "1";
                probabilitySchema.Description = "Between 0 and 1, kept for v1 clients. Show people the band, never a percentage: a percentage reads as a diagnosis, or as ruled out.";
            }

            SetEnum(causeSchema, Property(nameof(LikelyCauseBody.Band)), BandValues);
            Describe(causeSchema, Property(nameof(LikelyCauseBody.Band)),
                "rule-out-now: named by a raised urgent or emergency warning rule, whatever its probability; fits-best: the first other cause; also-possible: the rest. "
                + "A result stored before v1.2 has its bands derived from its stored red flags and order.");
        }

        DescribeBoards(document);
        return Task.CompletedTask;
    }

    /// <summary>The boards' texts and their lengths (after trimming), and the urgency values of a board's checks.</summary>
    private static void DescribeBoards(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        if (schemas.TryGetValue(nameof(Boards.CreateBoardRequest), out var board) && board is OpenApiSchema boardSchema)
        {
            SetLength(boardSchema, "name", Boards.BoardText.MaxBoardName, "The board's name, shown to the coach and to runners who join: one line, no control characters, at most this many characters once trimmed.");
            boardSchema.Examples = [new JsonObject { ["name"] = "Riverside RC juniors" }];
        }

        if (schemas.TryGetValue(nameof(Boards.CreateShareRequest), out var share) && share is OpenApiSchema shareSchema)
        {
            SetLength(shareSchema, "displayName", Boards.BoardText.MaxDisplayName, "The name the coach sees: one line, no control characters, at most this many characters once trimmed.");
            Describe(shareSchema, "showResult", "true lets the coach open the full result (causes and answers). Absent or false (the default, for v1.1 clients too): the board shows urgency, the see-a-clinician flag, the date and the trend only. Sharing again replaces the choice.");
        }

        if (schemas.TryGetValue(nameof(Boards.AthleteBody), out var athlete) && athlete is OpenApiSchema athleteSchema)
        {
            Describe(athleteSchema, "resultShared", "The runner let the coach open the full result. When false, latest.id, latest.resultUrl, latest.topCause and each series entry's id and topCause are null.");
        }

        // SeriesEntryBody, the boards' series too, has its urgency values from the assessment's part above.
        if (schemas.TryGetValue(nameof(Boards.LatestCheckBody), out var check) && check is OpenApiSchema checkSchema)
        {
            SetEnum(checkSchema, Property(nameof(Boards.LatestCheckBody.Urgency)), UrgencyIds);
        }
    }

    private static void SetLength(OpenApiSchema schema, string property, int maxLength, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.MinLength = 1;
            target.MaxLength = maxLength;
            target.Pattern = Boards.BoardText.Pattern;
            target.Description = description;
        }
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        switch (operation.OperationId)
        {
            case "CreateAssessment":
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true)
                {
                    var services = context.ApplicationServices;
                    json.Example = new JsonObject
                    {
                        ["answers"] = AnswersSchema.Example(services.GetRequiredService<KnowledgeBase>(), services.GetRequiredService<AnswerSetValidator>()),
                    };
                }

                foreach (var parameter in operation.Parameters ?? [])
                {
                    if (parameter is OpenApiParameter { Name: "X-Delete-Key" } earlierKey)
                    {
                        earlierKey.Required = false;
                        earlierKey.Description = "Only with follows: the deleteKey of the earlier assessment, proving the caller made it. A wrong or missing key gets 404, like an unknown id.";
                        earlierKey.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                    }
                }

                if (operation.Responses.TryGetValue("404", out var unknownEarlier) && unknownEarlier is OpenApiResponse unknownEarlierResponse)
                {
                    unknownEarlierResponse.Description = "follows names no assessment, or X-Delete-Key is not its key (the same answer for both). Nothing was stored.";
                }

                DescribeCreated(operation, "Stored. The body is the assessment, with the deleteKey (only ever sent here).", "The result page a person can open: /results/{id}.", "^/results/[A-Za-z0-9_-]+$", "/results/q2aN0r5Zk7Wb1xYcD3eF4gHi");
                AcceptIdempotencyKey(operation);

                AddRateLimit(operation);
                break;
            case "GetAssessment":
                AddRateLimit(operation);
                break;
            case "DeleteAssessment":
                RequireDeleteKey(operation, "The deleteKey from the 201 answer that stored the assessment. A wrong or missing key gets 404, like an unknown id.");

                AddRateLimit(operation);
                break;
            case "CreateBoard":
                DescribeCreated(operation, "Made. The body holds the board link, the join link and the deleteKey (only ever sent here).", "The board's private page: /boards/{id}.", "^/boards/[A-Za-z0-9_-]+$", "/boards/q2aN0r5Zk7Wb1xYcD3eF4gHi");
                AcceptIdempotencyKey(operation);
                AddRateLimit(operation);
                break;
            case "CreateShare":
                RequireDeleteKey(operation, "The deleteKey of the result being shared. A wrong or missing key gets 404, like an unknown id.");
                AcceptIdempotencyKey(operation);
                AddRateLimit(operation);
                break;
            case "DeleteBoard":
                RequireDeleteKey(operation, "The deleteKey from the 201 answer that made the board. A wrong or missing key gets 404, like an unknown id.");
                AddRateLimit(operation);
                break;
            case "DeleteShare":
                RequireDeleteKey(operation, "The deleteKey of any result in the shared series (the runner), or the board's deleteKey (the coach). A wrong or missing key gets 404.");
                AddRateLimit(operation);
                break;
            case "GetBoard":
                AddRateLimit(operation);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>Contract v1.2 "Safe retries" (Api/IdempotentRequest): the header, its 400 and 422, and the 503's Retry-After.</summary>
    private static void AcceptIdempotencyKey(OpenApiOperation operation)
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
    }

    private static void RequireDeleteKey(OpenApiOperation operation, string description)
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
    }

    private static void DescribeCreated(OpenApiOperation operation, string description, string location, string pattern, string example)
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
    }

    /// <summary>Storing and looking up results and boards are limited per client (Security/RateLimitPolicies.cs).</summary>
    internal static void AddRateLimit(OpenApiOperation operation) =>
        operation.Responses!["429"] = new OpenApiResponse
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

    /// <summary>Contract v1.2's fields of the assessment body: the disposition and the contract version.</summary>
    private static void DescribeVersionOnePointTwo(OpenApiSchema bodySchema)
    {
        SetEnum(bodySchema, Property(nameof(AssessmentBody.Disposition)), DispositionValues);
        Describe(bodySchema, Property(nameof(AssessmentBody.Disposition)),
            "The one action the result leads with. call-emergency-number and go-to-emergency-department are the two kinds of emergency "
            + "(a call wins when rules of both kinds are raised; the other is a lift to an emergency department), same-day is urgent, "
            + "book-appointment is see-clinician. A result stored before v1.2 has it derived from its stored urgency and red flags.");
        Describe(bodySchema, Property(nameof(AssessmentBody.ContractVersion)),
            "\"1.2\" on every result made under contract v1.2, so a reader knows which meaning each id had; absent on a result stored before v1.2.");
    }

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Description = description;
        }
    }

    private static void SetEnum(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    private static string Property(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
