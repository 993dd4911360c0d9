using System.Data.Common;

namespace KneeTriage.Web.Data;

/// <summary>
/// A new database (no migration history yet) is given every checked-in migration from the script
/// EF Core generates from them (<c>dotnet ef migrations script --no-transactions</c>, embedded per
/// provider as <c>new-database.sql</c>), run over the plain connection in one transaction. That is
/// EF Core's own SQL, the way its documentation recommends deploying migrations, without building
/// EF Core's services and model on the start path: about half a second of a fresh start on the
/// 2-core machine (docs/decisions/0042). <c>NewDatabaseScriptTests</c> fails while a script differs from
/// what EF Core would generate now, so a new migration cannot ship without it.
/// </summary>
internal static class NewDatabaseSchema
{
    /// <summary>
    /// Creates the schema when no migration has been here (no history table), under the provider's
    /// migration lock, so instances started together on a new database do not race: the second finds
    /// the history table and leaves the rest to <c>Migrate()</c>. False when it did nothing.
    /// </summary>
    public static bool TryCreate(DbConnection connection, StorageProvider provider)
    {
        using var transaction = provider.BeginSchemaChange(connection);
        if (HasMigrationTables(connection, transaction, provider))
        {
            return false;
        }

        using var script = connection.CreateCommand();
        script.Transaction = transaction;
        script.CommandText = ScriptFor(provider);
        script.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    /// <summary>The embedded script of the provider's migrations.</summary>
    public static string ScriptFor(StorageProvider provider)
    {
        var name = $"{provider.ContextType.Namespace}.new-database.sql";
        using var stream = typeof(NewDatabaseSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The build carries no {name}: see Data/README.md, \"Changing the model\".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool HasMigrationTables(DbConnection connection, DbTransaction transaction, StorageProvider provider)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider.MigrationTablesExistSql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
