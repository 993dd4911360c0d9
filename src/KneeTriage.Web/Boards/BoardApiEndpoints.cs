using System.Text.Json;
using KneeTriage.Web.Api;
using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.StorageFailures;
using KneeTriage.Web.Pages.Boards;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The coach boards' JSON API: make, read and delete a board; share a series with one and stop
/// sharing. Every id is a capability; an unknown or malformed id and a wrong key get the same 404.
/// </summary>
public static class BoardApiEndpoints
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Coach boards");

        api.MapPost("/boards", CreateBoardAsync)
            .WithName("CreateBoard")
            .WithSummary("Make a coach's board: a private board link, a join link for runners, and a delete key shown once")
            .Accepts<CreateBoardRequest>("application/json")
            .WithCreateBoardRequestSchema()
            .Produces<CreatedBoardBody>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithCreatedLocation("Made. The body holds the board link, the join link and the deleteKey (only ever sent here).", "The board's private page: /boards/{id}.", "^/boards/[A-Za-z0-9_-]+$", "/boards/q2aN0r5Zk7Wb1xYcD3eF4gHi")
            .WithIdempotencyKey()
            .WithRateLimitResponse();

        // From memory while the board exists, like its page (decision 0036).
        api.MapGet("/boards/{id}", GetBoardAsync)
            .CacheOutput(BoardPageCachePolicy.Name)
            .WithName("GetBoard")
            .WithSummary("A board's athletes, those who need a clinician first, then newest first; never answers, and no result id or cause unless the runner chose showResult")
            .Produces<BoardBody>()
            .WithBoardBodySchema()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRateLimitResponse();

        api.MapDelete("/boards/{id}", DeleteBoardAsync)
            .WithName("DeleteBoard")
            .WithSummary("Delete a board with its deleteKey; its join link stops working")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDeleteKeyRequired("The deleteKey from the 201 answer that made the board. A wrong or missing key gets 404, like an unknown id.")
            .WithRateLimitResponse();

        api.MapPost("/shares", ShareAsync)
            .WithName("CreateShare")
            .WithSummary("Share a result's series with a board (join id, the result's X-Delete-Key, a display name); showResult lets the coach open the full result")
            .Accepts<CreateShareRequest>("application/json")
            .WithCreateShareRequestSchema()
            .Produces<CreatedShareBody>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDeleteKeyRequired("The deleteKey of the result being shared. A wrong or missing key gets 404, like an unknown id.")
            .WithIdempotencyKey()
            .WithRateLimitResponse();

        api.MapDelete("/shares/{shareId}", StopSharingAsync)
            .WithName("DeleteShare")
            .WithSummary("Stop sharing: the key of a result in the series (the runner) or the board's key (the coach)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDeleteKeyRequired("The deleteKey of any result in the shared series (the runner), or the board's deleteKey (the coach). A wrong or missing key gets 404.")
            .WithRateLimitResponse();

        return endpoints;
    }

    private static async Task<IResult> CreateBoardAsync(HttpRequest request, BoardStore boards, BoardLinks links, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (idempotent, kept) = await IdempotentRequest.BeginAsync(request, "POST /api/boards", cancellationToken);
        if (kept is not null)
        {
            return kept;
        }

        var (fields, _, problem) = await ReadFieldsAsync(request, ["name"], [], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (name, error) = BoardText.Clean(fields.GetValueOrDefault("name"), BoardText.MaxBoardName, "a board name");
        if (name is null)
        {
            return Rejected("name", error);
        }

        CreatedBoardBody Body(CreatedBoard created) => new(
            created.Board.Token, links.Board(created.Board.Token), links.Join(created.Board.JoinToken), created.Board.JoinToken, created.Board.Name, created.DeleteKey);

        StoredIdempotentAnswer? keptAnswer = null;
        try
        {
            var created = await boards.CreateAsync(
                name,
                cancellationToken,
                idempotent is null ? null : made => keptAnswer = idempotent.Keep(StatusCodes.Status201Created, links.Board(made.Board.Token), Body(made)));
            return idempotent is not null && keptAnswer is not null
                ? idempotent.Replay(keptAnswer)
                : TypedResults.Created(links.Board(created.Board.Token), Body(created));
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            if (idempotent is not null && await idempotent.AfterFailureAsync(cancellationToken) is { } raced)
            {
                return raced;
            }

            loggers.CreateLogger(typeof(BoardApiEndpoints)).LogError(exception, "Could not store a board");
            return Unavailable();
        }
    }

    private static async Task<IResult> GetBoardAsync(string id, BoardStore boards, ResultLinks links, HttpContext context, CancellationToken cancellationToken)
    {
        var board = await boards.ReadAsync(id, cancellationToken);
        if (board is null)
        {
            return NotFound();
        }

        // The body states no time relative to now, so it changes only with what is stored.
        BoardPageCachePolicy.Shown(context, board, changesAt: null);
        return TypedResults.Ok(BoardBody.From(BoardView.From(board), links));
    }

    private static async Task<IResult> DeleteBoardAsync(
        string id,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        StoredResults boards,
        CancellationToken cancellationToken)
    {
        return await boards.DeleteBoardAsync(id, deleteKey, cancellationToken) ? TypedResults.NoContent() : NotFound();
    }

    private static async Task<IResult> ShareAsync(
        HttpRequest request,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        StoredResults boards,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (idempotent, kept) = await IdempotentRequest.BeginAsync(request, "POST /api/shares", cancellationToken);
        if (kept is not null)
        {
            return kept;
        }

        var (fields, switches, problem) = await ReadFieldsAsync(request, ["joinId", "resultId", "displayName"], ["showResult"], cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (displayName, error) = BoardText.Clean(fields.GetValueOrDefault("displayName"), BoardText.MaxDisplayName, "a display name");
        if (displayName is null)
        {
            return Rejected("displayName", error);
        }

        StoredIdempotentAnswer? keptAnswer = null;
        try
        {
            var shared = await boards.ShareWithBoardAsync(
                fields.GetValueOrDefault("joinId"),
                fields.GetValueOrDefault("resultId"),
                deleteKey,
                displayName,
                // Absent means false for v1.1 clients too: the contract's deliberate privacy change.
                switches.GetValueOrDefault("showResult"),
                cancellationToken,
                idempotent is null ? null : made => keptAnswer = idempotent.Keep(StatusCodes.Status201Created, null, new CreatedShareBody(made.ShareToken, made.BoardName)));
            return shared is null ? NotFound()
                : idempotent is not null && keptAnswer is not null ? idempotent.Replay(keptAnswer)
                : TypedResults.Created((string?)null, new CreatedShareBody(shared.ShareToken, shared.BoardName));
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            if (idempotent is not null && await idempotent.AfterFailureAsync(cancellationToken) is { } raced)
            {
                return raced;
            }

            loggers.CreateLogger(typeof(BoardApiEndpoints)).LogError(exception, "Could not store a share");
            return Unavailable();
        }
    }

    private static async Task<IResult> StopSharingAsync(
        string shareId,
        [FromHeader(Name = "X-Delete-Key")] string? deleteKey,
        StoredResults boards,
        CancellationToken cancellationToken)
    {
        return await boards.StopSharingAsync(shareId, deleteKey, cancellationToken) ? TypedResults.NoContent() : NotFound();
    }

    /// <summary>
    /// A JSON object whose listed properties, when present, are strings or booleans (other
    /// properties are ignored); every way the body can be wrong is a 4xx problem, as for assessments.
    /// </summary>
    private static async Task<(Dictionary<string, string> Strings, Dictionary<string, bool> Booleans, IResult? Problem)> ReadFieldsAsync(
        HttpRequest request, string[] strings, string[] booleans, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
        var (document, problem) = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (texts, switches, problem);
        }

        // ReadAsync gives either a document or a problem; the problem was returned above.
        using var json = document!;
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (texts, switches, Rejected("body", $"Send a JSON object with {string.Join(", ", strings)}."));
        }

        foreach (var name in strings)
        {
            if (Present(json.RootElement, name) is not { } value)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return (texts, switches, Rejected(name, $"{name} must be a string."));
            }

            texts[name] = value.GetString() ?? string.Empty;
        }

        foreach (var name in booleans)
        {
            if (Present(json.RootElement, name) is not { } value)
            {
                continue;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (texts, switches, Rejected(name, $"{name} must be true or false."));
            }

            switches[name] = value.GetBoolean();
        }

        return (texts, switches, null);
    }

    /// <summary>The property, or null when it is absent or JSON null (both mean "not sent").</summary>
    private static JsonElement? Present(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The same answer for an unknown id, a malformed id, a join id where a board id belongs, and a wrong key.</summary>
    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: "The id is unknown, the key does not match, or it was deleted.");

    private static ValidationProblem Rejected(string field, string? message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message ?? "Not accepted."] },
        title: "The request is not accepted",
        detail: "Each entry in errors says what is accepted. Nothing was stored.");

    private static IResult Unavailable() =>
        StorageFailureAnswers.Problem("Nothing could be stored", "Nothing was stored. Try again in a moment.");
}
