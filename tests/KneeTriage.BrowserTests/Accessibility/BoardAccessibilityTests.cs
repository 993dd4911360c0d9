using KneeTriage.BrowserTests.Boards;
using KneeTriage.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Accessibility;

/// <summary>axe at WCAG 2.2 AA on a board with athletes of every kind, its join poster and a join page, in light and dark.</summary>
[Collection(SiteCollection.Name)]
public sealed class BoardAccessibilityTests(SiteFixture site)
{
    [BrowserTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task ABoardAndItsJoinPageHaveNoWcagViolations(ColorScheme scheme)
    {
        await using var context = await site.NewContextAsync(new() { ColorScheme = scheme });
        var board = await BoardSetup.CreateBoardAsync(context, "Riverside RC juniors");
        await BoardSetup.ShareNewResultAsync(context, board, "Needs a clinician", duration: "over-6-weeks");
        await BoardSetup.ShareNewResultAsync(context, board, "Fine");
        var page = await context.NewPageAsync();

        await page.GotoAsync(board.BoardPath);
        await Assertions.Expect(page.Locator(".athlete")).ToHaveCountAsync(2);
        await AxeAudit.AssertNoViolationsAsync(page, $"a board in {scheme} mode");
        // The confirmation opened, as a coach about to remove someone sees it.
        await page.Locator(".athlete summary").First.ClickAsync();
        await AxeAudit.AssertNoViolationsAsync(page, $"a board with a remove question open in {scheme} mode");

        await page.GotoAsync($"{board.BoardPath}/poster");
        await AxeAudit.AssertNoViolationsAsync(page, $"a board's join poster in {scheme} mode");

        await page.GotoAsync(board.JoinPath);
        await AxeAudit.AssertNoViolationsAsync(page, $"a join page in a browser with no results in {scheme} mode");
    }
}
