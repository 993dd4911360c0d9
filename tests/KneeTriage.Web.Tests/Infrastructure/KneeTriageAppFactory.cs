using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory, as a reader's browser would reach it: real content from the build
/// output, a private SQLite file deleted afterwards, quiet logs. Use it as a class fixture
/// (<c>IClassFixture&lt;KneeTriageAppFactory&gt;</c>), or build one with extra settings through
/// <see cref="With"/> when a test needs different configuration (for example a content folder of its own).
/// </summary>
public class KneeTriageAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"kt-web-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> settings;
    private readonly TestPostgresDatabase? postgres;

    public KneeTriageAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected KneeTriageAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = new Dictionary<string, string?>
        {
            // Warnings and errors still show in test output; request lines would drown them.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        // A test that names its own database (two instances sharing one) keeps it; others get a fresh one,
        // on PostgreSQL when the suite runs there (KNEETRIAGE_TEST_STORAGE=PostgreSQL, see TestPostgres).
        if (!settings.ContainsKey("ConnectionStrings:KneeTriage"))
        {
            if (TestPostgres.IsTheSuitesStorage)
            {
                postgres = TestPostgres.CreateDatabase();
                this.settings["Storage:Provider"] = "PostgreSQL";
                this.settings["ConnectionStrings:KneeTriage"] = postgres.ConnectionString;
            }
            else
            {
                this.settings["ConnectionStrings:KneeTriage"] = $"Data Source={databasePath}";
            }
        }

        foreach (var (key, value) in settings)
        {
            this.settings[key] = value;
        }
    }

    /// <summary>True when this app stores on PostgreSQL (the suite's second CI pass).</summary>
    public bool OnPostgres => string.Equals(settings.GetValueOrDefault("Storage:Provider"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>An app with these configuration values on top of the test defaults.</summary>
    public static KneeTriageAppFactory With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    /// <summary>An app that reads its article sections from <paramref name="folder"/> instead of the real content.</summary>
    public static KneeTriageAppFactory WithArticleContent(string folder) =>
        With(new Dictionary<string, string?> { ["Articles:ContentPath"] = folder });

    /// <summary>A client that does not follow redirects, so tests see exactly what the app answered.</summary>
    public HttpClient CreatePlainClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Every client speaks for a browser in the UK (Accept-Language en-GB), so pages name the numbers
    /// the knowledge base is written with; Countries/ tests clear it to be a viewer elsewhere.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
    }

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
        postgres?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
