using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KneeTriage.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Api;

/// <summary>
/// Safe retries (contract v1.2): a POST that creates something may carry <c>Idempotency-Key</c>
/// (1–255 visible ASCII characters, else 400). Within 24 hours the same key and the same request
/// (body and X-Delete-Key) get the first answer again, status and body whole, the delete key
/// included; the same key with another request is 422. The first answer is kept data-protected
/// with the shared keys, in the same transaction as what it made (Data/IdempotentAnswers), so
/// every instance honours the key and a killed instance leaves either both or neither.
/// </summary>
public sealed class IdempotentRequest
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxKeyLength = 255;

    private readonly string scope;
    private readonly string key;
    private readonly byte[] requestHash;
    private readonly IdempotentAnswers answers;
    private readonly IDataProtector protector;
    private readonly JsonSerializerOptions json;
    private readonly TimeProvider time;

    private IdempotentRequest(string scope, string key, byte[] requestHash, HttpContext context)
    {
        this.scope = scope;
        this.key = key;
        this.requestHash = requestHash;
        answers = context.RequestServices.GetRequiredService<IdempotentAnswers>();
        protector = Protector(context.RequestServices);
        json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        time = context.RequestServices.GetRequiredService<TimeProvider>();
    }

    /// <summary>
    /// Reads the header. No key: (null, null), the request goes on as always. A malformed key: a 400
    /// problem. A key seen before: the first answer again, or 422 for another request. Otherwise the
    /// request to pass to the store, which keeps its answer.
    /// </summary>
    public static async Task<(IdempotentRequest? Request, IResult? Answer)> BeginAsync(HttpRequest request, string scope, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return (null, null);
        }

        if (values.Count != 1 || !IsWellFormed(values[0]))
        {
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [HeaderName] = [$"Send one {HeaderName} of 1 to {MaxKeyLength} visible ASCII characters (a UUID, say), or none."],
                },
                title: $"The {HeaderName} header is not accepted",
                detail: "Nothing was stored."));
        }

        // The body is read here and again by JsonBodyReader; one too large is left to it (413).
        var body = await BufferedBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, null);
        }

        var requestHash = SHA256.HashData([.. body, 0, .. Encoding.UTF8.GetBytes(request.Headers["X-Delete-Key"].ToString())]);
        var idempotent = new IdempotentRequest(scope, values[0]!, requestHash, request.HttpContext);
        var first = await idempotent.answers.FindAsync(scope, idempotent.key, cancellationToken);
        return first is null ? (idempotent, null) : (null, idempotent.Replay(first));
    }

    /// <summary>The answer to keep for this key, built from what the request made.</summary>
    public StoredIdempotentAnswer Keep<TBody>(int statusCode, string? location, TBody body) => new()
    {
        Scope = scope,
        KeyHash = IdempotentAnswers.Hash(key),
        RequestHash = requestHash,
        StatusCode = statusCode,
        Location = location,
        ProtectedBody = protector.Protect(JsonSerializer.Serialize(body, json)),
        CreatedAt = StoredTime.WholeSeconds(time.GetUtcNow().UtcDateTime),
    };

    /// <summary>The kept answer, written as it was first sent (the first request's answer is this too).</summary>
    public IResult Replay(StoredIdempotentAnswer first) =>
        first.RequestHash.AsSpan().SequenceEqual(requestHash)
            ? new KeptAnswer(first.StatusCode, first.Location, protector.Unprotect(first.ProtectedBody))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"This {HeaderName} was used for another request",
                detail: $"Within 24 hours a key answers only the request it was first sent with. Send a new {HeaderName} for a new request. Nothing was stored.");

    /// <summary>
    /// After the store failed: when another request with this key won the race (the unique index
    /// refused ours, and nothing of ours was stored), its answer; otherwise null (a real failure).
    /// </summary>
    public async Task<IResult?> AfterFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await answers.FindAsync(scope, key, cancellationToken) is { } first ? Replay(first) : null;
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            return null;
        }
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KneeTriage.IdempotentAnswer.v1");

    private static bool IsWellFormed(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~');

    private static async Task<byte[]?> BufferedBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > JsonBodyReader.MaxBytes)
        {
            return null;
        }

        request.EnableBuffering(JsonBodyReader.MaxBytes + 1);
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > JsonBodyReader.MaxBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            request.Body.Position = 0;
        }

        return copy.ToArray();
    }

    private sealed class KeptAnswer(int statusCode, string? location, string body) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => statusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(body);
        }
    }
}
