using Npgsql;
using NpgsqlTypes;

namespace KneeTriage.Web.Data.PostgreSql;

/// <summary>
/// The result-page existence check on PostgreSQL: one indexed query per view through Npgsql's own
/// pool, prepared automatically on each pooled connection after its first use (Max Auto Prepare),
/// so a delete through any instance is seen by the next view on every other (decision 0007).
/// </summary>
internal sealed class PostgreSqlTokenLookup : IStoredTokenLookup, IDisposable
{
    private const string SeriesSql =
        "SELECT a.\"SeriesKey\", COUNT(*), MAX(s.\"Id\") FROM \"Assessments\" a "
        + "JOIN \"Assessments\" s ON s.\"SeriesKey\" = a.\"SeriesKey\" WHERE a.\"Token\" = $1 GROUP BY a.\"SeriesKey\"";

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlTokenLookup(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 8;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public async ValueTask<SeriesState?> SeriesStateAsync(string token, CancellationToken cancellationToken) =>
        await RetryOnceAsync(() => QuerySeriesStateAsync(token, cancellationToken));

    /// <summary>
    /// After a server restart (or pg_terminate_backend) every idle connection in this pool is dead
    /// and the first query on each fails with 57P01: one failure clears the pool and asks once more
    /// on a new connection, so a restart costs no result-page view a 503.
    /// </summary>
    private async Task<T> RetryOnceAsync<T>(Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (Exception exception) when (StorageFailure.IsWorthARetry(exception))
        {
            _dataSource.Clear();
            return await query();
        }
    }

    private async Task<SeriesState?> QuerySeriesStateAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SeriesSql);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = token });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SeriesState(reader.GetString(0), checked((int)reader.GetInt64(1)), reader.GetInt64(2))
            : null;
    }

    public void Dispose() => _dataSource.Dispose();
}
