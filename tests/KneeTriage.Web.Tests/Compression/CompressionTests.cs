using System.IO.Compression;
using System.Net;
using System.Text;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Compression;

/// <summary>
/// A runner on mobile data downloads a third of the bytes: pages and large JSON answers are sent
/// compressed to a browser that accepts it, cached pages are stored compressed (one copy per
/// encoding), and stylesheets and scripts come as the copies the build compressed.
/// </summary>
public sealed class CompressionTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    /// <summary>What Chromium sends.</summary>
    private const string BrowserAcceptEncoding = "gzip, deflate, br, zstd";

    [Theory]
    [InlineData(BrowserAcceptEncoding, "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    public async Task AGuidePageIsSentCompressedAndServedFromMemoryAsStored(string acceptEncoding, string expected)
    {
        var client = factory.CreatePlainClient();
        var plain = await client.GetStringAsync("/article/causes");

        using var first = await GetAsync(client, "/article/causes", acceptEncoding);
        using var second = await OutputCacheWait.UntilCachedAsync(() => GetAsync(client, "/article/causes", acceptEncoding), $"/article/causes with {acceptEncoding}");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var secondBytes = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([expected], second.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        Assert.True(second.Headers.Age is not null, "the second request should come from the output cache, already compressed (Age header)");
        Assert.Equal(firstBytes, secondBytes);
        Assert.True(secondBytes.Length * 2 < Encoding.UTF8.GetByteCount(plain), $"{expected}: {secondBytes.Length} bytes for a {plain.Length}-character page");
        Assert.Equal(plain, Decompress(secondBytes, expected));
    }

    [Fact]
    public async Task AClientThatAcceptsNoCompressionGetsThePlainPageFromItsOwnCachedCopy()
    {
        var client = factory.CreatePlainClient();
        using var compressed = await GetAsync(client, "/article/causes", BrowserAcceptEncoding);
        using var plain = await GetAsync(client, "/article/causes", null);
        using var plainAgain = await OutputCacheWait.UntilCachedAsync(() => GetAsync(client, "/article/causes", null), "/article/causes uncompressed");

        Assert.Empty(plainAgain.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await plainAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASharedResultPageIsSentCompressedAndKeepsItsPrivacyHeaders()
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var token = (await ApiClient.JsonAsync(created)).GetProperty("id").GetString();

        using var first = await GetAsync(client, $"/results/{token}", BrowserAcceptEncoding);
        using var second = await OutputCacheWait.UntilCachedAsync(() => GetAsync(client, $"/results/{token}", BrowserAcceptEncoding), "a shared result page");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);
        Assert.True(second.Headers.Age is not null, "a shared result page should come from the output cache");
        Assert.True(second.Headers.CacheControl?.NoStore, "result pages stay out of shared caches");
        Assert.Contains("noindex", string.Join(',', second.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.Contains("/results/", Decompress(await second.Content.ReadAsByteArrayAsync(), "br"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeJsonAnswersAreCompressedAndProblemsAreNot()
    {
        var client = factory.CreatePlainClient();
        using var questionnaire = await GetAsync(client, "/api/questionnaire", BrowserAcceptEncoding);
        using var document = await GetAsync(client, "/openapi/v1.json", BrowserAcceptEncoding);
        using var problem = await GetAsync(client, "/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA", BrowserAcceptEncoding);

        Assert.Equal(["br"], questionnaire.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], document.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Empty(problem.Content.Headers.ContentEncoding);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheAnswerThatCarriesANewDeleteKeyIsNeverCompressed()
    {
        var client = factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assessments")
        {
            Content = new StringContent(new System.Text.Json.Nodes.JsonObject { ["answers"] = ApiClient.ValidAnswers() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Encoding", BrowserAcceptEncoding);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("link[rel=stylesheet]", "href")]
    [InlineData("script[src]", "src")]
    public async Task StylesheetsAndScriptsComeAsTheBuildsCompressedCopies(string selector, string attribute)
    {
        var client = factory.CreatePlainClient();
        var page = await HtmlPage.LoadAsync(client, "/");
        var url = page.Document.QuerySelector(selector)?.GetAttribute(attribute);
        Assert.NotNull(url);

        using var compressed = await GetAsync(client, url, "gzip");
        using var plain = await GetAsync(client, url, null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        Assert.NotNull(compressed.Headers.ETag);
        Assert.True(compressed.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{url} should be cached for a year");
        Assert.Contains("default-src 'self'", string.Join(';', compressed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(plainBytes), Decompress(await compressed.Content.ReadAsByteArrayAsync(), "gzip"));
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_framework/blazor.server.js")]
    public async Task TheUnusedBlazorScriptsAreNotServed(string path)
    {
        using var response = await factory.CreatePlainClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return client.SendAsync(request);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
