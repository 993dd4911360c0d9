using System.Data.Common;
using KneeTriage.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KneeTriage.Web.Tests.Data;

/// <summary>Data/StorageFailure recognises both providers' failures, wrapped as EF Core and Npgsql wrap them.</summary>
public sealed class StorageFailureRecognitionTests
{
    private static PostgresException Postgres(string sqlState) => new("terminating connection due to administrator command", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Failures => new()
    {
        { "Npgsql's execution strategy wrapping a dropped connection", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Postgres("57P01")) },
        { "a server that cannot be reached", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)) },
        { "a server still starting", Postgres("57P03") },
        { "a refused insert, wrapped by EF Core", new DbUpdateException("An error occurred while saving the entity changes.", Postgres("P0001")) },
        { "SQLite busy", new SqliteException("database is locked", 5) },
        { "SQLite disk I/O error", new SqliteException("disk I/O error", 10) },
        { "a group commit's failure seen through a task", new AggregateException(new SqliteException("database or disk is full", 13)) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void EveryProvidersFailureIsAStorageFailure(string what, Exception exception) =>
        Assert.True(StorageFailure.Is(exception), what);

    [Fact]
    public void AProgrammingErrorIsNotAStorageFailure()
    {
        Assert.False(StorageFailure.Is(new InvalidOperationException("Sequence contains more than one element")));
        Assert.False(StorageFailure.Is(new ArgumentNullException("token")));
    }

    [Theory]
    [InlineData("57P01")]
    [InlineData("57P02")]
    [InlineData("57P03")]
    [InlineData("08006")]
    public void ADroppedOrRefusedPostgresConnectionIsWorthOneRetry(string sqlState) =>
        Assert.True(StorageFailure.IsWorthARetry(new InvalidOperationException("wrapped", Postgres(sqlState))));

    [Fact]
    public void ARefusedStatementIsNotRetried()
    {
        Assert.False(StorageFailure.IsWorthARetry(Postgres("23505")));
        Assert.False(StorageFailure.IsWorthARetry(new SqliteException("constraint failed", 19)));
        Assert.True(StorageFailure.IsWorthARetry(new SqliteException("database is locked", 5)));
    }

    [Fact]
    public void AnyDbExceptionCounts() => Assert.True(StorageFailure.Is(new InvalidOperationException("outer", new TestDbException())));

    private sealed class TestDbException : DbException;
}
