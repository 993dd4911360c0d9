namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>: same skip rule, same message.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!InstalledChromium.ShouldRun)
        {
            Skip = InstalledChromium.MissingMessage;
        }
    }
}
