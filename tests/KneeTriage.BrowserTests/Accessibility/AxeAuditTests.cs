using KneeTriage.BrowserTests.Infrastructure;
using Xunit.Sdk;

namespace KneeTriage.BrowserTests.Accessibility;

/// <summary>The audit itself must be able to fail, and say what to fix when it does.</summary>
[Collection(SiteCollection.Name)]
public sealed class AxeAuditTests(SiteFixture site)
{
    [BrowserFact]
    public async Task AuditFailsNamingTheRuleImpactAndElementOfEachViolation()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken on purpose</title></head>
            <body><main><h1>Broken</h1><img id="unlabelled-chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => AxeAudit.AssertNoViolationsAsync(page, "a page with an image without alt text"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("[critical]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled-chart", failure.Message, StringComparison.Ordinal);
    }
}
