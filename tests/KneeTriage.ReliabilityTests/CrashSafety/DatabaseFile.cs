using Microsoft.Data.Sqlite;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>What SQLite itself says about the database file the killed app left behind.</summary>
internal static class DatabaseFile
{
    /// <summary>
    /// PRAGMA integrity_check ("ok" when sound) and the number of stored results. Read-only and
    /// unpooled, so the check neither checkpoints the write-ahead log the app left (the restarted
    /// app must recover it itself) nor keeps the file open afterwards.
    /// </summary>
    public static (string IntegrityCheck, long StoredResults) Inspect(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        var messages = new List<string>();
        using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check;";
            using var reader = integrity.ExecuteReader();
            while (reader.Read())
            {
                messages.Add(reader.GetString(0));
            }
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Assessments;";
        var stored = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return (string.Join("; ", messages), stored);
    }
}
