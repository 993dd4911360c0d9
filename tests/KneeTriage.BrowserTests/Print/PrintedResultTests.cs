using System.Text;
using System.Text.RegularExpressions;
using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Print;

/// <summary>
/// Issue 23 item 1, in the real browser: the clinician summary of the longest case prints on one A4
/// page and the whole result on at most two, counted in the PDF Chromium makes of the page (its
/// print path: print media, page boxes, the page's own CSS), and the summary, collapsed on screen,
/// is open in print.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class PrintedResultTests(SiteFixture site)
{
    [BrowserFact]
    public async Task TheLongestCasesSummaryPrintsOnOnePageAndTheWholeResultOnAtMostTwo()
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync(await LongestCase.CreateAsync(context));

        var (whole, summaryOnly) = await PrintAsync(page, "longest");

        // Issue 23: the summary on one A4 page, the whole result on at most two (decision 0028).
        Assert.True(summaryOnly <= 1, $"The clinician summary alone prints on {summaryOnly} A4 pages; it must fit one.");
        Assert.True(whole <= 2, $"The whole result prints on {whole} A4 pages; it must fit two.");
    }

    /// <summary>
    /// The longest case the web form can make, which the API cannot: each question asked in yes/no
    /// parts read back part by part (every part "Not sure"), every warning page carried on past, the
    /// tick-box warnings either all ticked (the most signs) or "Not sure", in a series of ten checks.
    /// Its summary is longer than the API's case and must still fit one A4 page.
    /// </summary>
    [BrowserTheory]
    [InlineData(TickBoxWarnings.EveryBox)]
    [InlineData(TickBoxWarnings.NotSure)]
    public async Task TheLongestFormMadeCasesSummaryPrintsOnOnePageAndTheWholeResultOnAtMostTwo(TickBoxWarnings tickBoxes)
    {
        await using var context = await site.NewContextAsync(Viewport.Desktop.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync(await LongestFormCase.CreateAsync(context, tickBoxes));

        // Made on the form: the parts are read back (more answers than questions) and "not sure" with them.
        var warnings = page.Locator(".clinician-warnings");
        var questions = await warnings.Locator("li").CountAsync();
        var answers = await warnings.Locator(".clinician-answer").CountAsync();
        Assert.True(answers > questions, $"The summary reads back {answers} answers to {questions} warning questions: no parts, so not a form-made result.");
        await Assertions.Expect(warnings.Locator(".clinician-answer", new() { HasTextString = "Not sure" }).First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".clinician-summary")).ToContainTextAsync(LongestCase.Activities[2].Trim());
        // In a series of ten checks, as the API's longest case.
        await Assertions.Expect(page.Locator(".clinician-scores tbody tr")).ToHaveCountAsync(LongestCase.Checks);

        var (whole, summaryOnly) = await PrintAsync(page, $"longest-form-{tickBoxes.ToString().ToLowerInvariant()}");

        Assert.True(summaryOnly <= 1, $"The clinician summary of the longest form-made case ({tickBoxes}) prints on {summaryOnly} A4 pages; it must fit one.");
        Assert.True(whole <= 2, $"The whole result of the longest form-made case ({tickBoxes}) prints on {whole} A4 pages; it must fit two.");
    }

    [BrowserFact]
    public async Task TheSummaryIsCollapsedOnScreenAndOpenInPrint()
    {
        await using var context = await site.NewContextAsync(Viewport.Phone.ContextOptions());
        var page = await context.NewPageAsync();
        await page.GotoAsync(await LongestCase.CreateAsync(context));

        var body = page.Locator(".clinician-summary-body");
        await Assertions.Expect(body).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(body).ToBeVisibleAsync();
        await Assertions.Expect(body).ToContainTextAsync(LongestCase.Activities[2].Trim());
        await Screenshots.SaveAsync(page, "result-print-with-clinician-summary");

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(body).ToBeHiddenAsync();
        await page.Locator(".clinician-summary > summary").ClickAsync();
        await Assertions.Expect(body).ToBeVisibleAsync();
    }

    /// <summary>
    /// Prints the result page as Chromium's print does, then the clinician summary alone with the
    /// same print styles; keeps both PDFs (<paramref name="name"/>-result.pdf, -summary.pdf) and
    /// returns their page counts. Leaves the page holding only the summary.
    /// </summary>
    private static async Task<(int Whole, int SummaryOnly)> PrintAsync(IPage page, string name)
    {
        await Assertions.Expect(page.Locator(".clinician-summary-body")).ToBeHiddenAsync();
        // As the browser's own print does: Playwright's PDF sends no beforeprint, and results.js listens for it.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");

        // The page's own @page rule (A4, 9 and 10 mm margins) decides the page box, as in the browser's print dialog.
        var whole = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"{name}-result.pdf"), whole);

        // The summary by itself: the rest of the page taken away, the same print styles applied.
        await page.EvaluateAsync("""
            () => {
              const summary = document.querySelector('.clinician-summary');
              document.querySelector('main').replaceChildren(summary);
              document.querySelectorAll('header.site-header, footer').forEach(e => e.remove());
            }
            """);
        var summaryOnly = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Directory, $"{name}-summary.pdf"), summaryOnly);
        return (PageCount(whole), PageCount(summaryOnly));
    }

    /// <summary>The pages of a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree).</summary>
    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
