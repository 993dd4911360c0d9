using KneeTriage.Web.Infrastructure.LogPrivacy;
using KneeTriage.Web.Infrastructure.Routing;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KneeTriage.Web.Tests.Routing;

/// <summary>
/// Over every endpoint the app maps: a route with a parameter is either token-bearing (masked in
/// logs, no-store, on the lookup budget) or declared public, so a new token page cannot slip in unredacted.
/// </summary>
public sealed class SiteRoutesTests(RateLimitsOffAppFactory app) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string SampleToken = "q2aN0r5Zk7Wb1xYcD3eF4gHi";

    [Fact]
    public void EveryRouteWithAParameterIsDeclaredTokenBearingOrPublic()
    {
        var undeclared = MappedEndpoints.Of(app)
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Where(e => SiteRoutes.SecrecyOf(e) is not (RouteSecrecy.TokenInPath or RouteSecrecy.Public))
            .Select(e => $"'/{e.RoutePattern.RawText?.TrimStart('/')}' ({e.DisplayName})")
            .Distinct()
            .ToList();

        Assert.True(undeclared.Count == 0,
            $"Routes with a parameter that Routing/SiteRoutes.All does not declare: {string.Join(", ", undeclared)}. "
            + "Add one line for each: new(\"/the/{pattern}\", RouteSecrecy.TokenInPath) if the parameter is a secret "
            + "(it is then masked in logs, answered no-store and rate-limited as a lookup), or RouteSecrecy.Public if it is not.");
    }

    [Fact]
    public void EveryDeclaredRouteIsMapped()
    {
        var mapped = MappedEndpoints.Of(app).Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = SiteRoutes.All.Where(r => !mapped.Contains(r.Pattern)).Select(r => r.Pattern).ToList();

        Assert.True(stale.Count == 0,
            $"Routing/SiteRoutes.All declares routes that the app does not map: {string.Join(", ", stale)}. "
            + "Write each pattern exactly as its @page or Map call does, or remove it.");
    }

    [Fact]
    public async Task EveryTokenBearingRouteIsMaskedInLogsAnsweredNoStoreAndRateLimited()
    {
        var tokenRoutes = MappedEndpoints.Of(app).Where(e => SiteRoutes.SecrecyOf(e) == RouteSecrecy.TokenInPath).ToList();
        Assert.NotEmpty(tokenRoutes);
        var client = app.CreateClient();

        foreach (var endpoint in tokenRoutes)
        {
            var path = SamplePath(endpoint);
            Assert.False(SensitivePath.Redact(path).Contains(SampleToken, StringComparison.Ordinal), $"{path}: the token reaches the logs.");

            var context = new DefaultHttpContext();
            context.SetEndpoint(endpoint);
            context.Request.Method = "GET";
            Assert.True(RateLimitPolicies.Classify(context) == RateLimitPolicies.Lookups, $"{path}: not on the lookup budget.");

            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && !methods.HttpMethods.Contains("GET"))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: answered {(int)response.StatusCode} without Cache-Control: no-store.");
        }
    }

    private static string SamplePath(RouteEndpoint endpoint)
    {
        var path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var start = path.IndexOf("{" + parameter.Name, StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = string.Concat(path.AsSpan(0, start), SampleToken, path.AsSpan(end + 1));
        }

        return path;
    }
}
