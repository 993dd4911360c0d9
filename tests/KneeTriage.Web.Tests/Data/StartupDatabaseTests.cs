using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.EntityFrameworkCore;

namespace KneeTriage.Web.Tests.Data;

/// <summary>What the app does to its database when it starts.</summary>
public sealed class StartupDatabaseTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task StartingTheAppAppliesEveryMigrationAndSwitchesToWal()
    {
        using var client = factory.CreatePlainClient();

        var pending = await factory.WithDatabaseAsync(db => Task.FromResult(db.Database.GetPendingMigrations().ToList()));
        var applied = await factory.WithDatabaseAsync(db => Task.FromResult(db.Database.GetAppliedMigrations().ToList()));

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        if (!factory.OnPostgres)
        {
            var journal = await factory.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
            Assert.Equal("wal", Assert.Single(journal));
        }
    }

    [Fact]
    public async Task DataProtectionKeysAreKeptInTheDatabaseForEveryInstance()
    {
        using var client = factory.CreatePlainClient();
        // A form page needs an antiforgery token, which needs a data-protection key.
        using var page = await client.GetAsync("/check/warning-signs");

        var keys = await factory.WithDatabaseAsync(db => db.DataProtectionKeys.CountAsync());

        Assert.True(keys > 0, "No data-protection key was written to the database.");
    }
}
