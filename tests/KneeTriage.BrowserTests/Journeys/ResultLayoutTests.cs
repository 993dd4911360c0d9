using System.Text.Json;
using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Journeys;

/// <summary>
/// The result page as a worried runner sees it: on a phone, a header of two short rows and the
/// disposition, what to do and the causes before the details; on a desktop, the result in two-thirds
/// with the share panel beside it; on both, the causes in bands at a readable size, never a percentage.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ResultLayoutTests(SiteFixture site)
{
    private const string Answers = """
        {"answers": {"age": 34, "pain-type": "dull-ache", "pain-severity": 4, "pain-location": ["back-outer"],
         "onset": "gradual", "duration": "3-to-14-days", "injury": "none", "stiffness": "none",
         "cannot-bear-weight": false, "fever": false, "hot-red-knee": false, "breathless-or-chest-pain": false,
         "calf-cramp-on-exertion": false, "deformity": false}}
        """;

    [BrowserFact]
    public async Task OnAPhoneTheHeaderIsShortAndTheAdviceAndCausesComeFirst()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync(await CreateResultAsync(context));

        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 100, $"The phone header is {header.Height} px tall.");
        var causes = await page.Locator(".result-causes").BoundingBoxAsync();
        Assert.True(causes!.Y < 3 * Viewport.Phone.Height, $"The causes start {causes.Y} px down the page.");
        await AssertCausesInBandsAsync(page, minimumFontPx: 14);
        await Viewport.AssertNoSidewaysScrollingAsync(page);
    }

    [BrowserFact]
    public async Task OnADesktopTheResultTakesTwoThirdsWithTheSharePanelBeside()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync(await CreateResultAsync(context));

        var main = await page.Locator("main").BoundingBoxAsync();
        var banner = await page.Locator(".urgency-banner").BoundingBoxAsync();
        var share = await page.Locator(".share-panel").BoundingBoxAsync();
        Assert.True(share!.X >= banner!.X + banner.Width, "The share panel should sit beside the result, not under it.");
        Assert.True(share.Y < banner.Y + banner.Height, "The share panel should start level with the top of the result.");
        Assert.True(banner.Width + share.Width >= 0.8 * (main!.Width - 32), $"The result and share panel fill {banner.Width + share.Width} of {main.Width} px.");
        await AssertCausesInBandsAsync(page, minimumFontPx: 14);
    }

    /// <summary>The causes in bands, each band's title legible, and no percentage anywhere in the result (contract v1.2).</summary>
    private static async Task AssertCausesInBandsAsync(IPage page, int minimumFontPx)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            (minimum) => {
              const titles = [...document.querySelectorAll('.result-causes .cause-band-title')];
              if (titles.length === 0) return ['no band of causes'];
              const problems = [];
              for (const title of titles) {
                const size = parseFloat(getComputedStyle(title).fontSize);
                if (size < minimum) problems.push(`"${title.textContent.trim()}" is ${size} px`);
              }
              const percentage = document.querySelector('article.result').innerText.match(/\d\s?%/);
              if (percentage) problems.push(`the result shows a percentage: ${percentage[0]}`);
              return problems;
            }
            """, minimumFontPx);
        Assert.True(problems.Length == 0, string.Join('\n', problems));
    }

    private static async Task<string> CreateResultAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.PostAsync("/api/assessments", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = Answers,
        });
        Assert.Equal(201, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("resultUrl").GetString()!;
    }
}
