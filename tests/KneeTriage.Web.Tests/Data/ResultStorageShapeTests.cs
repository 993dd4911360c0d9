using KneeTriage.Triage.Engine;
using KneeTriage.Web.Boards;
using KneeTriage.Web.Data;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// Decision 0031: a result is stored compressed with a summary beside it, every word kept, and a
/// result stored before either (plain JSON, no summary) still reads, lists and shows on a board the
/// same. On SQLite in memory, and on PostgreSQL in CI's second pass.
/// </summary>
public sealed class ResultStorageShapeTests : IDisposable
{
    private const string MigrationBefore = "ShareShowsResult";

    private readonly SuiteDatabase database = new(migratedUpTo: MigrationBefore);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task AResultStoredBeforeTheMigrationReadsEveryWordAndShowsOnListsAndBoardsTheSame()
    {
        var token = ShareToken.Create();
        var key = DeleteKey.Create();
        var resultJson = StoredResultJson.Serialize(SampleResult());
        const string answersJson = "{\"pain-severity\":6,\"pain-next-morning\":3}";
        await using (var before = database.NewContext())
        {
            // The row as the previous schema stored it: plain JSON, no Summary column.
            await before.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Assessments\" (\"Token\", \"CreatedAt\", \"KnowledgeBaseVersion\", \"AnswersJson\", \"ResultJson\", \"Urgency\", \"SeeClinician\", \"SeriesKey\", \"DeleteKeyHash\") "
                + "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {0}, {7})",
                token, new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), "1.1", answersJson, resultJson, "see-clinician", true, DeleteKey.Hash(key));
        }

        database.MigrateToLatest();
        using var store = new TestStore(database.NewContext);
        var services = new ServiceCollection().AddScoped(_ => database.NewContext()).BuildServiceProvider();
        var boards = new BoardStore(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        var read = await store.Store.FindByTokenAsync(token, CancellationToken.None);
        Assert.Equal(resultJson, read!.ResultJson);
        Assert.Equal(answersJson, read.AnswersJson);

        var listed = Assert.Single(await store.Store.ListAsync([token, ShareToken.Create()], CancellationToken.None));
        var entry = SeriesEntry.From(listed.Result);
        Assert.Equal((6, 3, "Hamstring tendinopathy"), (entry.PainSeverity!.Value, entry.PainNextMorning!.Value, entry.TopCauseName));

        var board = await boards.CreateAsync("Old club", CancellationToken.None);
        Assert.NotNull(await boards.ShareAsync(board.Board.JoinToken, token, key, "Sam", showResult: true, CancellationToken.None));
        var shown = await boards.ReadAsync(board.Board.Token, CancellationToken.None);
        var check = Assert.Single(BoardView.From(shown!).Athletes).Latest;
        Assert.Equal(("Hamstring tendinopathy", 6, Urgency.SeeClinician), (check.TopCauseName, check.PainSeverity!.Value, check.Urgency));
    }

    [Fact]
    public async Task ANewResultIsStoredCompressedAndGivesBackEveryWord()
    {
        database.MigrateToLatest();
        using var store = new TestStore(database.NewContext);
        var resultJson = StoredResultJson.Serialize(SampleResult());
        var saved = await store.Store.SaveAsync(
            new AssessmentToStore { KnowledgeBaseVersion = "1.2", AnswersJson = "{\"pain-severity\":4}", ResultJson = resultJson, Urgency = Urgency.SeeClinician, SeeClinician = true },
            CancellationToken.None);

        await using var db = database.NewContext();
        var column = await db.Database
            .SqlQueryRaw<string>("SELECT \"ResultJson\" AS \"Value\" FROM \"Assessments\" WHERE \"Token\" = {0}", saved.Record.Token)
            .SingleAsync();
        Assert.StartsWith(CompressedText.Mark, column, StringComparison.Ordinal);
        Assert.True(column.Length < resultJson.Length / 2, $"stored {column.Length} characters for {resultJson.Length} of JSON");
        var read = await store.Store.FindByTokenAsync(saved.Record.Token, CancellationToken.None);
        Assert.Equal(resultJson, read!.ResultJson);
        // The summary says what the JSON says.
        var fromSummary = SeriesEntry.From(read);
        var fromJson = SeriesEntry.From(read, StoredResultJson.Deserialize(read.ResultJson));
        Assert.NotNull(read.Summary);
        Assert.Equal((4, "Hamstring tendinopathy"), (fromSummary.PainSeverity!.Value, fromSummary.TopCauseName));
        Assert.Equal(fromJson, fromSummary);
    }

    private static StoredResult SampleResult() => new()
    {
        Urgency = Urgency.SeeClinician,
        SeeClinician = true,
        KnowledgeBaseVersion = "1.1",
        RedFlags = [],
        LikelyCauses =
        [
            new StoredCause { Id = "hamstring-tendinopathy", Name = "Hamstring tendinopathy", Probability = 0.6, ReasonsFor = ["Pain where the hamstring meets the knee, worse on hills."], ReasonsAgainst = [], LearnMore = "/article#hamstring" },
            new StoredCause { Id = "calf-strain", Name = "Calf strain", Probability = 0.4, ReasonsFor = ["Pain worse when you push off."], ReasonsAgainst = ["No sudden pull."], LearnMore = "/article#calf" },
        ],
        DoNow = [string.Join(' ', Enumerable.Repeat("Rest from hills for a week and run on the flat.", 20))],
        SelfCare = [],
        ComeBackIf = ["The pain wakes you at night."],
        Answers = [],
    };
}
