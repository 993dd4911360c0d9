using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>The knowledge base from content/triage, copied beside the tests at build time and loaded once, for tests that need no app.</summary>
internal static class ShippedKnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeBaseLoader.Load(Path.Combine(AppContext.BaseDirectory, "content", "triage")));

    public static KnowledgeBase Instance => Loaded.Value;
}
