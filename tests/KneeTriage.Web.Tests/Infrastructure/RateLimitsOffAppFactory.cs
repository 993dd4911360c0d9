using KneeTriage.Web.Data;
using KneeTriage.Web.Questionnaire;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>
/// The shared app factory with rate limits off (most tests submit more often than a person would)
/// and a way to look straight into the database. The rate-limit, retention and log tests pass
/// settings of their own through <see cref="With"/>; theirs win, so they may switch the limits back on.
/// </summary>
public class RateLimitsOffAppFactory : KneeTriageAppFactory
{
    public RateLimitsOffAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>For a factory that also needs settings of its own (for example a knowledge base of its own).</summary>
    protected RateLimitsOffAppFactory(IReadOnlyDictionary<string, string?> settings)
        : base(WithRateLimitsOff(settings))
    {
    }

    /// <summary>An app with these configuration values on top of rate limits off.</summary>
    public static new RateLimitsOffAppFactory With(IReadOnlyDictionary<string, string?> settings) => new(settings);

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
            Values = KneeTriage.Web.Tests.Questionnaire.CheckForm.AsFormFields(values),
            CompletedSteps = [.. Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>().Steps.Select(s => s.Id)],
        });
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public Task<int> StoredCountAsync() => WithDatabaseAsync(db => db.Assessments.CountAsync());

    public Task<bool> IsStoredAsync(string token) => WithDatabaseAsync(db => db.Assessments.AnyAsync(a => a.Token == token));

    private static Dictionary<string, string?> WithRateLimitsOff(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
