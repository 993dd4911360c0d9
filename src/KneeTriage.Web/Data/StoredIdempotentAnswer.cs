namespace KneeTriage.Web.Data;

/// <summary>
/// The first answer to a request that carried an Idempotency-Key (or to the form's final submit,
/// keyed by its draft), kept for 24 hours so a retry gets it again instead of storing twice. It is
/// written in the same transaction as what the request made, so either both exist or neither does:
/// an instance killed mid-request leaves nothing half-done for the retry to trip on.
/// </summary>
public sealed class StoredIdempotentAnswer
{
    /// <summary>Internal key for the database only.</summary>
    public long Id { get; private set; }

    /// <summary>Which request the key belongs to ("POST /api/assessments", "form /check/review"): the same key may serve each once.</summary>
    public required string Scope { get; init; }

    /// <summary>SHA-256 of the client's key: the key itself is the client's business, not stored.</summary>
    public required byte[] KeyHash { get; init; }

    /// <summary>SHA-256 of what made the request (its body and proof header); another body with the same key is refused.</summary>
    public required byte[] RequestHash { get; init; }

    public required int StatusCode { get; init; }

    public string? Location { get; init; }

    /// <summary>The answer's body, data-protected with the shared keys: it holds the delete key.</summary>
    public required string ProtectedBody { get; init; }

    /// <summary>UTC; the retention sweep deletes the row 24 hours on.</summary>
    public required DateTime CreatedAt { get; init; }
}
