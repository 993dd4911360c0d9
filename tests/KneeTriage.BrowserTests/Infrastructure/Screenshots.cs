using System.Reflection;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots kept as test output in tests/KneeTriage.BrowserTests/screenshots/
/// (git-ignored), whatever artifacts path the build used; KNEETRIAGE_SCREENSHOTS overrides it.
/// </summary>
public static class Screenshots
{
    /// <summary>The folder, made when first asked for: a test that writes a PDF there may run before any screenshot.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("KNEETRIAGE_SCREENSHOTS") is { Length: > 0 } overridden
            ? overridden
            : typeof(Screenshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(attribute => attribute.Key == "ScreenshotDirectory")?.Value
              ?? Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
