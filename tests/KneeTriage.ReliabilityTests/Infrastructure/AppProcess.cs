using System.Diagnostics;

namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>
/// The real app (`dotnet KneeTriage.Web.dll`) as a separate process on a loopback port, with its
/// SQLite database at a given path, Production settings and rate limits off. Being a process of
/// its own, it can be killed with SIGKILL mid-write, and its memory measured.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Apps still running when the test host shuts down (a test aborted between start and dispose)
    // are killed then, so no orphan keeps a port and a database open.
    private static readonly HashSet<Process> Running = [];

    static AppProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();

    private readonly Process _process;
    private readonly OutputTail _output = new(200);

    private AppProcess(Process process, Uri rootUri)
    {
        _process = process;
        RootUri = rootUri;
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri RootUri { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the app last wrote to stdout and stderr, for failure messages.</summary>
    public string RecentOutput => _output.ToString();

    public long ResidentBytes => ResidentMemory.BytesOf(_process.Id);

    /// <summary>Starts the app on <paramref name="databasePath"/> and returns once /healthz answers.</summary>
    public static Task<AppProcess> StartAsync(string databasePath, CancellationToken cancellationToken = default) =>
        StartAsync(new AppLaunch { ConnectionString = $"Data Source={databasePath}" }, cancellationToken);

    /// <summary>Starts the app as <paramref name="launch"/> says and returns once /healthz answers.</summary>
    public static async Task<AppProcess> StartAsync(AppLaunch launch, CancellationToken cancellationToken = default)
    {
        // A free port can be taken between looking and binding; a second try on another port settles it.
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var app = Launch(launch, FreePort.Find());
            try
            {
                await app.WaitUntilHealthyAsync(cancellationToken);
                return app;
            }
            catch (InvalidOperationException) when (attempt < Attempts && app.HasExited)
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a power cut to the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        lock (Running)
        {
            Running.Remove(_process);
        }
    }

    /// <summary>SIGTERM, as a service manager stops the app, then waits for it to exit (or kills it after 30 s).</summary>
    public async Task StopGracefullyAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new InvalidOperationException($"The app did not stop within 30 s of SIGTERM. Its last output:{Environment.NewLine}{RecentOutput}");
        }

        // The exit above can be seen before the last lines of output are delivered.
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // The process never started; nothing to stop.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static AppProcess Launch(AppLaunch launch, int port)
    {
        var rootUri = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo
        {
            // The dotnet host that runs these tests runs the app too.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            WorkingDirectory = WebAppFiles.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAppFiles.Assembly);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(WebAppFiles.ContentRoot);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__KneeTriage"] = launch.ConnectionString;
        // Volume tests send far more than any one client may; the limits are tested elsewhere.
        start.Environment["RateLimiting__Enabled"] = "false";
        // Settings a developer's shell may carry must not change what is tested.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        // The standard ways a service manager or container says where to listen; each must be obeyed.
        switch (launch.Url)
        {
            case UrlSetting.CommandLine:
                start.ArgumentList.Add("--urls");
                start.ArgumentList.Add(rootUri.ToString().TrimEnd('/'));
                break;
            case UrlSetting.AspNetCoreUrls:
                start.Environment["ASPNETCORE_URLS"] = rootUri.ToString().TrimEnd('/');
                break;
            case UrlSetting.AspNetCoreHttpPorts:
                start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, rootUri);
        process.OutputDataReceived += (_, e) => app._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app._output.Add(e.Data);
        process.Start();
        lock (Running)
        {
            Running.Add(process);
        }

        if (launch.ReadOutput)
        {
            process.BeginOutputReadLine();
        }

        process.BeginErrorReadLine();
        return app;
    }

    private static void KillAllRunning()
    {
        lock (Running)
        {
            foreach (var process in Running.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }

            Running.Clear();
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = RootUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var lastProblem = "no answer yet";
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before it was healthy. Its last output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
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
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "/healthz did not answer within 5 s";
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException(
            $"The app at {RootUri} was not healthy within {StartTimeout.TotalSeconds} s ({lastProblem}). Its last output:{Environment.NewLine}{RecentOutput}");
    }
}
