using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Api;

/// <summary>The vignette check posts every case back to back from one address, with the app's default limits on.</summary>
public sealed class VignetteRateLimitTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    [Fact]
    public async Task TheDefaultRateLimitsLetAWholeVignetteRunThrough()
    {
        var client = factory.CreatePlainClient();
        var refused = new List<string>();

        foreach (var vignette in ApiClient.DevVignettes())
        {
            using var response = await ApiClient.PostAnswersAsync(client, vignette.Answers);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                refused.Add($"{vignette.Id}: {(int)response.StatusCode}");
            }
        }

        Assert.True(refused.Count == 0, $"Vignettes refused with the default limits (the check counts these as unsafe): {string.Join(", ", refused)}");
    }
}
