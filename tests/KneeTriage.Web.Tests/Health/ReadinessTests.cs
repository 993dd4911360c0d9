using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Health;

/// <summary>/healthz says the process runs; /healthz/ready says it can reach its database.</summary>
public sealed class ReadinessTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    [Fact]
    public async Task ReadinessAsksTheDatabaseAndLivenessStaysPlain()
    {
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        using var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("ok", await live.Content.ReadAsStringAsync());
    }
}
