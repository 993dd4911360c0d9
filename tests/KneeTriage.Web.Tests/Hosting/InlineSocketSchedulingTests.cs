using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.Hosting;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Tests.Hosting;

/// <summary>
/// Request code runs on the socket threads only where no request can wait on a socket of its own
/// process: in the app's own process, with SQLite (decision 0020).
/// </summary>
public sealed class InlineSocketSchedulingTests
{
    private static readonly StorageProvider Sqlite = StorageProvider.Named("Sqlite");
    private static readonly StorageProvider PostgreSql = StorageProvider.Named("PostgreSQL");

    [Fact]
    public void TheAppsOwnProcessOnSqliteRunsRequestsInline() =>
        Assert.True(InlineSocketScheduling.Decide(Sqlite, setting: true, runtimeVariable: null, isAppProcess: true));

    [Fact]
    public void TheSettingTurnsItOff() =>
        Assert.False(InlineSocketScheduling.Decide(Sqlite, setting: false, runtimeVariable: null, isAppProcess: true));

    [Fact]
    public void ATestHostNeverTurnsItOnBecauseTheVariableWouldReachEveryTestsSockets() =>
        Assert.False(InlineSocketScheduling.Decide(Sqlite, setting: true, runtimeVariable: null, isAppProcess: false));

    [Fact]
    public void PostgreSqlKeepsTheThreadPool() =>
        Assert.False(InlineSocketScheduling.Decide(PostgreSql, setting: true, runtimeVariable: null, isAppProcess: true));

    [Fact]
    public void PostgreSqlWithTheRuntimeVariableForcedOnStopsStartUpNamingBothSettings()
    {
        var failure = Assert.Throws<InvalidOperationException>(
            () => InlineSocketScheduling.Decide(PostgreSql, setting: true, runtimeVariable: "1", isAppProcess: true));

        Assert.Contains(InlineSocketScheduling.RuntimeVariable, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider is PostgreSQL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAppStartedByTheTestsLeavesKestrelAndTheProcessAsTheyWere()
    {
        using var app = new RateLimitsOffAppFactory();
        _ = app.Server;

        var sockets = app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.False(sockets.UnsafePreferInlineScheduling, "A test host turned on Kestrel's inline scheduling.");
        Assert.Null(Environment.GetEnvironmentVariable(InlineSocketScheduling.RuntimeVariable));
    }
}
