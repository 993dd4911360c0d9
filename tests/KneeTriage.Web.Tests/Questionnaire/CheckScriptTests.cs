using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Issue #20's speed: check.js loads only on a step that uses it (a question revealed by another
/// answer, or the knee diagram), so the warning-sign steps a worried runner meets first do no
/// script work at load; and no question carries an empty reveal attribute for the script to visit.
/// </summary>
public sealed class CheckScriptTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("/check/warning-signs", false)]
    [InlineData("/check/hot-knee", false)]
    [InlineData("/check/pain", true)]
    [InlineData("/check/swelling-stiffness", true)]
    public async Task OnlyAStepThatUsesTheScriptLoadsIt(string url, bool loadsScript)
    {
        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), url);

        var scripts = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Equal(loadsScript, scripts.Any(src => src.StartsWith("/js/check.", StringComparison.Ordinal)));
        Assert.Empty(page.Document.QuerySelectorAll("[data-reveal-when-any=''], [data-reveal-when-signs='']"));
    }
}
