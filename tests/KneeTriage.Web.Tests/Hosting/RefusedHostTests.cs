using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// A Host that AllowedHosts refuses (Site:PublicUrl narrows it) gets the contract's 400:
/// problem+json under /api/, the site's error page elsewhere, both with the security headers,
/// instead of the framework's bare "Invalid Hostname" page.
/// </summary>
public sealed class RefusedHostTests : IDisposable
{
    private readonly KneeTriageAppFactory factory = KneeTriageAppFactory.With(new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://knee.example.org" });

    public void Dispose() => factory.Dispose();

    private async Task<HttpResponseMessage> GetWithHostAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await factory.CreatePlainClient().SendAsync(request);
    }

    [Fact]
    public async Task UnderApiARefusedHostGets400ProblemJsonWithTheSecurityHeaders()
    {
        using var response = await GetWithHostAsync("/api/questionnaire", "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no security headers on the refused host's answer");
    }

    [Fact]
    public async Task ElsewhereARefusedHostGetsTheSitesErrorPageWithTheSecurityHeaders()
    {
        using var response = await GetWithHostAsync("/article", "evil.example");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not be handled", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid Hostname", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no security headers on the refused host's page");
    }

    [Theory]
    [InlineData("knee.example.org")]
    [InlineData("localhost")]
    public async Task TheSitesOwnHostAndTheMachineItselfAreServed(string host)
    {
        using var response = await GetWithHostAsync("/api/questionnaire", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
