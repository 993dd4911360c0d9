using Microsoft.Data.Sqlite;
using Microsoft.Extensions.ObjectPool;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>
/// Answers one question on every result-page view, "is there still a stored result for this
/// token, and what is its series now?", as cheaply as SQLite allows: a statement prepared once on a connection that stays open,
/// rented from a small pool. The same query through EF Core (pooled context, compiled query,
/// request scope) cost about 10 µs of CPU per view, mostly SQL parsing and object set-up; this
/// asks the database each time all the same, so a result deleted through another instance is
/// seen at once (decision 0007).
/// </summary>
internal sealed class SqliteTokenLookup : IStoredTokenLookup, IDisposable
{
    private const string SeriesSql =
        "SELECT a.\"SeriesKey\", COUNT(*), MAX(s.\"Id\") FROM \"Assessments\" a "
        + "JOIN \"Assessments\" s ON s.\"SeriesKey\" = a.\"SeriesKey\" WHERE a.\"Token\" = $token GROUP BY a.\"SeriesKey\"";

    private readonly ObjectPool<PreparedSeriesQuery> _queries;

    public SqliteTokenLookup(string connectionString)
    {
        // Retains at most a few open connections: the query never waits, so only as many run at
        // once as there are threads working.
        // (For a disposable type the default provider's pool disposes what it drops and what it holds.)
        _queries = new DefaultObjectPoolProvider().Create(new PreparedSeriesQueryPolicy(connectionString));
    }

    /// <summary>The result's series now (count and newest row), or null when the token names nothing.</summary>
    public SeriesState? SeriesState(string token)
    {
        var query = _queries.Get();
        SeriesState? state;
        try
        {
            state = query.RunSeries(token);
        }
        catch
        {
            query.Dispose();
            throw;
        }

        _queries.Return(query);
        return state;
    }

    /// <summary>Two index lookups (the token, then its series), answered from SQLite's page cache: no await needed.</summary>
    public ValueTask<SeriesState?> SeriesStateAsync(string token, CancellationToken cancellationToken) => ValueTask.FromResult(SeriesState(token));

    public void Dispose() => (_queries as IDisposable)?.Dispose();

    private sealed class PreparedSeriesQueryPolicy(string connectionString) : PooledObjectPolicy<PreparedSeriesQuery>
    {
        public override PreparedSeriesQuery Create() => new(connectionString);

        public override bool Return(PreparedSeriesQuery obj) => true;
    }

    private sealed class PreparedSeriesQuery : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _series;
        private readonly SqliteParameter _seriesToken;

        public PreparedSeriesQuery(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _series = _connection.CreateCommand();
            // IX_Assessments_Token finds the result, IX_Assessments_SeriesKey its series.
            _series.CommandText = SeriesSql;
            _seriesToken = _series.Parameters.Add("$token", SqliteType.Text);
            _seriesToken.Value = string.Empty;
            _series.Prepare();
        }

        public SeriesState? RunSeries(string token)
        {
            _seriesToken.Value = token;
            using var reader = _series.ExecuteReader();
            return reader.Read() ? new SeriesState(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)) : null;
        }

        public void Dispose()
        {
            _series.Dispose();
            _connection.Dispose();
        }
    }
}
