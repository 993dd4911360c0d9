using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Chromium for the whole run; each test opens its own
/// browser context (cookies, storage and permissions start empty), so tests stay independent.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "kneetriage-browser-" + Guid.NewGuid().ToString("N"));

    private KestrelSite? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri RootUri => _site?.RootUri ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        // Every test in this collection is skipped: start nothing, so `dotnet test` stays quick.
        if (!InstalledChromium.ShouldRun)
        {
            return;
        }

        if (!InstalledChromium.IsInstalled)
        {
            throw new InvalidOperationException(
                $"{InstalledChromium.RequireVariable}=1 but the browser tests cannot run: {InstalledChromium.MissingMessage}");
        }

        Directory.CreateDirectory(_dataDirectory);
        _site = new KestrelSite(Path.Combine(_dataDirectory, "kt.db"));
        _site.StartServer();
        await WaitUntilHealthyAsync(_site.RootUri);

        // Web-first assertions retry until this long; CI machines are shared and sometimes slow.
        Assertions.SetDefaultExpectTimeout(10_000);

        // The browser comes from Debian; Playwright's own downloads are never used.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = InstalledChromium.ExecutablePath,
            Headless = true,
            Args = InstalledChromium.LaunchArguments,
        });
    }

    /// <summary>A fresh browser context pointed at the app; dispose it at the end of the test.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = RootUri.ToString();
        // A browser in the UK unless a test says otherwise: the knowledge base's own numbers (999, NHS 111).
        options.Locale ??= "en-GB";
        var context = await Browser.NewContextAsync(options);
        // Every page here is served from loopback in milliseconds; a missing element should fail fast, not in 30 s.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        // Pooled SQLite connections keep the database file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task WaitUntilHealthyAsync(Uri root)
    {
        using var client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string lastProblem = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastProblem = $"/healthz answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                lastProblem = exception.Message;
            }
            catch (TaskCanceledException exception)
            {
                // A first answer slower than the client's 5 s (a loaded machine still starting the app) is tried again until the deadline.
                lastProblem = exception.Message;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The app at {root} did not become healthy within 30 s: {lastProblem}.");
    }

    private static InvalidOperationException NotStarted() =>
        new("The site fixture did not start; a browser test ran although Chromium is missing and not required.");
}
