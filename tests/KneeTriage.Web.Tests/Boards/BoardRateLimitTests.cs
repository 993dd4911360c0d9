using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>Making boards and sharing spend the submissions budget; every board, join and share id lookup spends the lookups budget.</summary>
public sealed class BoardRateLimitTests(RateLimitsOffAppFactory app) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("POST", "/api/boards", RateLimitPolicies.Submissions)]
    [InlineData("POST", "/api/shares", RateLimitPolicies.Submissions)]
    [InlineData("POST", "/boards/new", RateLimitPolicies.Submissions)]
    [InlineData("GET", "/boards/new", null)]
    [InlineData("GET", "/boards/deleted", null)]
    [InlineData("GET", "/boards/abc", RateLimitPolicies.Lookups)]
    [InlineData("POST", "/boards/abc", RateLimitPolicies.Lookups)]
    [InlineData("GET", "/api/boards/abc", RateLimitPolicies.Lookups)]
    [InlineData("DELETE", "/api/boards/abc", RateLimitPolicies.Lookups)]
    [InlineData("DELETE", "/api/shares/abc", RateLimitPolicies.Lookups)]
    [InlineData("GET", "/join/abc", RateLimitPolicies.Lookups)]
    [InlineData("POST", "/join/abc", RateLimitPolicies.Lookups)]
    [InlineData("POST", "/results/abc/share", RateLimitPolicies.Lookups)]
    public void BoardRequestsSpendTheBudgetOfWhatTheyDo(string method, string path, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        // The budget follows the route the request matched, as UseRouting would have set it.
        context.SetEndpoint(MappedEndpoints.Match(MappedEndpoints.Of(app), method, path));

        Assert.Equal(expected, RateLimitPolicies.Classify(context));
    }
}
