using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Data;

/// <summary>
/// Finds the first answer to a request made again with the same Idempotency-Key (or the same form
/// draft). Rows are written by the stores, inside the transaction that stores the result, board or
/// share (<see cref="AssessmentStore.SaveAsync"/>, <see cref="BoardStore.CreateAsync"/>,
/// <see cref="BoardStore.ShareAsync"/>); the database's unique index on (scope, key) means two
/// requests racing with one key store one thing between them.
/// </summary>
public sealed class IdempotentAnswers(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long a key is honoured (contract v1.2, "Safe retries").</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>The first answer for this key within <see cref="Lifetime"/>, or null.</summary>
    public async Task<StoredIdempotentAnswer?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var keyHash = Hash(key);
        var oldest = time.GetUtcNow().UtcDateTime - Lifetime;
        return await StorageFailure.RetryReadOnceAsync<StoredIdempotentAnswer?>(async () =>
        {
            await using var services = scopes.CreateAsyncScope();
            var db = services.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            var found = await db.IdempotentAnswers.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Scope == scope && a.KeyHash == keyHash, cancellationToken);
            if (found is null || found.CreatedAt >= oldest)
            {
                return found;
            }

            // Older than a day and not yet swept: gone, so the key may start afresh.
            await db.IdempotentAnswers.Where(a => a.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        });
    }

    /// <summary>Deletes the answers older than <see cref="Lifetime"/> (the retention sweep calls it).</summary>
    public static Task<int> PurgeAsync(KneeTriageDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var oldest = now - Lifetime;
        return db.IdempotentAnswers.Where(a => a.CreatedAt < oldest).ExecuteDeleteAsync(cancellationToken);
    }
}
