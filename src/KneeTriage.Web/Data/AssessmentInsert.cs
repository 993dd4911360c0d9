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

    /// <summary>A command for this INSERT on <paramref name="connection"/>, prepared, to be run once per record.</summary>
    public Command Prepare(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        var parameters = _columns.Select(c => c.Mapping.CreateParameter(command, c.Parameter, value: null)).ToArray();
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return new Command(command, parameters, _columns);
    }

    internal sealed record Column(string Name, string Parameter, RelationalTypeMapping Mapping, IClrPropertyGetter Getter);

    internal sealed class Command(DbCommand command, DbParameter[] parameters, IReadOnlyList<Column> columns) : IDisposable
    {
        public void Insert(StoredAssessment record)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var column = columns[i];
                var value = column.Getter.GetClrValueUsingContainingEntity(record);
                parameters[i].Value = (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}
