using Microsoft.Data.Sqlite;
using Microsoft.Extensions.ObjectPool;

namespace KneeTriage.Web.Data.Sqlite;

/// <summary>
/// Answers one question on every result-page view, "is there still a stored result for this
/// token?", as cheaply as SQLite allows: a statement prepared once on a connection that stays open,
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

    private readonly ObjectPool<PreparedExistsQuery> _queries;

    public SqliteTokenLookup(string connectionString)
    {
        // Retains at most a few open connections: the query never waits, so only as many run at
        // once as there are threads working.
        // (For a disposable type the default provider's pool disposes what it drops and what it holds.)
        _queries = new DefaultObjectPoolProvider().Create(new PreparedExistsQueryPolicy(connectionString));
    }

    /// <summary>True when a result with exactly this token is stored (tokens are case-sensitive).</summary>
    public bool Exists(string token)
    {
        var query = _queries.Get();
        bool exists;
        try
        {
            exists = query.Run(token);
        }
        catch
        {
            // A connection that failed is not handed out again; the next view opens a fresh one.
            query.Dispose();
            throw;
        }

        _queries.Return(query);
        return exists;
    }

    /// <summary>A point lookup on a unique index, answered from SQLite's page cache: no await needed.</summary>
    public ValueTask<bool> ExistsAsync(string token, CancellationToken cancellationToken) => ValueTask.FromResult(Exists(token));

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

    /// <summary>Two index lookups (the token, then its series), answered from the page cache like <see cref="ExistsAsync"/>.</summary>
    public ValueTask<SeriesState?> SeriesStateAsync(string token, CancellationToken cancellationToken) => ValueTask.FromResult(SeriesState(token));

    public void Dispose() => (_queries as IDisposable)?.Dispose();

    private sealed class PreparedExistsQueryPolicy(string connectionString) : PooledObjectPolicy<PreparedExistsQuery>
    {
        public override PreparedExistsQuery Create() => new(connectionString);

        public override bool Return(PreparedExistsQuery obj) => true;
    }

    private sealed class PreparedExistsQuery : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _token;
        private readonly SqliteCommand _series;
        private readonly SqliteParameter _seriesToken;

        public PreparedExistsQuery(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _command = _connection.CreateCommand();
            // Served by the unique index IX_Assessments_Token.
            _command.CommandText = "SELECT EXISTS (SELECT 1 FROM \"Assessments\" WHERE \"Token\" = $token)";
            _token = _command.Parameters.Add("$token", SqliteType.Text);
            _token.Value = string.Empty;
            _command.Prepare();
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

        public bool Run(string token)
        {
            _token.Value = token;
            return _command.ExecuteScalar() is long found && found == 1;
        }

        public void Dispose()
        {
            _series.Dispose();
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
