using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// Collects what a runner would never see but would suffer from: console errors (a blocked
/// inline script or style shows up here as a Content-Security-Policy violation), uncaught
/// script errors, and same-site assets that failed to load.
/// </summary>
public sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly HashSet<string> _expectedStatusPaths = new(StringComparer.Ordinal);

    private PageProblems(IPage page, Uri root)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedStatusMessage(message.Text))
            {
                _problems.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error on {page.Url}: {error}");
        page.Response += (_, response) =>
        {
            var url = new Uri(response.Url);
            if (url.Authority == root.Authority && response.Status >= 400 && !_expectedStatusPaths.Contains(url.AbsolutePath))
            {
                _problems.Enqueue($"{response.Status} for {response.Request.Method} {url.PathAndQuery}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is the browser cancelling a request because the page moved on (a quick
            // click on Continue), not a broken asset.
            if (request.Failure?.Contains("ERR_ABORTED", StringComparison.Ordinal) != true)
            {
                _problems.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
    }

    public static PageProblems Watch(IPage page, Uri root) => new(page, root);

    /// <summary>A page the test visits on purpose knowing it answers an error status (the 404 page).</summary>
    public void Expect4xxAt(string path) => _expectedStatusPaths.Add(path);

    public void AssertNone()
    {
        Assert.True(_problems.IsEmpty, "The browser reported problems:\n  " + string.Join("\n  ", _problems));
    }

    // Chromium logs "Failed to load resource: ... 404" for a document that is itself a 404 page.
    private bool IsExpectedStatusMessage(string text) =>
        _expectedStatusPaths.Count > 0 && text.StartsWith("Failed to load resource", StringComparison.Ordinal)
        && text.Contains("404", StringComparison.Ordinal);
}
