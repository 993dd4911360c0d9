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
    private const string Sql = "SELECT EXISTS (SELECT 1 FROM \"Assessments\" WHERE \"Token\" = $1)";

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

    public async ValueTask<bool> ExistsAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = token });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public void Dispose() => _dataSource.Dispose();
}
