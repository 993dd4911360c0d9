using System.Text.Json;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.ResultPage;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
            .Produces<AssessmentBody>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/assessments/{id}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("A stored assessment (404 for an unknown or malformed id)")
            .Produces<AssessmentBody>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/assessments/{id}", DeleteAsync)
            .WithName("DeleteAssessment")
            .WithSummary("Delete a stored assessment with the deleteKey from its 201 answer")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, AssessmentRecorder recorder, CancellationToken cancellationToken)
    {
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

        var (answers, repeated) = JsonAnswers.Read(answersElement);
        if (repeated.Count > 0)
        {
            return AnswersRejected(repeated);
        }

        switch (await recorder.RecordAsync(answers, cancellationToken))
        {
            case AssessmentRecorded recorded:
                var body = AssessmentBody.From(recorded.Saved.Record, recorded.Result, recorded.Saved.DeleteKey);
                return TypedResults.Created(body.ResultUrl, body);
            case AnswersRejected rejected:
                return AnswersRejected(rejected.Errors);
            case StorageFailed:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The assessment could not be stored",
                    detail: "Nothing was stored. Try again in a moment.");
            case var outcome:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    private static async Task<IResult> GetAsync(string id, AssessmentStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindByTokenAsync(id, cancellationToken);
        return record is null ? NotFound() : TypedResults.Ok(AssessmentBody.From(record));
    }

    private static async Task<IResult> DeleteAsync(
        string id,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        AssessmentStore store,
        CancellationToken cancellationToken)
    {
        return await store.DeleteAsync(id, deleteKey, cancellationToken) ? TypedResults.NoContent() : NotFound();
    }

    /// <summary>The same answer for an unknown id, a malformed id and a wrong delete key: nothing to learn by guessing.</summary>
    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No assessment with this id",
        detail: "The id is unknown, or the assessment was deleted.");

    private static ValidationProblem AnswersRejected(IEnumerable<KeyValuePair<string, string[]>> errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
        title: "Some answers are not accepted",
        detail: "Each entry in errors is keyed by question id and says what is accepted. Nothing was stored.");
}
