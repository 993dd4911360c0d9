using System.Diagnostics;
using KneeTriage.ReliabilityTests.Infrastructure;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>
/// deploy/README.md's "Back up and restore", as a deployer would run it: a backup taken from a
/// live instance under write load, restored, and an instance started on the copy reads every
/// result acknowledged before the backup began, exactly as it was first answered.
/// </summary>
public sealed class BackupAndRestoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly List<IDisposable> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task ASqliteVacuumIntoBackupOfALiveInstanceUnderLoadRestoresEveryAcknowledgedResult()
    {
        var live = _folder.File("live.db");
        var backup = _folder.File("backup.db");
        await BackUpUnderLoadAndRestoreAsync(
            new AppLaunch { ConnectionString = $"Data Source={live}" },
            () =>
            {
                // What `sqlite3 live.db "VACUUM INTO 'backup.db'"` does, through the app's own SQLite: a
                // consistent copy that includes what sits in the -wal, while the app keeps writing.
                using var connection = new SqliteConnection($"Data Source={live};Pooling=False");
                connection.Open();
                using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $backup";
                vacuum.Parameters.AddWithValue("$backup", backup);
                vacuum.ExecuteNonQuery();
            },
            () =>
            {
                // Restore: the copy becomes the database file of a (new) instance.
                var restored = _folder.File("restored.db");
                File.Copy(backup, restored);
                return new AppLaunch { ConnectionString = $"Data Source={restored}" };
            });
    }

    [PostgresFact]
    public async Task APostgreSqlDumpOfALiveInstanceUnderLoadRestoresEveryAcknowledgedResult()
    {
        var live = TestPostgres.CreateDatabase();
        _databases.Add(live);
        var dump = _folder.File("kneetriage.dump");
        var postgres = new Dictionary<string, string> { ["Storage__Provider"] = "PostgreSQL" };
        await BackUpUnderLoadAndRestoreAsync(
            new AppLaunch { ConnectionString = live.ConnectionString, Environment = postgres },
            () => Run("pg_dump", live.ConnectionString, "-Fc", "-f", dump),
            () =>
            {
                var restored = TestPostgres.CreateDatabase();
                _databases.Add(restored);
                Run("pg_restore", restored.ConnectionString, "--no-owner", dump);
                return new AppLaunch { ConnectionString = restored.ConnectionString, Environment = postgres };
            });
    }

    private async Task BackUpUnderLoadAndRestoreAsync(AppLaunch liveLaunch, Action backUp, Func<AppLaunch> restore)
    {
        IReadOnlyCollection<AcknowledgedSubmission> beforeBackup;
        int duringBackup;
        await using (var live = await AppProcess.StartAsync(liveLaunch))
        {
            using var clients = new SubmittingClients(live.RootUri, clients: 4, round: 1);
            await clients.FirstAcknowledged.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(1));
            beforeBackup = [.. clients.Acknowledged];
            var took = Stopwatch.StartNew();
            backUp();
            took.Stop();
            duringBackup = clients.Acknowledged.Count - beforeBackup.Count;
            clients.Stop();
            await clients.StoppedAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Empty(clients.Failures);
            output.WriteLine($"backup took {took.ElapsedMilliseconds} ms; {beforeBackup.Count} acknowledged before it began, {duringBackup} while it ran");
        }

        await using var restored = await AppProcess.StartAsync(restore());
        var differences = await StoredAssessmentReader.FindDifferencesAsync(restored.RootUri, beforeBackup);
        Assert.True(differences.Count == 0, $"{differences.Count} results acknowledged before the backup are missing or changed in the restored copy:{Environment.NewLine}" + string.Join(Environment.NewLine, differences.Take(10)));
    }

    /// <summary>pg_dump or pg_restore against a connection string's database, the password through PGPASSWORD as the docs say.</summary>
    private static void Run(string tool, string connectionString, params string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {error.Result}");
    }
}
