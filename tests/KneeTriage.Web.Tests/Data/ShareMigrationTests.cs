using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// Contract v1.2: "Shares made before v1.2 keep v1.1's behaviour". A share stored before the
/// migration ShareShowsResult lets the coach open the result afterwards; a new share made without
/// the opt-in does not. On SQLite in memory, and on PostgreSQL in CI's second pass.
/// </summary>
public sealed class ShareMigrationTests : IDisposable
{
    private const string MigrationBefore = "IdempotentAnswers";

    private readonly SuiteDatabase database = new(migratedUpTo: MigrationBefore);

    [Fact]
    public async Task AShareStoredBeforeTheMigrationStillLetsTheCoachOpenTheResult()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        await using (var before = database.NewContext())
        {
            // The rows as the previous schema stored them: the Shares table has no ShowResult yet.
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Boards\" (\"Token\", \"JoinToken\", \"Name\", \"CreatedAt\", \"LastActivityAt\", \"DeleteKeyHash\") VALUES ({0}, {1}, {2}, {3}, {3}, {4})",
                "OldBoardAAAAAAAAAAAAAAAA", "OldJoinAAAAAAAAAAAAAAAAA", "Old club", now, new byte[32]);
            var boardId = await before.Boards.Select(b => b.Id).SingleAsync();
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Shares\" (\"Token\", \"BoardId\", \"SeriesKey\", \"DisplayName\", \"CreatedAt\") VALUES ({0}, {1}, {2}, {3}, {4})",
                "OldShareAAAAAAAAAAAAAAAA", boardId, "OldSeriesAAAAAAAAAAAAAAA", "Sam", now);
        }

        database.MigrateToLatest();

        await using var after = database.NewContext();
        var old = await after.Shares.SingleAsync(s => s.Token == "OldShareAAAAAAAAAAAAAAAA");
        Assert.True(old.ShowResult, "a share made before the opt-in existed lost the full result it was made with");
    }

    [Fact]
    public async Task AfterTheMigrationANewShareWithoutTheOptInHidesTheResult()
    {
        database.MigrateToLatest();
        var services = new ServiceCollection().AddScoped(_ => database.NewContext()).BuildServiceProvider();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var board = await new BoardStore(scopes, TimeProvider.System).CreateAsync("New club", CancellationToken.None);
        using var results = new TestStore(database.NewContext);
        var result = await results.Store.SaveAsync(new AssessmentToStore
        {
            KnowledgeBaseVersion = "test",
            AnswersJson = "{}",
            ResultJson = "{}",
            Urgency = Triage.Engine.Urgency.SelfCare,
            SeeClinician = false,
        }, CancellationToken.None);

        var shared = await new BoardStore(scopes, TimeProvider.System).ShareAsync(board.Board.JoinToken, result.Record.Token, result.DeleteKey, "Sam", showResult: false, CancellationToken.None);

        await using var db = database.NewContext();
        Assert.NotNull(shared);
        Assert.False((await db.Shares.SingleAsync()).ShowResult, "a share made without the opt-in was stored as showing the result");
    }

    public void Dispose() => database.Dispose();
}
