using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine;

/// <summary>answers -> assessment: a pure, deterministic function of the knowledge base and a valid answer set.</summary>
public sealed class TriageEngine(KnowledgeBase knowledgeBase)
{
    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;

    /// <summary>Assesses answers that <see cref="Validation.AnswerSetValidator"/> has accepted.</summary>
    public Assessment Assess(AnswerSet answers) =>
        throw new NotImplementedException("The triage engine work (issue 3) implements assessment.");
}
