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

    /// <summary>
    /// Contract v1.2's warning questions asked outside the warning-sign steps: each can raise urgent
    /// or emergency alone or with another answer (back pain with bladder or saddle symptoms, a hot
    /// knee with an infection risk, a swollen knee on a blood thinner).
    /// </summary>
    public static IReadOnlyList<Question> VersionOnePointTwoWarningQuestions =>
        [.. new[] { "back-pain", "bladder-or-saddle", "both-legs", "hip-or-groin-pain", "blood-thinners", "infection-risk" }
            .Select(id => Instance.FindQuestion(id) ?? throw new InvalidOperationException($"The knowledge base has no question '{id}'."))];

    /// <summary>Every question that alone or with another answer can raise urgent or emergency.</summary>
    public static IReadOnlyList<Question> AllWarningQuestions =>
        [.. WarningQuestions.Concat(VersionOnePointTwoWarningQuestions).DistinctBy(question => question.Id)];
}
