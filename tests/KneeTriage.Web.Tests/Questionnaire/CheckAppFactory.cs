using KneeTriage.Web.Data;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The shared app factory with rate limits off (these tests submit more often than a person) and
/// a way to look straight into the database.
/// </summary>
public class CheckAppFactory : KneeTriageAppFactory
{
    public CheckAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>For a factory that also needs settings of its own (for example a knowledge base of its own).</summary>
    protected CheckAppFactory(IReadOnlyDictionary<string, string?> settings)
        : base(new Dictionary<string, string?>(settings) { ["RateLimiting:Enabled"] = "false" })
    {
    }

    public async Task<T> WithDatabaseAsync<T>(Func<KneeTriageDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>();
        return await query(db);
    }

    /// <summary>A draft cookie with every step saved, as the app would write it, e.g. one saved before the questions changed.</summary>
    public string DraftCookieFor(IReadOnlyDictionary<string, string[]> values)
    {
        var drafts = Services.GetRequiredService<DraftCookie>();
        var context = new DefaultHttpContext();
        drafts.Write(context.Response, new QuestionnaireDraft
        {
            Values = values,
            CompletedSteps = ["warning-signs", "hot-knee", "walking", "calf", "pain", "swelling-stiffness", "clicking", "you-and-training"],
        });
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public Task<int> StoredCountAsync() => WithDatabaseAsync(db => db.Assessments.CountAsync());

    public Task<bool> IsStoredAsync(string token) => WithDatabaseAsync(db => db.Assessments.AnyAsync(a => a.Token == token));
}
