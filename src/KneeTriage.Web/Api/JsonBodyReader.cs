using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KneeTriage.Web.Api;

/// <summary>
/// Reads a small JSON body by hand, so every way a request can be wrong gets its own clear 4xx
/// (never a 500 from model binding): another content type is 415, more than the limit is 413,
/// anything that is not JSON is 400. The envelope is read as strictly as the answers inside it:
/// a charset other than UTF-8 is 415 (JSON between systems is UTF-8, RFC 8259 §8.1; reading
/// UTF-16 or Latin-1 bytes as UTF-8 would store other answers than were sent, and honouring every
/// charset would widen what the API accepts for no client that needs it), and a top-level key sent
/// twice is 400 naming it (otherwise the last would silently win: <c>{"follows": id, "follows": null}</c>).
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBytes = 32 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the body as JSON",
                detail: "Use Content-Type: application/json."));
        }

        if (OtherCharset(request.ContentType) is { } charset)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the body as UTF-8 JSON",
                detail: $"charset={charset} is not accepted: JSON bodies are read as UTF-8. Send UTF-8 and leave out charset, or use charset=utf-8."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        byte[] body;
        try
        {
            body = await ReadLimitedAsync(request.Body, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException exception)
        {
            return (null, TypedResults.Problem(statusCode: exception.StatusCode, title: "The request body could not be read"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The body is not valid JSON",
                detail: exception.Message));
        }

        if (!AllTextIsReadable(document.RootElement))
        {
            document.Dispose();
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The body is not valid JSON",
                detail: "A string holds bytes that are not UTF-8, or an unpaired surrogate escape such as \\ud800."));
        }

        if (RepeatedTopLevelKey(document.RootElement) is { } repeated)
        {
            document.Dispose();
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [repeated] = [$"\"{repeated}\" is sent more than once; send each key once."] },
                title: "The body repeats a key",
                detail: "A key sent twice could mean either value, so neither is taken. Nothing was stored."));
        }

        return (document, null);
    }

    /// <summary>The first key the top-level object holds twice (keys are case-sensitive, as the API reads them), or null.</summary>
    private static string? RepeatedTopLevelKey(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>The charset named in Content-Type when it is not UTF-8; null when it is UTF-8 or not named.</summary>
    private static string? OtherCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return null;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString();
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : charset;
    }

    /// <summary>
    /// JsonDocument accepts invalid UTF-8 and unpaired \uD800 escapes inside strings and only throws
    /// (InvalidOperationException, a 500) when the text is read; reading every string here keeps it a 400.
    /// </summary>
    private static bool AllTextIsReadable(JsonElement element)
    {
        try
        {
            ReadAllText(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void ReadAllText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadAllText(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadAllText(property.Value);
                }

                break;
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large",
        detail: $"Send at most {MaxBytes / 1024} KiB.");

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BodyTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private sealed class BodyTooLargeException : Exception;
}
