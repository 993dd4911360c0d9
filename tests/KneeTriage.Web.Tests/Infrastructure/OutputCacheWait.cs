using System.Diagnostics;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// The output cache stores a page as its first render ends, a moment after the client already has
/// it; on a busy CI machine that moment can outlast several quick requests. A test that means to
/// read a page from memory asks until an answer carries the cache's Age header (as
/// ArticleReplayTests does), and fails if none ever does: then the page was never cached at all.
/// </summary>
internal static class OutputCacheWait
{
    private const int Attempts = 100;

    /// <summary>The first answer to <paramref name="send"/> that came from the output cache.</summary>
    public static async Task<HttpResponseMessage> UntilCachedAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var response = await send();
            if (response.Headers.Age is not null)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.Fail($"{what} never came from the output cache: no Age header in {Attempts} requests, 20 ms apart");
        throw new UnreachableException();
    }

    /// <summary>GET <paramref name="path"/> until the output cache answers it.</summary>
    public static Task<HttpResponseMessage> GetUntilCachedAsync(HttpClient client, string path) =>
        UntilCachedAsync(() => client.GetAsync(new Uri(path, UriKind.Relative)), $"GET {path}");

    /// <summary>The page at <paramref name="path"/> as the output cache serves it.</summary>
    public static async Task<HtmlPage> LoadCachedAsync(HttpClient client, string path)
    {
        using var response = await GetUntilCachedAsync(client, path);
        return HtmlPage.Parse(path, await response.Content.ReadAsStringAsync());
    }
}
