using System.Net;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Submission;

/// <summary>When the database refuses a write, the runner is told, nothing half-written is left, and no answer is a 500.</summary>
public sealed class StorageFailureTests : IDisposable
{
    private readonly RateLimitsOffAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    // A trigger that refuses every insert stands in for a full disk or a locked database.
    private Task<int> BreakInsertsAsync() => factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(factory.OnPostgres
        ? "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$; "
          + "CREATE TRIGGER refuse_insert BEFORE INSERT ON \"Assessments\" FOR EACH ROW EXECUTE FUNCTION refuse_insert();"
        : "CREATE TRIGGER refuse_insert BEFORE INSERT ON Assessments BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));

    private Task<int> RepairInsertsAsync() => factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(factory.OnPostgres
        ? "DROP TRIGGER refuse_insert ON \"Assessments\";"
        : "DROP TRIGGER refuse_insert;"));

    [Fact]
    public async Task ASubmitThatCannotBeStoredShowsAnErrorPageAndKeepsTheAnswersForARetry()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers);
        await BreakInsertsAsync();

        using var failed = await CheckForm.SubmitAsIsAsync(client, review, "main form.actions");
        var page = HtmlPage.Parse("/check/review", await failed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("could not save your result", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.StoredCountAsync());

        await RepairInsertsAsync();
        using var retried = await CheckForm.SubmitAsIsAsync(client, page, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, retried.StatusCode);
        Assert.Equal(1, await factory.StoredCountAsync());
    }

    [Fact]
    public async Task AnApiRequestThatCannotBeStoredGets503ProblemNot500()
    {
        var client = factory.CreatePlainClient();
        await BreakInsertsAsync();

        using var response = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.StoredCountAsync());
    }
}
