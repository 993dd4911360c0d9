using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KneeTriage.Web.Data.PostgreSql;

/// <summary>
/// PostgreSQL through Npgsql, for several instances on several machines. Commits are durable when
/// they return (synchronous_commit is on by default), so the group-commit writer's promise holds.
/// </summary>
internal sealed class PostgreSqlStorage : StorageProvider
{
    public override string Name => "PostgreSQL";

    public override void AddDbContext(IServiceCollection services, string connectionString)
    {
        Parse(connectionString);
        services.AddDbContextPool<KneeTriageDbContext, PostgreSqlKneeTriageDbContext>(options => options.UseNpgsql(connectionString));
    }

    public override IStoredTokenLookup CreateTokenLookup(string connectionString) => new PostgreSqlTokenLookup(connectionString);

    public override string Describe(string connectionString)
    {
        var parsed = Parse(connectionString);
        return $"PostgreSQL database '{parsed.Database}' on {parsed.Host}:{parsed.Port} as '{parsed.Username}'";
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) =>
        ParseConnectionString(
            () => new NpgsqlConnectionStringBuilder(connectionString),
            "PostgreSQL",
            "Host=db.internal;Database=kneetriage;Username=kneetriage;Password=...");
}
