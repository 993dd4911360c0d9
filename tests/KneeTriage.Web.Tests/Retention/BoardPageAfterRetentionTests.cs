using KneeTriage.Web.Tests.Boards;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Retention;

/// <summary>
/// The running app's retention sweep deletes expired results in bulk, not through the stored-results
/// owner one by one; after each sweep the board pages in memory are dropped, so an athlete whose only
/// result expired leaves the board's page, not only its database (decision 0036).
/// </summary>
public sealed class BoardPageAfterRetentionTests
{
    [Fact]
    public async Task AnAthleteWhoseResultExpiredLeavesTheCachedBoardAfterTheSweep()
    {
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
        {
            ["Retention:MaxAge"] = "30.00:00:00",
            ["Retention:Interval"] = "00:00:01",
        });
        var api = new BoardClient(app);
        var board = await api.CreateBoardAsync();
        var expiring = await api.CreateResultAsync();
        await api.ShareOkAsync(board, expiring, "Expiring");
        await api.ShareOkAsync(board, await api.CreateResultAsync(), "Staying");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await OutputCacheWait.LoadCachedAsync(browser, $"/boards/{board.Id}");
        Assert.Equal(2, before.Document.QuerySelectorAll(".athlete-name").Length);

        // Stored 40 days ago as far as the sweep can tell; the page in memory does not know.
        await app.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == expiring.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAt, DateTime.UtcNow.AddDays(-40))));

        IReadOnlyList<string> names = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            var page = await HtmlPage.LoadAsync(browser, $"/boards/{board.Id}");
            names = [.. page.Document.QuerySelectorAll(".athlete-name").Select(h => h.TextContent)];
        }
        while (names.Count != 1 && DateTime.UtcNow < deadline);

        Assert.Equal(["Staying"], names);
    }
}
