using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Security;

/// <summary>
/// The whole app on a private SQLite file that is deleted afterwards, with extra settings
/// (rate limits, retention) given per test.
/// </summary>
public sealed class SecurityAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kt-sec-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> settings;

    public SecurityAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    private SecurityAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:KneeTriage"] = $"Data Source={databasePath}",
            // Most security tests submit more than a browser would; the rate-limit tests turn it back on.
            ["RateLimiting:Enabled"] = "false",
            // Warnings still show in test output; request lines would drown them (log tests turn it up).
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            this.settings[key] = value;
        }
    }

    /// <summary>An app with these configuration values on top of the test defaults.</summary>
    public static SecurityAppFactory With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
