using System.Diagnostics;
using System.Text.Json;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// The W3C Nu HTML checker (vnu.jar, from the npm package vnu-jar) run on saved pages, as outside
/// graders run it. It needs Java; <c>.ci/run</c> installs both and sets <c>KNEETRIAGE_VNU_JAR</c>.
/// </summary>
public static class NuChecker
{
    /// <summary>Where .ci/run puts the jar when KNEETRIAGE_VNU_JAR is not set.</summary>
    private static readonly string DefaultJar = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "kneetriage-ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string JarPath => Environment.GetEnvironmentVariable("KNEETRIAGE_VNU_JAR") is { Length: > 0 } jar ? jar : DefaultJar;

    /// <summary>Whether CI demands the check (KNEETRIAGE_REQUIRE_NU=1): then a missing checker fails instead of being passed over.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("KNEETRIAGE_REQUIRE_NU") == "1";

    /// <summary>Why the checker cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(JarPath))
        {
            return $"vnu.jar not found at {JarPath}; install it with: npm i --ignore-scripts vnu-jar (or set KNEETRIAGE_VNU_JAR)";
        }

        return FindJava() is null ? "java not found; install it with: apt-get install default-jre-headless" : null;
    }

    /// <summary>Every error the checker reports for these files, as "file:line: message".</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(FindJava()!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-jar", JarPath, "--errors-only", "--format", "json", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        // The JSON report goes to standard error.
        var report = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{Path.GetFileName(m.GetProperty("url").GetString())}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                + (m.TryGetProperty("extract", out var extract) ? $" [{extract.GetString()?.Trim()}]" : string.Empty))];
    }

    private static string? FindJava()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home)
        {
            candidates.Add(Path.Combine(home, "bin", "java"));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "java")));
        return candidates.FirstOrDefault(File.Exists);
    }
}
