using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>A board just made and its delete key, which exists only here and in the coach's hands.</summary>
public sealed record CreatedBoard(StoredBoard Board, string DeleteKey);

/// <summary>One share on a board and the results of its series still stored, oldest first (never empty).</summary>
public sealed record SharedSeries(StoredShare Share, IReadOnlyList<ListedAssessment> Results);

/// <summary>A board with the series shared with it that still hold a result.</summary>
public sealed record BoardWithShares(StoredBoard Board, IReadOnlyList<SharedSeries> Shares);

/// <summary>A series shared with a board, as its runner sees it: the share id to stop sharing, the board's name, and whether the coach may open the result.</summary>
public sealed record ShareOfSeries(string ShareToken, string BoardName, bool ShowResult);

/// <summary>
/// The boards' face of storage, beside <see cref="AssessmentStore"/> because a board is read by
/// joining three tables (boards, shares, the results of each shared series) and a share is proven
/// with a result's delete-key hash: both are the shape of the stored rows, which is Data/'s business.
/// Every lookup takes a token and answers null (or false) alike for a malformed token, an unknown
/// one and a wrong key, so callers cannot tell them apart. A singleton, like AssessmentStore: each
/// call rents a pooled context of its own.
/// </summary>
public sealed class BoardStore(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <param name="firstAnswer">For a request with an Idempotency-Key: the answer to keep, stored in the board's own transaction.</param>
    public async Task<CreatedBoard> CreateAsync(string name, CancellationToken cancellationToken, Func<CreatedBoard, StoredIdempotentAnswer>? firstAnswer = null)
    {
        var deleteKey = DeleteKey.Create();
        var now = StoredTime.WholeSeconds(time.GetUtcNow().UtcDateTime);
        var board = new StoredBoard
        {
            Token = ShareToken.Create(),
            JoinToken = ShareToken.Create(),
            Name = name,
            CreatedAt = now,
            LastActivityAt = now,
            DeleteKeyHash = DeleteKey.Hash(deleteKey),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        db.Boards.Add(board);
        var created = new CreatedBoard(board, deleteKey);
        if (firstAnswer is not null)
        {
            db.IdempotentAnswers.Add(firstAnswer(created));
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>The board named by its board id (never by its join id), or null.</summary>
    public async Task<StoredBoard?> FindAsync(string? boardId, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(boardId))
        {
            return null;
        }

        return await StorageFailure.RetryReadOnceAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await Db(scope).Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Token == boardId, cancellationToken);
        });
    }

    /// <summary>The board a join id lets a runner add to (never found by its board id), or null.</summary>
    public async Task<StoredBoard?> FindByJoinIdAsync(string? joinId, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(joinId))
        {
            return null;
        }

        return await StorageFailure.RetryReadOnceAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await Db(scope).Boards.AsNoTracking().SingleOrDefaultAsync(b => b.JoinToken == joinId, cancellationToken);
        });
    }

    /// <summary>
    /// The board and every shared series that still holds a result (a share whose results were all
    /// deleted is left out, and retention deletes it). One query whatever the number of athletes or
    /// of stored results: the board by its token index, its shares by their (board, series) index,
    /// each series' results by the series index, and of those only the columns a board shows
    /// (decision 0031). Each row carries its share's columns; the board's come once per row too,
    /// a few dozen bytes.
    /// </summary>
    public async Task<BoardWithShares?> ReadAsync(string? boardId, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(boardId))
        {
            return null;
        }

        return await StorageFailure.RetryReadOnceAsync<BoardWithShares?>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = Db(scope);
            var rows = await (
                from b in db.Boards.Where(b => b.Token == boardId)
                from s in db.Shares.Where(s => s.BoardId == b.Id).DefaultIfEmpty()
                from a in db.Assessments.Where(a => a.SeriesKey == s!.SeriesKey).DefaultIfEmpty()
                orderby s!.Id, a!.CreatedAt, a.Id
                select new BoardRow(
                    b.Id,
                    b.Token,
                    b.JoinToken,
                    b.Name,
                    b.CreatedAt,
                    b.LastActivityAt,
                    b.DeleteKeyHash,
                    (long?)s!.Id,
                    s.Token,
                    s.SeriesKey,
                    s.DisplayName,
                    (bool?)s.ShowResult,
                    (DateTime?)s.CreatedAt,
                    a!.Token,
                    (DateTime?)a.CreatedAt,
                    (Triage.Engine.Urgency?)a.Urgency,
                    (bool?)a.SeeClinician,
                    a.Summary,
                    a.Summary == null ? a.ResultJson : null,
                    a.Summary == null ? a.AnswersJson : null))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return null;
            }

            var first = rows[0];
            var board = new StoredBoard { Token = first.BoardToken, JoinToken = first.JoinToken, Name = first.BoardName, CreatedAt = first.BoardCreatedAt, LastActivityAt = first.LastActivityAt, DeleteKeyHash = first.BoardDeleteKeyHash };
            var shares = rows
                .Where(r => r.ShareId is not null && r.ResultToken is not null)
                .GroupBy(r => r.ShareId!.Value)
                .Select(g =>
                {
                    var share = g.First();
                    return new SharedSeries(
                        new StoredShare { Token = share.ShareToken!, BoardId = first.BoardId, SeriesKey = share.SeriesKey!, DisplayName = share.DisplayName!, ShowResult = share.ShowResult!.Value, CreatedAt = share.ShareCreatedAt!.Value },
                        [.. g.Select(r => new ListedAssessment(r.ResultToken!, r.ResultCreatedAt!.Value, r.Urgency!.Value, r.SeeClinician!.Value, r.Summary, r.ResultJson, r.AnswersJson))]);
                })
                .ToList();
            return new BoardWithShares(board, shares);
        });
    }

    /// <summary>One row of a board's read: the board, one share (null for a board without any) and one result of its series (null for a series with none left).</summary>
    private sealed record BoardRow(
        long BoardId,
        string BoardToken,
        string JoinToken,
        string BoardName,
        DateTime BoardCreatedAt,
        DateTime LastActivityAt,
        byte[] BoardDeleteKeyHash,
        long? ShareId,
        string? ShareToken,
        string? SeriesKey,
        string? DisplayName,
        bool? ShowResult,
        DateTime? ShareCreatedAt,
        string? ResultToken,
        DateTime? ResultCreatedAt,
        Triage.Engine.Urgency? Urgency,
        bool? SeeClinician,
        string? Summary,
        string? ResultJson,
        string? AnswersJson);

    /// <summary>Deletes the board (its shares go with it) when the key is the board's; false and nothing changed otherwise.</summary>
    public async Task<bool> DeleteAsync(string? boardId, string? deleteKey, CancellationToken cancellationToken)
    {
        var board = await FindAsync(boardId, cancellationToken);
        if (board is null || !DeleteKey.Matches(deleteKey, board.DeleteKeyHash))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        // The shares first rather than left to the cascade, so the outcome never depends on how a connection enforces foreign keys.
        await db.Shares.Where(s => s.BoardId == board.Id).ExecuteDeleteAsync(cancellationToken);
        return await db.Boards.Where(b => b.Id == board.Id).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Shares the series of the result <paramref name="resultId"/> (proven by its delete key) with the
    /// board of <paramref name="joinId"/>. Sharing a series that is already on that board renames its
    /// share and keeps its id, so a board never lists one runner twice; the runner's new
    /// <paramref name="showResult"/> replaces the old one. Null (nothing changed) for an unknown join
    /// id, an unknown result or a wrong key.
    /// </summary>
    /// <param name="showResult">The coach may open the full result (causes and answers); false shows urgency, the flag, the date and the trend only.</param>
    /// <param name="firstAnswer">For a request with an Idempotency-Key: the answer to keep, stored in the share's own transaction.</param>
    public async Task<ShareOfSeries?> ShareAsync(
        string? joinId,
        string? resultId,
        string? resultKey,
        string displayName,
        bool showResult,
        CancellationToken cancellationToken,
        Func<ShareOfSeries, StoredIdempotentAnswer>? firstAnswer = null)
    {
        if (!ShareToken.IsWellFormed(joinId) || !ShareToken.IsWellFormed(resultId))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var result = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Token == resultId, cancellationToken);
        if (result is null || !DeleteKey.Matches(resultKey, result.DeleteKeyHash))
        {
            return null;
        }

        var board = await db.Boards.SingleOrDefaultAsync(b => b.JoinToken == joinId, cancellationToken);
        if (board is null)
        {
            return null;
        }

        var now = StoredTime.WholeSeconds(time.GetUtcNow().UtcDateTime);
        board.LastActivityAt = now;
        var existing = await db.Shares.SingleOrDefaultAsync(s => s.BoardId == board.Id && s.SeriesKey == result.SeriesKey, cancellationToken);
        string token;
        if (existing is null)
        {
            token = ShareToken.Create();
            db.Shares.Add(new StoredShare { Token = token, BoardId = board.Id, SeriesKey = result.SeriesKey, DisplayName = displayName, ShowResult = showResult, CreatedAt = now });
        }
        else
        {
            token = existing.Token;
            db.Entry(existing).Property(s => s.DisplayName).CurrentValue = displayName;
            db.Entry(existing).Property(s => s.ShowResult).CurrentValue = showResult;
        }

        var shared = new ShareOfSeries(token, board.Name, showResult);
        if (firstAnswer is not null)
        {
            db.IdempotentAnswers.Add(firstAnswer(shared));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (existing is null && firstAnswer is null)
        {
            // The same series was shared with this board at the same instant and the unique index
            // kept one row: rename that one, as a second share would.
            db.ChangeTracker.Clear();
            var winner = await db.Shares.SingleAsync(s => s.BoardId == board.Id && s.SeriesKey == result.SeriesKey, cancellationToken);
            db.Entry(winner).Property(s => s.DisplayName).CurrentValue = displayName;
            db.Entry(winner).Property(s => s.ShowResult).CurrentValue = showResult;
            await db.SaveChangesAsync(cancellationToken);
            shared = new ShareOfSeries(winner.Token, board.Name, showResult);
        }

        return shared;
    }

    /// <summary>
    /// Removes a share when the key is the board's (the coach) or that of any result now in the
    /// shared series (the runner, who may hold only their latest follow-up's key), and gives back the
    /// board's id (its page changed). Null, and nothing changed, otherwise.
    /// </summary>
    public async Task<string?> StopSharingAsync(string? shareId, string? deleteKey, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(shareId) || string.IsNullOrEmpty(deleteKey))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var share = await db.Shares.AsNoTracking().SingleOrDefaultAsync(s => s.Token == shareId, cancellationToken);
        if (share is null)
        {
            return null;
        }

        var board = await db.Boards.Where(b => b.Id == share.BoardId).Select(b => new { b.Token, b.DeleteKeyHash }).SingleAsync(cancellationToken);
        var seriesHashes = await db.Assessments.Where(a => a.SeriesKey == share.SeriesKey).Select(a => a.DeleteKeyHash).ToListAsync(cancellationToken);
        return DeleteKey.MatchesAny(deleteKey, seriesHashes.Prepend(board.DeleteKeyHash)) && await db.Shares.Where(s => s.Id == share.Id).ExecuteDeleteAsync(cancellationToken) == 1
            ? board.Token
            : null;
    }

    /// <summary>
    /// The board's delete-key hash, or null when there is no such board: the one indexed lookup a
    /// cached board page pays before it is served, so a deleted board is never shown from memory.
    /// </summary>
    public async ValueTask<byte[]?> KeyHashAsync(string? boardId, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(boardId))
        {
            return null;
        }

        return await StorageFailure.RetryReadOnceAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await Db(scope).Boards.Where(b => b.Token == boardId).Select(b => b.DeleteKeyHash).FirstOrDefaultAsync(cancellationToken);
        });
    }

    /// <summary>The boards a series is shared with, for its runner's "stop sharing" buttons.</summary>
    public async Task<IReadOnlyList<ShareOfSeries>> SharesOfSeriesAsync(string seriesKey, CancellationToken cancellationToken)
    {
        return await StorageFailure.RetryReadOnceAsync<IReadOnlyList<ShareOfSeries>>(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = Db(scope);
            return await db.Shares.AsNoTracking()
                .Where(s => s.SeriesKey == seriesKey)
                .Join(db.Boards, s => s.BoardId, b => b.Id, (s, b) => new { s.Token, b.Name, s.Id, s.ShowResult })
                .OrderBy(x => x.Id)
                .Select(x => new ShareOfSeries(x.Token, x.Name, x.ShowResult))
                .ToListAsync(cancellationToken);
        });
    }

    private static KneeTriageDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
}
