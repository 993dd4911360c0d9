using System.Net;
using System.Text.Json;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy on the same machine: the scheme and client address the proxy
/// reports (X-Forwarded-Proto, X-Forwarded-For) are believed from loopback and from configured
/// proxies only, and drive HSTS, Secure cookies and rate-limit partitions.
/// </summary>
public sealed class BehindProxyTests
{
    private static ProxiedAppFactory App(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new ProxiedAppFactory(all);
    }

    [Fact]
    public async Task HttpsReportedByTheLocalProxyGetsHstsAndEveryCookieIsSecure()
    {
        using var app = App();
        var handler = new ProxiedClient("127.0.0.1", "203.0.113.7", "https");
        using var client = app.CreateDefaultClient(new Uri("http://localhost"), handler);

        var resultPath = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        using var result = await client.GetAsync(resultPath);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.True(result.Headers.Contains("Strict-Transport-Security"), "HTTPS through the proxy got no HSTS header.");
        var names = handler.SetCookies.Select(c => c.Split('=', 2)[0]).Distinct().ToList();
        Assert.Contains(names, n => n.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("kt-check-draft", names);
        Assert.Contains("kt-delete-key", names);
        Assert.All(handler.SetCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PlainHttpGetsNoHstsAndCookiesWithoutSecure()
    {
        using var app = App();
        var handler = new ProxiedClient("127.0.0.1", "203.0.113.7", "http");
        using var client = app.CreateDefaultClient(new Uri("http://localhost"), handler);

        using var page = await client.GetAsync("/check/warning-signs");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "Plain HTTP got an HSTS header.");
        Assert.NotEmpty(handler.SetCookies);
        Assert.All(handler.SetCookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUnknownPeerAreIgnored()
    {
        using var app = App();
        using var client = app.CreateProxiedClient("198.51.100.20", "203.0.113.7", "https");

        using var page = await client.GetAsync("/");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "An untrusted peer's X-Forwarded-Proto: https was believed.");
    }

    [Fact]
    public async Task AProxyListedInKnownProxiesOrKnownIPNetworksIsBelieved()
    {
        using var app = App(("ForwardedHeaders:KnownProxies:0", "198.51.100.20"), ("ForwardedHeaders:KnownIPNetworks:0", "10.1.2.0/24"));
        using var listed = app.CreateProxiedClient("198.51.100.20", "203.0.113.7", "https");
        using var inNetwork = app.CreateProxiedClient("10.1.2.99", "203.0.113.7", "https");

        using var first = await listed.GetAsync("/");
        using var second = await inNetwork.GetAsync("/");

        Assert.True(first.Headers.Contains("Strict-Transport-Security"), "A proxy in KnownProxies was not believed.");
        Assert.True(second.Headers.Contains("Strict-Transport-Security"), "A proxy in KnownIPNetworks was not believed.");
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-address", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownIPNetworks:0", "10.0.0.0/99", "ForwardedHeaders:KnownIPNetworks")]
    [InlineData("Site:PublicUrl", "knee.example.org", "Site:PublicUrl")]
    public void ABadProxyOrPublicUrlSettingStopsStartUpNamingIt(string key, string value, string named)
    {
        using var app = App((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachForwardedClientHasItsOwnSubmissionBudget()
    {
        using var app = App(("RateLimiting:Enabled", "true"), ("RateLimiting:Submissions:PermitLimit", "1"), ("RateLimiting:Submissions:Window", "00:10:00"));
        using var first = app.CreateProxiedClient("127.0.0.1", "203.0.113.7", "https");
        using var second = app.CreateProxiedClient("127.0.0.1", "203.0.113.8", "https");

        using var allowed = await ApiClient.PostAnswersAsync(first, ApiClient.ValidAnswers());
        using var rejected = await ApiClient.PostAnswersAsync(first, ApiClient.ValidAnswers());
        using var otherClient = await ApiClient.PostAnswersAsync(second, ApiClient.ValidAnswers());

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);
    }

    [Fact]
    public async Task ShareLinksQrCodesAndTheApiDocumentUsePublicUrlNotTheRequestsHost()
    {
        using var app = App(("Site:PublicUrl", "https://knee.example.org/"));
        var handler = new ProxiedClient("127.0.0.1", "203.0.113.7", "https");
        using var client = app.CreateDefaultClient(new Uri("http://localhost"), handler);

        var resultPath = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        var page = await HtmlPage.LoadAsync(client, resultPath);
        var docs = await client.GetStringAsync("/api-docs");
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.Equal("https://knee.example.org" + resultPath, page.Document.QuerySelector("#share-url")?.GetAttribute("value"));
        Assert.DoesNotContain("http://localhost", page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("curl https://knee.example.org/api/questionnaire", docs, StringComparison.Ordinal);
        var server = Assert.Single(openApi.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("https://knee.example.org", server.GetProperty("url").GetString());
    }

    [Fact]
    public async Task WithPublicUrlSetAnotherHostIsRefused()
    {
        using var app = App(("Site:PublicUrl", "https://knee.example.org"));
        using var client = app.CreateProxiedClient("127.0.0.1", "203.0.113.7", "https");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(request);
        using var request2 = new HttpRequestMessage(HttpMethod.Get, "/");
        request2.Headers.Host = "knee.example.org";
        using var allowed = await client.SendAsync(request2);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
