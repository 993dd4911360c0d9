using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.StorageFailures;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Api;

/// <summary>The JSON API of the triage contract: the questionnaire, and storing, reading and deleting assessments.</summary>
public static class AssessmentApiEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Symptom check");

        api.MapGet("/questionnaire", (KnowledgeBase knowledgeBase) => TypedResults.Ok(QuestionnaireBody.From(knowledgeBase)))
            .WithName("GetQuestionnaire")
            .WithSummary("The questions: id, text, help, type, options, required");

        api.MapPost("/assessments", CreateAsync)
            .WithName("CreateAssessment")
            .WithSummary("Assess and store an answer set")
            .Accepts<AssessmentRequest>("application/json")
            .WithAssessmentRequestSchema()
            .Produces<AssessmentBody>(StatusCodes.Status201Created)
            .WithAssessmentBodySchema()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DescribeCreateAsync)
            .WithCreatedLocation("Stored. The body is the assessment, with the deleteKey (only ever sent here).", "The result page a person can open: /results/{id}.", "^/results/[A-Za-z0-9_-]+$", "/results/q2aN0r5Zk7Wb1xYcD3eF4gHi")
            .WithIdempotencyKey()
            .WithRateLimitResponse();

        api.MapGet("/assessments/{id}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("A stored assessment (404 for an unknown or malformed id)")
            .Produces<AssessmentBody>()
            .WithAssessmentBodySchema()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRateLimitResponse();

        api.MapDelete("/assessments/{id}", DeleteAsync)
            .WithName("DeleteAssessment")
            .WithSummary("Delete a stored assessment with the deleteKey from its 201 answer")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDeleteKeyRequired("The deleteKey from the 201 answer that stored the assessment. A wrong or missing key gets 404, like an unknown id.")
            .WithRateLimitResponse();

        return endpoints;
    }

    /// <summary>The request's example answers (from the knowledge base), and X-Delete-Key and 404 as a follow-up check uses them.</summary>
    private static Task DescribeCreateAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
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

        if (operation.Responses?.TryGetValue("404", out var unknownEarlier) == true && unknownEarlier is OpenApiResponse unknownEarlierResponse)
        {
            unknownEarlierResponse.Description = "follows names no assessment, or X-Delete-Key is not its key (the same answer for both). Nothing was stored.";
        }

        return Task.CompletedTask;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        [FromQuery(Name = ApiCountry.QueryName), Description(ApiCountry.Description)] string? country,
        StoredResults results,
        ResultSeries series,
        ResultLinks links,
        CancellationToken cancellationToken)
    {
        // Before the body is read: a country the site does not know stores nothing.
        var (words, countryProblem) = ApiCountry.Read(country);
        if (countryProblem is not null)
        {
            return countryProblem;
        }

        var (idempotent, kept) = await IdempotentRequest.BeginAsync(request, "POST /api/assessments", cancellationToken);
        if (kept is not null)
        {
            return kept;
        }

        var (document, problem) = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // ReadAsync gives either a document or a problem; the problem was returned above.
        using var json = document!;
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("answers", out var answersElement)
            || answersElement.ValueKind != JsonValueKind.Object)
        {
            return AnswersRejected(new Dictionary<string, string[]>
            {
                ["answers"] = ["Send an object with the answers keyed by question id, e.g. {\"answers\": {\"age\": 34, \"pain-location\": [\"back-center\"]}}."],
            });
        }

        // A follow-up: the earlier result must exist and the delete key prove the caller made it.
        // Anything else (wrong key, unknown or malformed id, not a string) is the same 404, nothing stored.
        FollowUp? follows = null;
        if (json.RootElement.TryGetProperty("follows", out var followsElement) && followsElement.ValueKind != JsonValueKind.Null)
        {
            follows = FollowUp.ProvenByKey(followsElement.ValueKind == JsonValueKind.String ? followsElement.GetString() : null, deleteKey);
        }

        var (answers, repeated) = JsonAnswers.Read(answersElement);
        if (repeated.Count > 0)
        {
            return AnswersRejected(repeated);
        }

        if (!JsonAnswers.TryReadUnsure(json.RootElement, out var unsure))
        {
            return AnswersRejected(new Dictionary<string, string[]>
            {
                [Triage.Unsure.UnsureCheck.Key] = ["Send a list of the warning question ids answered 'not sure', e.g. \"unsure\": [\"fever\"], or leave it out."],
            });
        }

        async Task<AssessmentBody> BodyAsync(SavedAssessment saved, StoredResult result)
        {
            var loaded = follows is null
                ? ResultSeries.Alone(saved.Record, result)
                : await series.LoadAsync(saved.Record, result, cancellationToken);
            return AssessmentBody.From(saved.Record, result, loaded.Entries, saved.DeleteKey, links, words);
        }

        // With an Idempotency-Key the answer is made before the commit and kept with the result.
        StoredIdempotentAnswer? keptAnswer = null;
        Func<SavedAssessment, StoredResult, Task<StoredIdempotentAnswer>>? keep = idempotent is null ? null : async (saved, result) =>
        {
            var body = await BodyAsync(saved, result);
            return keptAnswer = idempotent.Keep(StatusCodes.Status201Created, body.ResultUrl, body);
        };
        switch (await results.RecordAsync(answers, unsure, follows, keep, cancellationToken))
        {
            case AssessmentRecorded recorded:
                if (idempotent is not null && keptAnswer is not null)
                {
                    return idempotent.Replay(keptAnswer);
                }

                var body = await BodyAsync(recorded.Saved, recorded.Result);
                return TypedResults.Created(body.ResultUrl, body);
            case AnswersRejected rejected:
                return AnswersRejected(rejected.Errors);
            case EarlierResultNotFound:
                return NotFound();
            case StorageFailed:
                // A request with the same key that won the race stored the one result: its answer.
                return idempotent is not null && await idempotent.AfterFailureAsync(cancellationToken) is { } raced ? raced : StorageUnavailable();
            case var outcome:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    private static async Task<IResult> GetAsync(
        string id,
        [FromQuery(Name = ApiCountry.QueryName), Description(ApiCountry.Description)] string? country,
        AssessmentStore store,
        ResultSeries series,
        KnowledgeBase knowledgeBase,
        ResultLinks links,
        CancellationToken cancellationToken)
    {
        var (words, countryProblem) = ApiCountry.Read(country);
        if (countryProblem is not null)
        {
            return countryProblem;
        }

        var record = await store.FindByTokenAsync(id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var loaded = await series.LoadAsync(record, cancellationToken);
        return TypedResults.Ok(AssessmentBody.From(record, loaded.Entries, knowledgeBase, links, words));
    }

    private static async Task<IResult> DeleteAsync(
        string id,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        StoredResults results,
        CancellationToken cancellationToken) =>
        // The rest of its series stops showing it at once (the owner evicts its cached pages).
        await results.DeleteAsync(id, deleteKey, cancellationToken) is null ? NotFound() : TypedResults.NoContent();

    private static IResult StorageUnavailable() =>
        StorageFailureAnswers.Problem("The assessment could not be stored", "Nothing was stored. Try again in a moment.");

    /// <summary>The same answer for an unknown id, a malformed id and a wrong delete key: nothing to learn by guessing.</summary>
    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No assessment with this id",
        detail: "The id is unknown, or the assessment was deleted.");

    private static ValidationProblem AnswersRejected(IEnumerable<KeyValuePair<string, string[]>> errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        title: "Some answers are not accepted",
        detail: "Each entry in errors is keyed by question id and says what is accepted. Nothing was stored.");
}
