using System.Text.Json.Nodes;
using KneeTriage.Web.Api;
using Microsoft.OpenApi;
using static KneeTriage.Web.Api.SchemaProperties;

namespace KneeTriage.Web.Boards;

/// <summary>
/// What the boards' request and body types cannot tell the OpenAPI document: text lengths and
/// pattern, examples, what resultShared hides, the urgency values. Declared by the endpoints in
/// <see cref="BoardApiEndpoints"/> that take or send each body.
/// </summary>
public static class BoardSchemas
{
    /// <summary>POST /api/boards: the board's name and its length once trimmed.</summary>
    public static RouteHandlerBuilder WithCreateBoardRequestSchema(this RouteHandlerBuilder builder) =>
        builder.WithBodySchema<CreateBoardRequest>((board, _) =>
        {
            board.LimitText(JsonName(nameof(CreateBoardRequest.Name)), BoardText.MaxBoardName,
                "The board's name, shown to the coach and to runners who join: one line, no control characters, at most this many characters once trimmed.");
            board.Examples = [new JsonObject { ["name"] = "Riverside RC juniors" }];
        });

    /// <summary>POST /api/shares: the display name's length and what showResult lets the coach see.</summary>
    public static RouteHandlerBuilder WithCreateShareRequestSchema(this RouteHandlerBuilder builder) =>
        builder.WithBodySchema<CreateShareRequest>((share, _) =>
        {
            share.LimitText(JsonName(nameof(CreateShareRequest.DisplayName)), BoardText.MaxDisplayName,
                "The name the coach sees: one line, no control characters, at most this many characters once trimmed.");
            share.Describe(JsonName(nameof(CreateShareRequest.ShowResult)),
                "true lets the coach open the full result (causes and answers). Absent or false (the default, for v1.1 clients too): the board shows urgency, the see-a-clinician flag, the date and the trend only. Sharing again replaces the choice.");
        });

    /// <summary>GET /api/boards/{id}: what an athlete shows without resultShared, and the checks' urgency values.</summary>
    public static RouteHandlerBuilder WithBoardBodySchema(this RouteHandlerBuilder builder) => builder
        .WithBodySchema<AthleteBody>((athlete, _) => athlete.Describe(JsonName(nameof(AthleteBody.ResultShared)),
            "The runner let the coach open the full result. When false, latest.id, latest.resultUrl, latest.topCause and each series entry's id and topCause are null."))
        .WithBodySchema<LatestCheckBody>((check, _) => check.AllowUrgencies(JsonName(nameof(LatestCheckBody.Urgency))))
        .WithSeriesEntrySchema();

    private static void LimitText(this OpenApiSchema schema, string property, int maxLength, string description)
    {
        if (schema.Property(property) is { } target)
        {
            target.MinLength = 1;
            target.MaxLength = maxLength;
            target.Pattern = BoardText.Pattern;
            target.Description = description;
        }
    }
}
