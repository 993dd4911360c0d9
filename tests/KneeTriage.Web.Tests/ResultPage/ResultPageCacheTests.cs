using System.Net;
using KneeTriage.Web.Data;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Result pages come from memory once rendered, and submissions are committed in groups; neither may
/// change what a reader sees: a deleted result is gone everywhere, only its creator sees the delete
/// form, and every acknowledged submission is stored.
/// </summary>
public sealed class ResultPageCacheTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task AResultDeletedThroughAnotherInstanceIsNotServedFromMemory()
    {
        var client = factory.CreatePlainClient();
        var (token, _) = await CreateAsync(client);
        using (var first = await client.GetAsync($"/results/{token}"))
        using (var cached = await OutputCacheWait.GetUntilCachedAsync(client, $"/results/{token}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        // Another instance shares the database: the row goes without this instance hearing of it.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
            Assert.Equal(1, await db.Assessments.Where(a => a.Token == token).ExecuteDeleteAsync());
        }

        using var afterDelete = await client.GetAsync($"/results/{token}");
        Assert.True(afterDelete.StatusCode == HttpStatusCode.NotFound, $"A deleted result was still served ({afterDelete.StatusCode}).");
    }

    [Fact]
    public async Task OnlyTheBrowserHoldingTheDeleteKeySeesTheDeleteFormWhicheverAsksFirst()
    {
        var client = factory.CreatePlainClient();
        var (token, deleteKey) = await CreateAsync(client);
        var stranger = await client.GetStringAsync($"/results/{token}");
        // The stranger's page is in memory before the creator asks, so a cache that ignored the key would hand it over.
        (await OutputCacheWait.GetUntilCachedAsync(client, $"/results/{token}")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/results/{token}");
        request.Headers.Add("Cookie", $"{DeleteKeyCookie.Name}={deleteKey}");
        using var creator = await client.SendAsync(request);
        using var cachedForStrangers = await OutputCacheWait.GetUntilCachedAsync(client, $"/results/{token}");
        var strangerAgain = await cachedForStrangers.Content.ReadAsStringAsync();

        Assert.DoesNotContain("result-delete", stranger, StringComparison.Ordinal);
        Assert.Contains("result-delete", await creator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("result-delete", strangerAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySubmissionsAtOnceAreEachStoredBeforeTheyAreAcknowledged()
    {
        var client = factory.CreatePlainClient();

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => CreateAsync(client)));

        Assert.Equal(40, created.Select(c => c.Token).Distinct(StringComparer.Ordinal).Count());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        var tokens = created.Select(c => c.Token).ToList();
        var stored = await db.Assessments.CountAsync(a => tokens.Contains(a.Token));
        Assert.True(stored == 40, $"Only {stored} of 40 acknowledged submissions are in the database.");
    }

    private static async Task<(string Token, string DeleteKey)> CreateAsync(HttpClient client)
    {
        using var response = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiClient.JsonAsync(response);
        return (body.GetProperty("id").GetString()!, body.GetProperty("deleteKey").GetString()!);
    }
}
