using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>
/// One of every board page type, as HTML, for the markup checks: making a board (empty, with an
/// error, made), a board (as its maker, in a fresh browser, with a wrong key, not found, deleted),
/// its join poster, a join page (no results, with results, with errors, shared, not found), and the result page's
/// sharing section and its error page.
/// </summary>
public static class BoardPages
{
    public static async Task<IReadOnlyList<(string Name, string Html)>> CollectAsync(WebApplicationFactory<Program> factory)
    {
        var pages = new List<(string, string)>();
        var coach = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var form = await LoadAsync(coach, "/boards/new", "board-new", pages);
        using (var errors = await CheckForm.SubmitAsync(coach, form, new Dictionary<string, string[]> { ["Name"] = [""] }, "main form"))
        {
            pages.Add(("board-new-errors", await errors.Content.ReadAsStringAsync()));
        }

        using var made = await CheckForm.SubmitAsync(coach, form, new Dictionary<string, string[]> { ["Name"] = ["Riverside <RC>"] }, "main form");
        var (madeHtml, _) = await Redirected.FollowAsync(coach, made);
        pages.Add(("board-made", madeHtml));
        var boardPath = new Uri(HtmlPage.Parse("/boards/new", madeHtml).Document.QuerySelector("#board-url")?.GetAttribute("value") ?? "http://x/").AbsolutePath;
        var joinPath = new Uri(HtmlPage.Parse("/boards/new", madeHtml).Document.QuerySelector("#join-url")?.GetAttribute("value") ?? "http://x/").AbsolutePath;

        var runner = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        pages.Add(("join-no-results", await runner.GetStringAsync(new Uri(joinPath, UriKind.Relative))));
        var resultPath = await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers);
        await CheckForm.CompleteCheckAsync(runner, CheckForm.SelfCareAnswers.With("duration", "over-6-weeks"));
        var join = await LoadAsync(runner, joinPath, "join", pages);
        using (var joinErrors = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]>(), "main form"))
        {
            pages.Add(("join-errors", await joinErrors.Content.ReadAsStringAsync()));
        }

        using (var shared = await CheckForm.SubmitAsync(runner, join, new Dictionary<string, string[]> { ["ResultId"] = [resultPath["/results/".Length..]], ["DisplayName"] = ["Robin <b>"] }, "main form"))
        {
            pages.Add(("join-shared", (await Redirected.FollowAsync(runner, shared)).Html));
        }

        var result = await LoadAsync(runner, resultPath, "result-runner-shared", pages);
        using (var shareErrors = await CheckForm.SubmitAsync(runner, result, new Dictionary<string, string[]> { ["JoinLink"] = ["nonsense"] }, "form.board-share-form"))
        {
            pages.Add(("result-share-errors", await shareErrors.Content.ReadAsStringAsync()));
        }

        var board = await LoadAsync(coach, boardPath, "board-maker", pages);
        await LoadAsync(coach, $"{boardPath}/poster", "board-poster", pages);
        var fresh = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var freshBoard = await LoadAsync(fresh, boardPath, "board-fresh-browser", pages);
        using (var wrongKey = await CheckForm.SubmitAsync(fresh, freshBoard, new Dictionary<string, string[]> { ["deleteKey"] = ["wrong"] }, "form[action*='handler=Delete']"))
        {
            pages.Add(("board-wrong-key", await wrongKey.Content.ReadAsStringAsync()));
        }

        using (var notFound = await fresh.GetAsync(new Uri("/boards/AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative)))
        {
            pages.Add(("board-not-found", await notFound.Content.ReadAsStringAsync()));
        }

        using (var joinNotFound = await fresh.GetAsync(new Uri("/join/AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative)))
        {
            pages.Add(("join-not-found", await joinNotFound.Content.ReadAsStringAsync()));
        }

        pages.Add(("board-deleted", await fresh.GetStringAsync(new Uri("/boards/deleted", UriKind.Relative))));
        return pages;
    }

    /// <summary>The page as served (doctype and all), kept for the checks and parsed for the next step.</summary>
    private static async Task<HtmlPage> LoadAsync(HttpClient client, string path, string name, List<(string, string)> pages)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        pages.Add((name, html));
        return HtmlPage.Parse(path, html);
    }
}
