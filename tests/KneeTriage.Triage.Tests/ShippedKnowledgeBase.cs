using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests;

/// <summary>The knowledge base from content/triage, copied beside the tests at build time and loaded once.</summary>
internal static class ShippedKnowledgeBase
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "content", "triage");

    private static readonly Lazy<KnowledgeBase> Loaded = new(() => KnowledgeBaseLoader.Load(Directory));

    public static KnowledgeBase Instance => Loaded.Value;

    /// <summary>
    /// The yes/no and tick-box questions of the steps before the pain step: the warning signs (the
    /// age and injury asked among them are the context of those signs, not signs).
    /// </summary>
    public static IReadOnlyList<Question> WarningQuestions =>
        [.. Instance.Steps.TakeWhile(step => step.Id != "pain").SelectMany(step => step.Questions).Where(q => q.Type is QuestionType.Boolean or QuestionType.Many)];
}
