using System.Net;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// Two instances of the app on one database (one SQLite file, or one PostgreSQL database when the
/// suite runs there), as a load balancer would use them: a browser's requests land on either one.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly SharedTestDatabase database = new();
    private readonly KneeTriageAppFactory first;
    private readonly KneeTriageAppFactory second;

    public TwoInstancesTests()
    {
        first = KneeTriageAppFactory.With(database.Settings);
        second = KneeTriageAppFactory.With(database.Settings);
        // Both started before any request, as instances behind a proxy would be.
        first.CreateClient().Dispose();
        second.CreateClient().Dispose();
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task ACheckWhoseRequestsAlternateBetweenInstancesKeepsItsDraftAndPassesAntiforgery()
    {
        using var client = AlternatingClient();

        // Every GET and POST goes to the other instance than the one before: the antiforgery token,
        // the draft cookie and the delete-key cookie are each made by one instance and read by the other.
        var resultPath = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        using var result = await client.GetAsync(resultPath);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("result-delete", await result.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeleteOnOneInstanceIsA404OnTheOtherAtOnceForThePageAndTheApi()
    {
        using var toFirst = first.CreatePlainClient();
        using var toSecond = second.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(toFirst, ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(created);
        var token = body.GetProperty("id").GetString()!;
        var deleteKey = body.GetProperty("deleteKey").GetString()!;
        // The second instance renders the page and keeps it in its output cache.
        for (var i = 0; i < 2; i++)
        {
            using var page = await toSecond.GetAsync($"/results/{token}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{token}");
        delete.Headers.Add("X-Delete-Key", deleteKey);
        using var deleted = await toFirst.SendAsync(delete);
        using var pageAfter = await toSecond.GetAsync($"/results/{token}");
        using var apiAfter = await toSecond.GetAsync($"/api/assessments/{token}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(pageAfter.StatusCode == HttpStatusCode.NotFound, $"The other instance still served the deleted result page ({pageAfter.StatusCode}).");
        Assert.Equal(HttpStatusCode.NotFound, apiAfter.StatusCode);
    }

    /// <summary>A browser (one cookie jar) whose requests go to the two instances in turn.</summary>
    private HttpClient AlternatingClient() =>
        new(new CookieContainerHandler { InnerHandler = new Alternating(first.Server.CreateHandler(), second.Server.CreateHandler()) })
        {
            BaseAddress = new Uri("http://localhost"),
        };

    private sealed class Alternating(HttpMessageHandler one, HttpMessageHandler other) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] instances = [new(one), new(other)];
        private int next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            instances[Interlocked.Increment(ref next) % 2].SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            foreach (var instance in instances)
            {
                instance.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
