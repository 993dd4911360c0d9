namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>How the app process is started: its database, how it is told where to listen, and extra settings.</summary>
internal sealed record AppLaunch
{
    /// <summary>ConnectionStrings:KneeTriage, e.g. "Data Source=/tmp/x/kt.db".</summary>
    public required string ConnectionString { get; init; }

    public UrlSetting Url { get; init; } = UrlSetting.CommandLine;

    /// <summary>
    /// False leaves the app's stdout pipe unread, as a stalled log collector would: once the pipe's
    /// buffer is full, every write to the console waits.
    /// </summary>
    public bool ReadOutput { get; init; } = true;

    /// <summary>More environment variables (configuration keys with "__" for ":"), applied last.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>The standard ways of telling an ASP.NET Core app where to listen.</summary>
internal enum UrlSetting
{
    /// <summary>--urls http://127.0.0.1:PORT</summary>
    CommandLine,

    /// <summary>ASPNETCORE_URLS=http://127.0.0.1:PORT</summary>
    AspNetCoreUrls,

    /// <summary>ASPNETCORE_HTTP_PORTS=PORT (every interface; the test still talks to 127.0.0.1 only)</summary>
    AspNetCoreHttpPorts,
}
