namespace KneeTriage.Web.Data;

/// <summary>
/// A coach's board. Its token (the private board link) lets the holder read it; its join token (the
/// link posted in the club chat) only lets a runner add their own result. Neither is derived from
/// the other, so a join link never reveals the board.
/// </summary>
public sealed class StoredBoard
{
    /// <summary>Internal key for the database only; never appears in a URL or a response.</summary>
    public long Id { get; private set; }

    /// <summary>The board id in <c>/boards/{id}</c>: random, URL-safe, unique (see <see cref="ShareToken"/>).</summary>
    public required string Token { get; init; }

    /// <summary>The join id in <c>/join/{joinId}</c>: random and unique, like <see cref="Token"/>.</summary>
    public required string JoinToken { get; init; }

    /// <summary>The coach's name for the board, 1–60 characters, shown as text.</summary>
    public required string Name { get; init; }

    /// <summary>UTC, whole seconds.</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>UTC; moved on by every share and follow-up, so retention counts from the last activity.</summary>
    public required DateTime LastActivityAt { get; set; }

    /// <summary>SHA-256 of the board's delete key; the key itself is never stored.</summary>
    public required byte[] DeleteKeyHash { get; init; }
}
