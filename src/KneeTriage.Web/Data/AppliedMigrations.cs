using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KneeTriage.Web.Data;

/// <summary>
/// Whether the database already holds every migration this build carries, asked over a plain
/// connection in one query. EF Core's <c>Migrate()</c> answers the same question only after building
/// its services and the model, about half a second of every start-up on the 2-core machine
/// (docs/decisions/0040); an instance starting on a current database, the usual case, skips all of
/// that, and EF Core is first built off the start path (the retention sweep, or the first request
/// that needs it). Anything else (a new database, a migration not yet applied, no history table)
/// goes to <c>Migrate()</c> as before, with its lock.
/// </summary>
internal static class AppliedMigrations
{
    /// <summary>True only when every migration of the provider's context is in the history table.</summary>
    public static bool AreAllIn(DbConnection connection, StorageProvider provider)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table yet (a new database): Migrate() creates it.
            return false;
        }

        return CarriedBy(provider).All(applied.Contains);
    }

    /// <summary>
    /// The migration ids of the provider's context, found as EF Core finds them: every
    /// <see cref="Migration"/> in the context's assembly attributed to that context.
    /// </summary>
    public static IReadOnlyList<string> CarriedBy(StorageProvider provider) =>
        [.. provider.ContextType.Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Migration)) && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == provider.ContextType)
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
}
