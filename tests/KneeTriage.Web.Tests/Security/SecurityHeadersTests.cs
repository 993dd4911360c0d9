using System.Net;
using System.Text;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KneeTriage.Web.Tests.Security;

/// <summary>
/// The security headers, checked over every kind of response the way the public graders
/// (securityheaders.com, Mozilla HTTP Observatory) check a site.
/// </summary>
public sealed class SecurityHeadersTests : IClassFixture<RateLimitsOffAppFactory>
{
    private readonly RateLimitsOffAppFactory factory;

    public SecurityHeadersTests(RateLimitsOffAppFactory factory) => this.factory = factory;

    /// <summary>One request of each kind: pages, a 404, a static file, health, the check, results, the API.</summary>
    public static TheoryData<string, string> ResponseKinds() => new()
    {
        { "GET", "/" },
        { "GET", "/article" },
        { "GET", "/no-such-page" },
        { "GET", "/css/site.css" },
        { "GET", "/healthz" },
        { "GET", "/check" },
        { "GET", "/check/warning-signs" },
        { "GET", "/check/review" },
        { "GET", "/results/deleted" },
        { "GET", "/api" },
        { "GET", "/favicon.svg" },
        { "GET", "/results/AAAAAAAAAAAAAAAAAAAAAA" },
        { "GET", "/results/not-a-token" },
        { "GET", "/api/questionnaire" },
        { "GET", "/api/assessments/AAAAAAAAAAAAAAAAAAAAAA" },
        { "POST", "/api/assessments" },
        { "DELETE", "/api/assessments/AAAAAAAAAAAAAAAAAAAAAA" },
        { "GET", "/openapi/v1.json" },
    };

    [Theory]
    [MemberData(nameof(ResponseKinds))]
    public async Task EveryKindOfResponseCarriesAStrictContentSecurityPolicy(string method, string path)
    {
        using var response = await SendAsync(method, path, https: false);

        var csp = ContentSecurityPolicy.Parse(Header(response, "Content-Security-Policy", method, path));

        foreach (var (directive, source) in csp.AllSources())
        {
            var lowered = source.ToLowerInvariant();
            Assert.False(lowered is "'unsafe-inline'" or "'unsafe-eval'" or "'unsafe-hashes'" or "'wasm-unsafe-eval'",
                $"{method} {path}: CSP {directive} allows {source}, which lets injected script or style run");
            Assert.False(lowered.Contains('*', StringComparison.Ordinal),
                $"{method} {path}: CSP {directive} has the wildcard {source}");
            Assert.False(lowered is "http:" or "https:" or "ws:" or "wss:",
                $"{method} {path}: CSP {directive} allows any host over {source}");
            Assert.False(lowered == "data:" && directive != "img-src",
                $"{method} {path}: CSP {directive} allows data: URLs, which can carry script");
        }

        foreach (var fetchDirective in new[] { "script-src", "style-src", "connect-src", "font-src", "frame-src" })
        {
            var sources = csp.EffectiveSources(fetchDirective);
            Assert.True(sources.All(s => s is "'self'" or "'none'"),
                $"{method} {path}: CSP {fetchDirective} allows more than this site: {string.Join(' ', sources)}");
        }

        Assert.Equal(["'none'"], csp.EffectiveSources("object-src"));
        Assert.Equal(["'none'"], csp.Sources("frame-ancestors") ?? ["(missing)"]);
        Assert.Equal(["'none'"], csp.Sources("base-uri") ?? ["(missing)"]);
        Assert.Equal(["'self'"], csp.Sources("form-action") ?? ["(missing)"]);
    }

    [Theory]
    [MemberData(nameof(ResponseKinds))]
    public async Task EveryKindOfResponseCarriesTheOtherSecurityHeaders(string method, string path)
    {
        using var response = await SendAsync(method, path, https: false);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", method, path));
        Assert.Equal("DENY", Header(response, "X-Frame-Options", method, path));
        // Decision 0034: COOP makes Chromium swap renderer on every arrival, costing mobile pages
        // their performance score; nothing here opens windows, so the header is left out on purpose.
        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"),
            $"{method} {path}: COOP is back; read docs/decisions/0034 before keeping it");
        Assert.Contains(Header(response, "Referrer-Policy", method, path),
            new[] { "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin" });

        var permissions = Header(response, "Permissions-Policy", method, path);
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
        {
            Assert.True(permissions.Contains(feature, StringComparison.Ordinal),
                $"{method} {path}: Permissions-Policy does not switch off {feature}: {permissions}");
        }

        Assert.False(response.Headers.Contains("Server"), $"{method} {path}: the response names its server");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"),
            $"{method} {path}: HSTS sent over plain HTTP, where browsers ignore it");
    }

    [Fact]
    public async Task AStoredResultKeepsItsNoReferrerPolicyAndCarriesEveryOtherHeader()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var created = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative),
            new StringContent(Hostile.ApiHostileInputs.ValidBody, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var resultPath = created.Headers.Location?.OriginalString ?? "";
        var apiPath = "/api/assessments/" + resultPath["/results/".Length..];

        foreach (var path in new[] { resultPath, apiPath })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The token is in the URL: a referrer would hand it to any site the page links to.
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy", "GET", path));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", "GET", path));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", "GET", path));
            var csp = ContentSecurityPolicy.Parse(Header(response, "Content-Security-Policy", "GET", path));
            Assert.Equal(["'none'"], csp.Sources("frame-ancestors") ?? ["(missing)"]);
            Assert.Equal(["'self'"], csp.EffectiveSources("script-src"));
            Assert.Equal(["'self'"], csp.EffectiveSources("style-src"));
        }
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/healthz")]
    [InlineData("POST", "/api/assessments")]
    public async Task ResponsesOverHttpsAskBrowsersToUseHttpsForAYear(string method, string path)
    {
        using var response = await SendAsync(method, path, https: true);

        var hsts = Header(response, "Strict-Transport-Security", method, path);
        var maxAge = hsts.Split(';', StringSplitOptions.TrimEntries)
            .Single(part => part.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..];
        Assert.True(long.Parse(maxAge) >= 31_536_000, $"{method} {path}: HSTS max-age {maxAge} is under a year");
    }

    [Fact]
    public async Task AReferrerPolicyChosenByTheEndpointIsKept()
    {
        // Result pages send no-referrer so the share token never leaves in a Referer header;
        // the middleware must not loosen that. An endpoint added here in the test proves it for any page.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapGet("/results/anything", (HttpContext context) =>
        {
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return "result";
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/results/anything", UriKind.Relative));

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy", "GET", "/results/anything"));
        Assert.NotNull(response.Headers.GetValues("X-Frame-Options"));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, bool https)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            // A malformed body, so API problems are covered without storing anything.
            request.Content = new StringContent("{\"answers\":", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}");
        return response;
    }

    private static string Header(HttpResponseMessage response, string name, string method, string path)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"{method} {path} ({(int)response.StatusCode}) has no {name} header");
        var list = values!.ToList(); // found is true, so TryGetValues filled values
        Assert.True(list.Count == 1, $"{method} {path} sends {name} {list.Count} times");
        return list[0];
    }
}
