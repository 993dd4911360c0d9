using System.Globalization;
using System.Net;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Infrastructure.Logging;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// An article page replayed from memory (decision 0019) is the page the normal pipeline serves
/// from the output cache: the same bytes and the same headers, for every encoding and for HEAD;
/// requests the replay does not understand get exactly what they got before.
/// </summary>
public sealed class ArticleReplayTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    /// <summary>Before any page's Date: the output cache answers such a request in full, through the whole pipeline.</summary>
    private const string LongAgo = "Thu, 01 Jan 1970 00:00:00 GMT";

    [Theory]
    [InlineData("GET", "gzip, deflate, br, zstd", "br")]
    [InlineData("GET", "gzip", "gzip")]
    [InlineData("GET", null, null)]
    [InlineData("HEAD", "gzip, deflate, br, zstd", "br")]
    [InlineData("HEAD", "gzip", "gzip")]
    [InlineData("HEAD", null, null)]
    public async Task AReplayedArticleViewEqualsTheOutputCachesAnswerByteForByteAndHeaderForHeader(string method, string? acceptEncoding, string? expectedEncoding)
    {
        var client = factory.CreatePlainClient();
        var store = factory.Services.GetRequiredService<ArticleReplayStore>();
        const string path = "/article/causes";

        // The first render, then views until the replay has kept a copy of one the output cache
        // served (the cache stores a page as its first render ends, a moment after the client has
        // it; on a busy CI machine that moment can outlast several quick views, so wait between them).
        var shape = new ArticleReplayKey(method, false, "localhost", path, expectedEncoding ?? "identity", "GB");
        for (var i = 0; i < 100 && !store.TryGet(shape, out _); i++)
        {
            using var warm = await SendAsync(client, method, path, acceptEncoding);
            if (!store.TryGet(shape, out _))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }

        var kept = store.TryGet(shape, out _);
        using var replayed = await SendAsync(client, method, path, acceptEncoding);
        // Through every middleware and served by the output cache, from the same stored entry.
        using var normal = await SendAsync(client, method, path, acceptEncoding, ("If-Modified-Since", LongAgo));

        Assert.True(kept, "the replay kept no copy of a page the output cache served");
        Assert.True(normal.Headers.Age is not null, "the comparison answer should come from the output cache");
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(expectedEncoding is null ? [] : [expectedEncoding], replayed.Content.Headers.ContentEncoding);
        Assert.Equal(HeadersOf(normal), HeadersOf(replayed));
        Assert.Equal(await normal.Content.ReadAsByteArrayAsync(), await replayed.Content.ReadAsByteArrayAsync());
        var ageGap = Math.Abs(AgeOf(normal) - AgeOf(replayed));
        Assert.True(ageGap <= 1, $"Age differs by {ageGap} s: the replay should count from when the output cache stored the page");
    }

    [Fact]
    public async Task ReplayedViewsAreCountedInTheSummaryOfPagesFromMemory()
    {
        var client = factory.CreatePlainClient();
        var tally = factory.Services.GetRequiredService<CacheHitTally>();
        for (var i = 0; i < 3; i++)
        {
            using var warm = await SendAsync(client, "GET", "/article/introduction", "br");
        }

        tally.TakeCount();
        for (var i = 0; i < 5; i++)
        {
            using var view = await SendAsync(client, "GET", "/article/introduction", "br");
        }

        Assert.Equal(5, tally.TakeCount());
    }

    [Fact]
    public async Task ConditionalRequestsStillGetNotModifiedFromTheOutputCache()
    {
        var client = factory.CreatePlainClient();
        for (var i = 0; i < 3; i++)
        {
            using var warm = await SendAsync(client, "GET", "/article/causes", "br");
        }

        using var notModified = await SendAsync(client, "GET", "/article/causes", "br", ("If-Modified-Since", DateTimeOffset.UtcNow.AddMinutes(1).ToString("R", CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("/article/no-such-section")]
    [InlineData("/article/causes?utm_source=x")]
    [InlineData("/article/causes/")]
    public async Task UnknownSlugsQueryStringsAndOtherShapesTakeTheNormalPath(string url)
    {
        var client = factory.CreatePlainClient();
        var store = factory.Services.GetRequiredService<ArticleReplayStore>();
        var shape = new ArticleReplayKey("GET", false, "localhost", url, "br", "GB");

        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(client, "GET", url, "br");
        }

        Assert.False(store.TryGet(shape, out _), $"{url} should never be replayed");
    }

    [Fact]
    public async Task UnknownSlugsStillGetTheFriendly404Page()
    {
        var client = factory.CreatePlainClient();
        using var response = await SendAsync(client, "GET", "/article/no-such-section", "br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenEveryViewFromMemoryIsLoggedTheReplayStepsAside()
    {
        using var logged = KneeTriageAppFactory.With(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
        });
        var client = logged.CreatePlainClient();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync(client, "GET", "/article/causes", "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, logged.Services.GetRequiredService<ArticleReplayStore>().Count);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? acceptEncoding, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Every header as sent, in order, Age aside (it counts seconds and is compared on its own).</summary>
    private static List<string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(header => !string.Equals(header.Key, "Age", StringComparison.OrdinalIgnoreCase))
            .Select(header => $"{header.Key}: {string.Join(", ", header.Value)}")
            .ToList();

    private static long AgeOf(HttpResponseMessage response) =>
        (long)(response.Headers.Age ?? throw new InvalidOperationException("no Age header")).TotalSeconds;
}
