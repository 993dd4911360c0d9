using System.Text.Json.Nodes;
using KneeTriage.Web.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KneeTriage.Web.Boards;

/// <summary>
/// The boards' request and body schemas in the API's one OpenAPI document: what their types cannot
/// say (text lengths and pattern, examples, what resultShared hides). The operations declare their
/// own responses and headers in <see cref="BoardApiEndpoints"/>.
/// </summary>
public static class BoardApiDocument
{
    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer(DescribeBoards);

    /// <summary>The boards' texts and their lengths (after trimming), and the urgency values of a board's checks.</summary>
    private static Task DescribeBoards(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        if (schemas.TryGetValue(nameof(CreateBoardRequest), out var board) && board is OpenApiSchema boardSchema)
        {
            SetLength(boardSchema, "name", BoardText.MaxBoardName, "The board's name, shown to the coach and to runners who join: one line, no control characters, at most this many characters once trimmed.");
            boardSchema.Examples = [new JsonObject { ["name"] = "Riverside RC juniors" }];
        }

        if (schemas.TryGetValue(nameof(CreateShareRequest), out var share) && share is OpenApiSchema shareSchema)
        {
            SetLength(shareSchema, "displayName", BoardText.MaxDisplayName, "The name the coach sees: one line, no control characters, at most this many characters once trimmed.");
            ApiDocumentTransformers.Describe(shareSchema, "showResult", "true lets the coach open the full result (causes and answers). Absent or false (the default, for v1.1 clients too): the board shows urgency, the see-a-clinician flag, the date and the trend only. Sharing again replaces the choice.");
        }

        if (schemas.TryGetValue(nameof(AthleteBody), out var athlete) && athlete is OpenApiSchema athleteSchema)
        {
            ApiDocumentTransformers.Describe(athleteSchema, "resultShared", "The runner let the coach open the full result. When false, latest.id, latest.resultUrl, latest.topCause and each series entry's id and topCause are null.");
        }

        // SeriesEntryBody, the boards' series too, has its urgency values from Api/ApiDocumentTransformers.
        if (schemas.TryGetValue(nameof(LatestCheckBody), out var check) && check is OpenApiSchema checkSchema)
        {
            ApiDocumentTransformers.SetEnum(checkSchema, ApiDocumentTransformers.Property(nameof(LatestCheckBody.Urgency)), ApiDocumentTransformers.UrgencyIds);
        }

        return Task.CompletedTask;
    }

    private static void SetLength(OpenApiSchema schema, string property, int maxLength, string description)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.MinLength = 1;
            target.MaxLength = maxLength;
            target.Pattern = BoardText.Pattern;
            target.Description = description;
        }
    }
}
