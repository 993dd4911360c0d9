using KneeTriage.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// A write that meets SQLite's write lock held elsewhere (the retention sweep, another instance)
/// waits in SQLite's busy handler, in steps of milliseconds, rather than in Microsoft.Data.Sqlite's
/// 150 ms sleeps (decision 0039): every connection the app's context opens has a busy timeout.
/// </summary>
public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kt-busy-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EveryConnectionTheAppsContextOpensWaitsInSqlitesBusyHandler()
    {
        var services = new ServiceCollection();
        StorageProvider.Named("Sqlite").AddDbContext(services, $"Data Source={path}");
        await using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 2; i++)
        {
            // Twice: the second context comes from the pool, its connection opened again.
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(5000L, await command.ExecuteScalarAsync());
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
