using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own (initdb in a temporary folder, trust authentication on
/// 127.0.0.1), so the test can stop, start and restart it without disturbing the shared server the
/// other tests use. Run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses
/// root). The port is <c>KNEETRIAGE_TEST_PRIVATE_PG_PORT</c> when set, else one the system says is free.
/// </summary>
public sealed class PrivatePostgresServer : IDisposable
{
    private readonly string folder;
    private readonly string bin;
    private readonly bool asPostgresUser;

    private PrivatePostgresServer(string folder, string bin, int port, bool asPostgresUser)
    {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "kneetriage",
        // Fail fast while the server is down, as a deployer's short timeouts would.
        Timeout = 3,
    }.ConnectionString;

    /// <summary>The server binaries (Debian's postgresql), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;

    /// <summary>Creates a cluster with an empty <c>kneetriage</c> database and starts it.</summary>
    public static PrivatePostgresServer Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: apt-get install postgresql.");
        var folder = Path.Combine(Path.GetTempPath(), $"kt-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            Run("chown", "postgres", folder);
        }

        var port = int.TryParse(Environment.GetEnvironmentVariable("KNEETRIAGE_TEST_PRIVATE_PG_PORT"), out var chosen) ? chosen : FreePort();
        var server = new PrivatePostgresServer(folder, bin, port, asPostgresUser);
        server.RunTool("initdb", "-D", server.DataFolder, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        server.StartServer();
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE DATABASE kneetriage";
            create.ExecuteNonQuery();
        }

        return server;
    }

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>Starts the stopped server and waits until it takes connections.</summary>
    public void StartServer() => RunTool(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-w",
        "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Fast shutdown: every session is terminated (57P01), as a deployer's systemctl stop would.</summary>
    public void Stop() => RunTool("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public void Restart() => RunTool(
        "pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "-l", Path.Combine(folder, "server.log"),
        "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "restart");

    /// <summary>Ends every other session on the database, as an administrator's pg_terminate_backend does.</summary>
    public int TerminateEveryBackend()
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var terminate = connection.CreateCommand();
        terminate.CommandText = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        return Convert.ToInt32(terminate.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunTool("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(folder, recursive: true);
    }

    private void RunTool(string tool, params string[] arguments)
    {
        var path = Path.Combine(bin, tool);
        if (asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output.Result}{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
