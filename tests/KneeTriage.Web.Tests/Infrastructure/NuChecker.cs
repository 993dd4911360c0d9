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

    /// <summary>
    /// Every error the checker reports for these files (or URLs), as "file:line: message": document
    /// errors and non-document errors (a file or address it could not read) alike. The checker passes
    /// over a file that does not exist without a word, so a missing one is an error here.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyList<string> files)
    {
        var missing = files.Where(f => !f.Contains("://", StringComparison.Ordinal) && !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"The Nu checker would pass over these without a word: {string.Join(", ", missing)}");
        }

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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Nu checker exited with {process.ExitCode} (--exit-zero-always: it did not finish): {report}");
        }

        return ReadReport(report);
    }

    /// <summary>The errors in a JSON report: every message but "info" (warnings), "non-document-error" included.</summary>
    public static IReadOnlyList<string> ReadReport(string report)
    {
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() != "info")
            .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: "
                + $"{(m.GetProperty("type").GetString() == "error" ? "" : m.GetProperty("type").GetString() + ": ")}{m.GetProperty("message").GetString()}"
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

/// <summary>
/// A fact that runs the Nu checker: skipped (and reported as skipped, not passed) when Java or the
/// jar is missing, unless KNEETRIAGE_REQUIRE_NU=1 (CI), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NuFactAttribute : FactAttribute
{
    public NuFactAttribute()
    {
        if (!NuChecker.Required && NuChecker.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
