using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Security;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>The boards' pages hold nothing the Content-Security-Policy would block, and no id twice or a reference to a missing one.</summary>
public sealed class BoardMarkupTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task NoBoardPageHasAnythingTheContentSecurityPolicyWouldBlock()
    {
        var api = new BoardClient(factory);
        var board = await api.CreateBoardAsync();
        var result = await api.CreateResultAsync();
        await api.ShareOkAsync(board, result, "Robin");
        using var client = factory.CreateClient();
        var problems = new List<string>();

        var visited = await InlineContentTests.CrawlAsync(client, ["/boards/new", $"/boards/{board.Id}", $"/boards/{board.Id}/poster", $"/join/{board.JoinId}", "/boards/deleted"], problems);

        Assert.True(visited.Count >= 5, $"the crawl reached only {string.Join(", ", visited)}");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task NoBoardPageUsesAnIdTwiceOrNamesAMissingOne()
    {
        var problems = new List<string>();
        foreach (var (name, html) in await BoardPages.CollectAsync(factory))
        {
            var page = HtmlPage.Parse(name, html);
            var ids = page.Document.All.Select(e => e.Id).OfType<string>().Where(id => id.Length > 0).ToList();
            problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{name}: id {g.Key} used {g.Count()} times"));
            var known = ids.ToHashSet(StringComparer.Ordinal);
            foreach (var element in page.Document.QuerySelectorAll("[aria-describedby], [aria-labelledby], label[for], a[href^='#']"))
            {
                var named = (element.GetAttribute("aria-describedby") + " " + element.GetAttribute("aria-labelledby") + " " + element.GetAttribute("for") + " " + element.GetAttribute("href")?.TrimStart('#'))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                problems.AddRange(named.Where(id => !known.Contains(id)).Select(id => $"{name}: {element.TagName} names missing id {id}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
