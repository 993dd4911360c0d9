namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// Where the browser tests expect Debian's Chromium, and whether a missing browser is a skip
/// (a developer machine) or a failure (CI sets KNEETRIAGE_REQUIRE_BROWSER=1).
/// </summary>
public static class InstalledChromium
{
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    public const string RequireVariable = "KNEETRIAGE_REQUIRE_BROWSER";

    /// <summary>Another distribution's path (e.g. /usr/bin/chromium-browser) can be given here.</summary>
    public const string PathVariable = "KNEETRIAGE_CHROMIUM_PATH";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultExecutablePath;

    public static string MissingMessage =>
        $"Chromium not found at {ExecutablePath}; install it with: apt-get install chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Run the tests when the browser is there, or when CI insists (so they fail loudly).</summary>
    public static bool ShouldRun => IsInstalled || IsRequired;

    /// <summary>
    /// Flags that keep headless Chromium quiet and offline: this machine reaches no network but
    /// the package mirrors, and a test must never wait on an update check or a sync service.
    /// </summary>
    public static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];
}
