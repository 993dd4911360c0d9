using System.Data.Common;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// Decision 0031: a board view and /my-results cost the same with a million stored results as with
/// one, because every table they read is reached by an index. Each query the store sends is run
/// again under SQLite's EXPLAIN QUERY PLAN, which says SCAN for a walk over a whole table.
/// </summary>
public sealed class StorageQueryPlanTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly CapturedCommands captured = new();
    private readonly ServiceProvider services;

    public StorageQueryPlanTests()
    {
        connection.Open();
        services = new ServiceCollection().AddScoped<KneeTriageDbContext>(_ => NewContext()).BuildServiceProvider();
        using var db = NewContext();
        db.Database.Migrate();
    }

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
    }

    [Fact]
    public async Task ABoardViewReadsEveryTableByAnIndexInOneQuery()
    {
        using var store = new TestStore(NewContext);
        var boards = new BoardStore(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        var saved = await store.Store.SaveAsync(Sample(), CancellationToken.None);
        var board = await boards.CreateAsync("Club", CancellationToken.None);
        await boards.ShareAsync(board.Board.JoinToken, saved.Record.Token, saved.DeleteKey, "Sam", showResult: false, CancellationToken.None);
        captured.Clear();

        Assert.NotNull(await boards.ReadAsync(board.Board.Token, CancellationToken.None));

        var query = Assert.Single(captured.Commands);
        AssertNoScan(query);
    }

    [Fact]
    public async Task MyResultsReadsEveryCookiesResultByTheTokenIndexInOneQuery()
    {
        using var store = new TestStore(NewContext);
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await store.Store.SaveAsync(Sample(), CancellationToken.None)).Record.Token);
        }

        captured.Clear();

        Assert.Equal(3, (await store.Store.ListAsync(tokens, CancellationToken.None)).Count);

        var query = Assert.Single(captured.Commands);
        AssertNoScan(query);
    }

    private void AssertNoScan(DbCommand query)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + query.CommandText;
        foreach (SqliteParameter parameter in query.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // A table-valued list of the caller's tokens (json_each) is walked, as it should be; a stored table never.
        var scans = plan.Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("json_each", StringComparison.Ordinal)).ToList();
        Assert.True(scans.Count == 0, $"the query walks a whole table:\n{string.Join('\n', plan)}\n{query.CommandText}");
        Assert.Contains(plan, step => step.Contains("USING INDEX", StringComparison.Ordinal) || step.Contains("USING COVERING INDEX", StringComparison.Ordinal));
    }

    private SqliteKneeTriageDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteKneeTriageDbContext>().UseSqlite(connection).AddInterceptors(captured).Options);

    private static AssessmentToStore Sample() => new()
    {
        KnowledgeBaseVersion = "test",
        AnswersJson = "{}",
        ResultJson = "{}",
        Urgency = Urgency.SelfCare,
        SeeClinician = false,
    };

    /// <summary>Every query read through EF (not the writes), kept with its parameters.</summary>
    private sealed class CapturedCommands : DbCommandInterceptor
    {
        public List<DbCommand> Commands { get; } = [];

        public void Clear() => Commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                var copy = new SqliteCommand(command.CommandText);
                foreach (SqliteParameter parameter in command.Parameters)
                {
                    copy.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
                }

                Commands.Add(copy);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
