using System.Net;
using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Progress;

/// <summary>
/// Result pages come from memory for everyone but their creator, yet each shows its whole series:
/// a coach holding an older link must see a follow-up as soon as it is stored, and a series shrink
/// when one of it is deleted, whichever instance stored or deleted it.
/// </summary>
public sealed class SeriesCacheTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task ACachedEarlierPageShowsAFollowUpAsSoonAsItIsStored()
    {
        var coach = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(coach, ApiClient.ValidAnswers());
        await AssertCachedWithoutProgressAsync(coach, firstId);

        using var followUp = await FollowUpApiTests.PostFollowUpAsync(coach, firstId, firstKey, ApiClient.ValidAnswers());
        var secondId = (await ApiClient.JsonAsync(followUp)).GetProperty("id").GetString()!;

        var page = await HtmlPage.LoadAsync(coach, $"/results/{firstId}");
        Assert.True(page.Document.QuerySelector(".result-progress") is not null, "The earlier page, cached before the follow-up, still shows no progress.");
        Assert.NotNull(page.Document.QuerySelector($".result-progress a[href='/results/{secondId}']"));
    }

    [Fact]
    public async Task AFollowUpStoredByAnotherInstanceIsSeenOnACachedEarlierPage()
    {
        var coach = factory.CreatePlainClient();
        var (firstId, _, _) = await FollowUpApiTests.CreateAsync(coach, ApiClient.ValidAnswers());
        await AssertCachedWithoutProgressAsync(coach, firstId);

        // Another instance shares the database: the row arrives without this instance evicting anything.
        var secondId = ShareToken.Create();
        await factory.WithDatabaseAsync(async db =>
        {
            var first = await db.Assessments.AsNoTracking().SingleAsync(a => a.Token == firstId);
            db.Assessments.Add(new StoredAssessment
            {
                Token = secondId,
                SeriesKey = first.SeriesKey,
                CreatedAt = first.CreatedAt.AddDays(7),
                KnowledgeBaseVersion = first.KnowledgeBaseVersion,
                AnswersJson = first.AnswersJson,
                ResultJson = first.ResultJson,
                Urgency = first.Urgency,
                SeeClinician = first.SeeClinician,
                DeleteKeyHash = DeleteKey.Hash(DeleteKey.Create()),
            });
            return await db.SaveChangesAsync();
        });

        var page = await HtmlPage.LoadAsync(coach, $"/results/{firstId}");
        Assert.True(page.Document.QuerySelector($".result-progress a[href='/results/{secondId}']") is not null,
            "A follow-up stored through another instance is missing from the cached earlier page.");
    }

    [Fact]
    public async Task AfterADeleteTheSeriesOnACachedPageShrinks()
    {
        var coach = factory.CreatePlainClient();
        var (firstId, firstKey, _) = await FollowUpApiTests.CreateAsync(coach, ApiClient.ValidAnswers());
        using var second = await FollowUpApiTests.PostFollowUpAsync(coach, firstId, firstKey, ApiClient.ValidAnswers());
        var secondBody = await ApiClient.JsonAsync(second);
        var secondId = secondBody.GetProperty("id").GetString()!;
        using var third = await FollowUpApiTests.PostFollowUpAsync(coach, secondId, secondBody.GetProperty("deleteKey").GetString()!, ApiClient.ValidAnswers());
        var thirdId = (await ApiClient.JsonAsync(third)).GetProperty("id").GetString()!;
        var before = await OutputCacheWait.LoadCachedAsync(coach, $"/results/{firstId}");
        Assert.NotNull(before.Document.QuerySelector($".result-progress a[href='/results/{secondId}']"));

        // Through the API on this instance, then straight in the database as another instance would.
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{secondId}"))
        {
            delete.Headers.Add("X-Delete-Key", secondBody.GetProperty("deleteKey").GetString());
            using var deleted = await coach.SendAsync(delete);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var afterDelete = await HtmlPage.LoadAsync(coach, $"/results/{firstId}");
        Assert.True(afterDelete.Document.QuerySelector($"a[href='/results/{secondId}']") is null, "A deleted follow-up is still listed on the cached earlier page.");
        Assert.NotNull(afterDelete.Document.QuerySelector($".result-progress a[href='/results/{thirdId}']"));

        await factory.WithDatabaseAsync(db => db.Assessments.Where(a => a.Token == thirdId).ExecuteDeleteAsync());
        var alone = await HtmlPage.LoadAsync(coach, $"/results/{firstId}");
        Assert.True(alone.Document.QuerySelector(".result-progress") is null, "A series of one, after a delete through another instance, still shows progress.");
    }

    /// <summary>The page is in memory (an answer came from the output cache) and shows no progress yet.</summary>
    private static async Task AssertCachedWithoutProgressAsync(HttpClient coach, string token)
    {
        var page = await OutputCacheWait.LoadCachedAsync(coach, $"/results/{token}");
        Assert.Null(page.Document.QuerySelector(".result-progress"));
    }
}
