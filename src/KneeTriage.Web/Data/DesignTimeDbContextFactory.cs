using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KneeTriage.Web.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build each provider's model without starting the app (and its
/// knowledge base); neither needs a database to exist. Data/README.md has the commands.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKneeTriageDbContext>
{
    public SqliteKneeTriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlKneeTriageDbContext>
{
    public PostgreSqlKneeTriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlKneeTriageDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
