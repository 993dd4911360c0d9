using System.Text.Json.Nodes;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Api;

/// <summary>The OpenAPI document tells a client how to retry safely: the header, its 422, and the 503's Retry-After.</summary>
public sealed class IdempotencyKeyDocumentTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("/api/assessments")]
    [InlineData("/api/boards")]
    [InlineData("/api/shares")]
    public async Task EveryCreatingPostDescribesIdempotencyKey(string path)
    {
        var document = JsonNode.Parse(await factory.CreatePlainClient().GetStringAsync("/openapi/v1.json"))!;
        var post = document["paths"]![path]!["post"]!;

        var header = post["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        Assert.Equal("header", header["in"]!.GetValue<string>());
        Assert.Equal(255, header["schema"]!["maxLength"]!.GetValue<int>());
        Assert.Contains("24 hours", header["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(post["responses"]!["422"]);
        Assert.NotNull(post["responses"]!["503"]!["headers"]!["Retry-After"]);
    }
}
