using KneeTriage.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>The store outside the app: every call gets a context from <c>newContext</c>, as the app's pool would give one.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly ServiceProvider services;

    public TestStore(Func<KneeTriageDbContext> newContext, TimeProvider? time = null, IStoredTokenLookup? tokens = null)
    {
        services = new ServiceCollection().AddScoped(_ => newContext()).BuildServiceProvider();
        Store = new AssessmentStore(services.GetRequiredService<IServiceScopeFactory>(), time ?? TimeProvider.System, tokens);
    }

    public AssessmentStore Store { get; }

    public void Dispose() => services.Dispose();
}
