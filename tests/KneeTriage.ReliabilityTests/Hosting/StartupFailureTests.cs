using System.Diagnostics;
using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// A start-up failure the app explains ends with that one message and exit code 1 (systemd's
/// journal shows it), not an abort with a stack trace; the trace comes back on request.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task AWrongSettingExitsWithCode1AndTheMessageWithoutAStackTrace()
    {
        var (exitCode, output) = await RunAsync(trace: false);

        Assert.Equal(1, exitCode);
        Assert.Contains("KneeTriage could not start: Storage:Provider is 'Oracle'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStackTraceIsPrintedWhenAskedFor()
    {
        var (exitCode, output) = await RunAsync(trace: true);

        Assert.Equal(1, exitCode);
        Assert.Contains("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(bool trace)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            WorkingDirectory = WebAppFiles.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { WebAppFiles.Assembly, "--contentRoot", WebAppFiles.ContentRoot, "--urls", $"http://127.0.0.1:{FreePort.Find()}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = "Oracle";
        start.Environment["KNEETRIAGE_STARTUP_TRACE"] = trace ? "1" : "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the app did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
