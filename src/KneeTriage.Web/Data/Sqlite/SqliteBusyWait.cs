using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>
/// Every SQLite connection EF Core opens waits for a held write lock inside SQLite's own busy
/// handler, which tries again after 1, 2, 5, 10, 15 ... ms. Without it SQLite answers "busy" at
/// once and Microsoft.Data.Sqlite retries in its own loop, sleeping 150 ms a try: whenever the
/// retention sweep held the lock for a few milliseconds, the group of submissions behind it waited
/// 150 ms. Measured at a million results (decision 0039): submissions' p99 during a sweep of 100,000
/// went from 175-356 ms to 39-46 ms.
/// </summary>
internal sealed class SqliteBusyWait : DbConnectionInterceptor
{
    /// <summary>Longer than any one statement holds the lock; after it, Microsoft.Data.Sqlite's own retries take over until the command times out.</summary>
    public const int Milliseconds = 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A native call on the open handle: no command to prepare on every open.
    private static void Apply(DbConnection connection) =>
        SQLitePCL.raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, Milliseconds);
}
