namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// A fact that needs a real browser: skipped (naming the browser and how to install it) when
/// Chromium is missing, unless KNEETRIAGE_REQUIRE_BROWSER=1 makes it run and fail loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!InstalledChromium.ShouldRun)
        {
            Skip = InstalledChromium.MissingMessage;
        }
    }
}
