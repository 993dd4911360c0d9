using KneeTriage.Web.Data;
using KneeTriage.Web.Data.PostgreSql;
using KneeTriage.Web.Data.Sqlite;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace KneeTriage.Web.Tests.Data;

/// <summary>
/// An instance starting on a database that already has every migration recognises it in one query
/// (AppliedMigrations) instead of running EF Core's Migrate() (docs/decisions/0040): it neither waits
/// for another instance's migration lock nor reads the data-protection key ring before a page needs
/// one. On the suite's storage (SQLite, or PostgreSQL in CI's second pass).
/// </summary>
public sealed class StartUpOnACurrentDatabaseTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AnInstanceStartingOnACurrentDatabaseDoesNotWaitForAMigrationLock()
    {
        using var database = new OwnDatabase();
        using (var first = database.App())
        {
            using var client = first.CreatePlainClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        // Another instance is migrating (or died holding SQLite's lock row, which EF Core waits on for ever).
        using var held = database.HoldMigrationLock();
        using var second = database.App();
        var started = Task.Run(async () =>
        {
            using var client = second.CreatePlainClient();
            return (await client.GetAsync("/")).StatusCode;
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, await started.WaitAsync(StartLimit));
    }

    [Fact]
    public async Task ADatabaseOneMigrationBehindGetsTheMigrationItLacks()
    {
        using var database = new OwnDatabase();
        var provider = database.Provider;
        var carried = AppliedMigrations.CarriedBy(provider);
        using (var connection = provider.CreateConnection(database.ConnectionString))
        {
            connection.Open();
            Assert.False(AppliedMigrations.AreAllIn(connection, provider), "a new database has no history table");
        }

        // As a database left by the build before the last migration.
        using (var older = database.NewContext())
        {
            older.GetService<IMigrator>().Migrate(carried[^2]);
            Assert.Equal(carried.Count - 1, older.Database.GetAppliedMigrations().Count());
        }

        using var app = database.App();
        app.CreatePlainClient().Dispose();

        Assert.Equal(carried, await app.WithDatabaseAsync(db => Task.FromResult(db.Database.GetAppliedMigrations().ToList())));
    }

    [Fact]
    public async Task TheMigrationsFoundAreTheOnesEfCoreApplies()
    {
        using var database = new OwnDatabase();
        using var app = database.App();
        app.CreatePlainClient().Dispose();

        var efCore = await app.WithDatabaseAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var applied = await app.WithDatabaseAsync(db => Task.FromResult(db.Database.GetAppliedMigrations().ToList()));

        Assert.Equal(efCore, AppliedMigrations.CarriedBy(database.Provider));
        Assert.Equal(efCore, applied);
        using var connection = database.Provider.CreateConnection(database.ConnectionString);
        connection.Open();
        Assert.True(AppliedMigrations.AreAllIn(connection, database.Provider));
    }

    [Fact]
    public async Task TheKeyRingIsReadWhenAPageFirstNeedsAToken()
    {
        using var database = new OwnDatabase();
        using var app = database.App();
        using var client = app.CreatePlainClient();

        using var home = await client.GetAsync("/");
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.DataProtectionKeys.CountAsync()));

        // The first form needs an antiforgery token, so a key is made and kept for every instance.
        using var form = await client.GetAsync("/check/warning-signs");
        Assert.Equal(System.Net.HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.DataProtectionKeys.CountAsync()));
    }
}
