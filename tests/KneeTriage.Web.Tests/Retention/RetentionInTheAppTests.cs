using System.Net;
using System.Text.Json;
using KneeTriage.Web.Data;
using KneeTriage.Web.Retention;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Retention;

/// <summary>
/// The running app's purge on the suite's storage (SQLite, or PostgreSQL in CI's second pass). The
/// service logs a failed purge and carries on, so a purge that throws on one provider would leave
/// the site up and every result kept forever: this test reads the log as well as the database.
/// </summary>
public sealed class RetentionInTheAppTests
{
    [Fact]
    public async Task TheRunningAppPurgesAnExpiredResultWithoutLoggingAFailure()
    {
        var sink = new CollectingLogSink();
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?>
        {
            ["Retention:MaxAge"] = "30.00:00:00",
            ["Retention:Interval"] = "00:00:01",
        }).WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var expired = await CreateAsync(client);
        var kept = await CreateAsync(client);

        // Stored 40 days ago as far as the purge can tell.
        await WithDatabaseAsync(app, db => db.Assessments.Where(a => a.Token == expired)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.CreatedAt, DateTime.UtcNow.AddDays(-40))));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await WithDatabaseAsync(app, db => db.Assessments.CountAsync(a => a.Token == expired)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var failures = sink.Events.Where(e => e.Level >= LogEventLevel.Warning
            && e.Properties.GetValueOrDefault("SourceContext")?.ToString().Contains(nameof(RetentionService), StringComparison.Ordinal) == true).ToList();
        Assert.True(failures.Count == 0, $"the purge logged {failures.Count} failures: " + string.Join("; ", failures.Take(2).Select(f => $"{f.RenderMessage()} {f.Exception}")));
        Assert.Equal(0, await WithDatabaseAsync(app, db => db.Assessments.CountAsync(a => a.Token == expired)));
        Assert.Equal(1, await WithDatabaseAsync(app, db => db.Assessments.CountAsync(a => a.Token == kept)));
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<T> WithDatabaseAsync<T>(WebApplicationFactory<Program> app, Func<KneeTriageDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>());
    }
}
