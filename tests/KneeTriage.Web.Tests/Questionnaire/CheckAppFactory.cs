using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The shared app factory with rate limits off (these tests submit more often than a person) and
/// a way to look straight into the database.
/// </summary>
public sealed class CheckAppFactory : KneeTriageAppFactory
{
    public CheckAppFactory()
        : base(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" })
    {
    }

    public async Task<T> WithDatabaseAsync<T>(Func<KneeTriageDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        return await query(db);
    }

    public Task<int> StoredCountAsync() => WithDatabaseAsync(db => db.Assessments.CountAsync());

    public Task<bool> IsStoredAsync(string token) => WithDatabaseAsync(db => db.Assessments.AnyAsync(a => a.Token == token));
}
