using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KneeTriage.Web.Data;

/// <summary>
/// The group-commit writer's INSERT, built from the EF model of whichever provider is in use: the
/// table, every column the database does not generate, their quoting, and each column's type
/// mapping and value conversion (the urgency's contract id, UTC times). A property added to
/// <see cref="StoredAssessment"/> is written without touching this SQL.
/// </summary>
internal sealed class AssessmentInsert
{
    private readonly IReadOnlyList<Column> _columns;

    private AssessmentInsert(string sql, IReadOnlyList<Column> columns)
    {
        Sql = sql;
        _columns = columns;
    }

    public string Sql { get; }

    /// <summary>The column names in the order they are written.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    public static AssessmentInsert For(KneeTriageDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(StoredAssessment))
            ?? throw new InvalidOperationException("StoredAssessment is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException("StoredAssessment has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select((p, i) => new Column(
                p.GetColumnName(table) ?? throw new InvalidOperationException($"{p.Name} has no column."),
                sql.GenerateParameterName("p" + i),
                p.GetRelationalTypeMapping(),
                p.GetGetter()))
            .ToList();
        var text = $"INSERT INTO {sql.DelimitIdentifier(tableName, entity.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        return new AssessmentInsert(text, columns);
    }

    /// <summary>
    /// The values of <paramref name="record"/> as the database stores them, in column order: each
    /// property through its value conversion (the urgency's contract id, UTC times, the JSON columns
    /// Brotli-compressed). Called on the request's own thread, never the writer's: compressing on the
    /// one writer thread made every group wait for every record's compression in turn, 16 % of the
    /// app's busy time under submissions on PostgreSQL (decision 0041).
    /// </summary>
    public object[] ValuesOf(StoredAssessment record)
    {
        var values = new object[_columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var column = _columns[i];
            var value = column.Getter.GetClrValueUsingContainingEntity(record);
            values[i] = (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }

        return values;
    }

    /// <summary>
    /// Inserts the <paramref name="rows"/> (each from <see cref="ValuesOf"/>) inside
    /// <paramref name="transaction"/>. Where the driver can batch (Npgsql), every INSERT goes to the
    /// server in one round trip rather than one each (decision 0041). SQLite runs in the process, so
    /// its one prepared command is simply run once per row.
    /// </summary>
    public void InsertAll(DbConnection connection, DbTransaction transaction, IReadOnlyList<object[]> rows)
    {
        if (connection.CanCreateBatch)
        {
            InsertInOneRoundTrip(connection, transaction, rows);
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        var parameters = _columns.Select(c => c.Mapping.CreateParameter(command, c.Parameter, value: null)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            command.ExecuteNonQuery();
        }
    }

    private void InsertInOneRoundTrip(DbConnection connection, DbTransaction transaction, IReadOnlyList<object[]> rows)
    {
        using DbBatch batch = connection.CreateBatch();
        batch.Transaction = transaction;
        // The type mappings make parameters through a command; this one only lends its factory.
        using var factory = connection.CreateCommand();
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = Sql;
            for (var i = 0; i < _columns.Count; i++)
            {
                var parameter = _columns[i].Mapping.CreateParameter(factory, _columns[i].Parameter, value: null);
                parameter.Value = row[i];
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
    }

    internal sealed record Column(string Name, string Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);
}
