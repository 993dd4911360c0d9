using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KneeTriage.Web.Data;

/// <summary>
/// The one place that knows what a failing database looks like, for both providers. Callers outside
/// Data/ never name Npgsql's or SQLite's exceptions: they ask <see cref="Is"/> and answer "storage
/// failed" (503 with Retry-After for the API, the review page that keeps the answers for the form,
/// the friendly 503 page for a result or board view; see Infrastructure/StorageFailures/StorageFailureAnswers).
/// </summary>
public static class StorageFailure
{
    /// <summary>What a 503 tells a client to wait: long enough for a restarted server to take connections.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// True when the database refused or could not be reached: a <see cref="DbException"/>
    /// (NpgsqlException, PostgresException, SqliteException) anywhere in the chain, wrapped or not
    /// (EF Core's DbUpdateException; Npgsql's execution strategy wraps a transient error in an
    /// InvalidOperationException; a group commit hands its batch's exception to every caller).
    /// </summary>
    public static bool Is(Exception exception) => Any(exception, e => e is DbException or DbUpdateException or RetryLimitExceededException);

    /// <summary>
    /// True when a read is worth one more try on a fresh connection: the server dropped a pooled
    /// connection (57P01 after a restart or pg_terminate_backend, 57P03 while starting, an 08xxx
    /// connection error, a broken socket), or SQLite was busy or locked. Never used for writes: a
    /// write whose commit was lost in transit might have been stored, and trying again would store it twice.
    /// </summary>
    internal static bool IsWorthARetry(Exception exception) => Any(exception, e => e switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
            || postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        _ => false,
    });

    /// <summary>
    /// Runs a read, and once more after a storage failure worth a retry, with the pooled connections
    /// of both providers cleared first: after a server restart every idle connection in the pool is
    /// dead, and the retry must not take the next dead one.
    /// </summary>
    internal static async Task<T> RetryReadOnceAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (IsWorthARetry(exception))
        {
            ForgetPooledConnections();
            return await read();
        }
    }

    /// <summary>Closes idle pooled connections (in-use ones close when returned), so the next open makes a new one.</summary>
    internal static void ForgetPooledConnections()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
    }

    private const int SqliteBusy = 5;

    private const int SqliteLocked = 6;

    private static bool Any(Exception exception, Func<Exception, bool> test)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (test(e))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Any(inner, test)))
            {
                return true;
            }
        }

        return false;
    }
}
