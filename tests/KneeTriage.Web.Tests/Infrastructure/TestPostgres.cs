using Npgsql;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests that need one, and for running the whole suite on it.
/// <list type="bullet">
/// <item><c>KNEETRIAGE_TEST_POSTGRES</c>: a connection string to a server where that user may
/// create databases, or <c>pg</c> to build one from PGHOST, PGPORT, PGUSER, PGPASSWORD (as
/// <c>pg_virtualenv -t</c> exports them). Each test app gets a database of its own, dropped after.</item>
/// <item><c>KNEETRIAGE_TEST_STORAGE=PostgreSQL</c>: every test app stores on that server instead of SQLite.</item>
/// </list>
/// Without the server, PostgreSQL tests skip with <see cref="MissingMessage"/>; with CI=true they run and fail loudly.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "KNEETRIAGE_TEST_POSTGRES";

    public const string StorageVariable = "KNEETRIAGE_TEST_STORAGE";

    public const string MissingMessage =
        "No PostgreSQL server: set KNEETRIAGE_TEST_POSTGRES to a connection string (a user that may CREATE DATABASE), "
        + "or run under a throw-away cluster: apt-get install postgresql, then "
        + "pg_virtualenv -t -- env KNEETRIAGE_TEST_POSTGRES=pg dotnet test tests/KneeTriage.Web.Tests";

    private static readonly string? ServerConnectionString = Read();

    public static bool IsAvailable => ServerConnectionString is not null;

    /// <summary>Run PostgreSQL tests: a server is configured, or CI demands that they run (and fail without one).</summary>
    public static bool ShouldRun => IsAvailable || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole suite stores on PostgreSQL (KNEETRIAGE_TEST_STORAGE=PostgreSQL).</summary>
    public static bool IsTheSuitesStorage { get; } =
        string.Equals(Environment.GetEnvironmentVariable(StorageVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh, empty database; dispose it to drop it.</summary>
    public static TestPostgresDatabase CreateDatabase()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(MissingMessage);
        var name = "kt_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return new TestPostgresDatabase(server, name, database.ConnectionString);
    }

    private static string? Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!value.Equals("pg", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Environment.GetEnvironmentVariable("PGHOST") is { Length: > 0 } host ? host : "localhost",
            Port = int.TryParse(Environment.GetEnvironmentVariable("PGPORT"), out var port) ? port : 5432,
            Username = Environment.GetEnvironmentVariable("PGUSER") is { Length: > 0 } user ? user : "postgres",
            Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
            Database = Environment.GetEnvironmentVariable("PGDATABASE") is { Length: > 0 } database ? database : "postgres",
        };
        return builder.ConnectionString;
    }
}

/// <summary>One test's PostgreSQL database, dropped (with any connections still open) on dispose.</summary>
public sealed class TestPostgresDatabase(string server, string name, string connectionString) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with <see cref="TestPostgres.MissingMessage"/> when there is none, except under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.ShouldRun)
        {
            Skip = TestPostgres.MissingMessage;
        }
    }
}
