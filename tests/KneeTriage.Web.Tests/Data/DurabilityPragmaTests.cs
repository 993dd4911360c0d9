using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// The README's power-cut claim: on SQLite every commit returns only after the write-ahead log is
/// fsync'd (PRAGMA synchronous=FULL, journal_mode=WAL). A SIGKILL test cannot see the difference
/// (NORMAL survives a killed process too, only a power cut loses its last commits), so the pragmas
/// are read on every connection the app writes through, right before each write it sends.
/// </summary>
public sealed class DurabilityPragmaTests
{
    /// <summary>SQLite's number for synchronous=FULL (NORMAL is 1, OFF 0).</summary>
    private const long Full = 2;

    [Fact]
    public async Task EveryConnectionTheAppWritesThroughToSqliteHasSynchronousFullAndWal()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"kt-pragma-{Guid.NewGuid():N}.db");
        var writes = new WritePragmaRecorder();
        var closings = new ClosingPragmaRecorder();
        long lastResultRowId;
        try
        {
            using (var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:KneeTriage"] = $"Data Source={databasePath}",
            }).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
                services.ConfigureDbContext<SqliteKneeTriageDbContext>(options => options.AddInterceptors(writes, closings)))))
            {
                var api = new BoardClient(app);
                using (var health = await api.Http.GetAsync(new Uri("/healthz", UriKind.Relative)))
                {
                    Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                }

                // Start-up writes (migrations, before WAL is switched on) are not what a runner waits for.
                writes.Seen.Clear();
                closings.Seen.Clear();

                // Results through the group-commit writer (several at once), a follow-up, a board, a share, deletes.
                await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
                {
                    using var created = await ApiClient.PostAnswersAsync(api.Http, ApiClient.ValidAnswers());
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                }));
                var result = await api.CreateResultAsync();
                await api.SaveFollowUpAsync(result);
                var board = await api.CreateBoardAsync("Pragma club");
                var share = await api.ShareOkAsync(board, result, "Sam");
                using var unshared = await api.DeleteAsync($"/api/shares/{share}", board.DeleteKey);
                using var deleted = await api.DeleteAsync($"/api/assessments/{result.Id}", result.DeleteKey);
                Assert.Equal(HttpStatusCode.NoContent, unshared.StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                // The follow-up went through the writer alone, after every other result and before any board (whose rowids are small).
                using (var scope = app.Services.CreateScope())
                {
                    lastResultRowId = await scope.ServiceProvider.GetRequiredService<KneeTriage.Web.Data.KneeTriageDbContext>().Assessments.MaxAsync(a => a.Id);
                }

                Assert.True(lastResultRowId > 3, $"only {lastResultRowId} results stored");
            }

            // EF's own writes are seen as they are sent; the group-commit writer sends its INSERT on the raw
            // connection after its own pragmas, so its connection is read as EF closes it, after the commit.
            Assert.Contains(writes.Seen, w => w.Sql.StartsWith("INSERT INTO \"Boards\"", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(writes.Seen, w => w.Sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(closings.Seen, c => c.Sql == $"rowid {lastResultRowId}");
            var seen = writes.Seen.Concat(closings.Seen).ToList();
            var weak = seen.Where(w => w.Synchronous != Full || w.JournalMode != "wal").ToList();
            Assert.True(
                weak.Count == 0,
                $"{weak.Count} of {seen.Count} writes went through a connection without synchronous=FULL ({Full}) and WAL, e.g. "
                + string.Join("; ", weak.Take(3).Select(w => $"synchronous={w.Synchronous}, journal_mode={w.JournalMode}: {w.Sql}")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }

    [PostgresFact]
    public async Task OnPostgreSqlACommitWaitsForTheServersLog()
    {
        using var database = TestPostgres.CreateDatabase();
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["ConnectionStrings:KneeTriage"] = database.ConnectionString,
        });

        var setting = await app.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('synchronous_commit') AS \"Value\"").SingleAsync());

        // off would acknowledge a result before the server's log reached its disk; local, on, remote_* all wait for it.
        Assert.NotEqual("off", setting);
    }

    private sealed record WritePragmas(string Sql, long Synchronous, string JournalMode);

    private static WritePragmas Read(DbConnection connection, DbTransaction? transaction, string what)
    {
        using var pragma = connection.CreateCommand();
        pragma.Transaction = transaction;
        pragma.CommandText = "PRAGMA synchronous";
        var synchronous = Convert.ToInt64(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        pragma.CommandText = "PRAGMA journal_mode";
        var journal = Convert.ToString(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return new WritePragmas(what, synchronous, journal);
    }

    /// <summary>
    /// As EF closes a connection that has inserted a row, its pragmas, named by the last rowid it
    /// inserted: this is how the group-commit writer's connection is seen, since its INSERT bypasses EF's commands.
    /// </summary>
    private sealed class ClosingPragmaRecorder : DbConnectionInterceptor
    {
        public ConcurrentQueue<WritePragmas> Seen { get; } = new();

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Record(connection);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Record(connection);
            return ValueTask.FromResult(result);
        }

        private void Record(DbConnection connection)
        {
            using var lastInsert = connection.CreateCommand();
            lastInsert.CommandText = "SELECT last_insert_rowid()";
            var rowId = Convert.ToInt64(lastInsert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (rowId > 0)
            {
                Seen.Enqueue(Read(connection, null, $"rowid {rowId}"));
            }
        }
    }

    /// <summary>Before every INSERT, UPDATE or DELETE, reads the pragmas of the connection it is about to run on.</summary>
    private sealed class WritePragmaRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<WritePragmas> Seen { get; } = new();

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (!sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                && !sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                && !sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Seen.Enqueue(Read(command.Connection!, command.Transaction, sql.Length > 80 ? sql[..80] : sql));
        }
    }
}
