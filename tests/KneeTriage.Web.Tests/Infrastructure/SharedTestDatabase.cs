namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>One database for several test apps (instances): a SQLite file, or a PostgreSQL database when the suite runs there.</summary>
public sealed class SharedTestDatabase : IDisposable
{
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"kt-shared-{Guid.NewGuid():N}.db");
    private readonly TestPostgresDatabase? postgres = TestPostgres.IsTheSuitesStorage ? TestPostgres.CreateDatabase() : null;

    /// <summary>Storage:Provider and ConnectionStrings:KneeTriage for every instance.</summary>
    public IReadOnlyDictionary<string, string?> Settings => postgres is null
        ? new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["ConnectionStrings:KneeTriage"] = $"Data Source={sqlitePath}", ["RateLimiting:Enabled"] = "false" }
        : new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["ConnectionStrings:KneeTriage"] = postgres.ConnectionString, ["RateLimiting:Enabled"] = "false" };

    public void Dispose()
    {
        postgres?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(sqlitePath + suffix);
        }
    }
}
