using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// The loaded, validated knowledge base. Built once at start-up by <see cref="KnowledgeBaseLoader"/>
/// and shared read-only.
/// </summary>
public sealed partial class KnowledgeBase
{
    /// <summary>A short hash of the knowledge-base files; every result records it.</summary>
    public required string Version { get; init; }

    /// <summary>The steps of the symptom check in the order a runner sees them (warning signs first).</summary>
    public required IReadOnlyList<QuestionStep> Steps { get; init; }

    public required IReadOnlyList<Condition> Conditions { get; init; }

    /// <summary>The weight of "a cause this check does not cover", so listed causes sum to less than 1.</summary>
    public double UnexplainedPrior { get; init; }

    /// <summary>Scores are divided by this before the softmax: above 1 softens probabilities without reordering causes.</summary>
    public double ScoreTemperature { get; init; } = 1;

    /// <summary>The warning rules, in file order.</summary>
    public IReadOnlyList<WarningRule> WarningRules { get; init; } = [];

    /// <summary>
    /// The warning signs in plain words, one group per level, highest first (emergency, urgent,
    /// see-clinician): the public text every page renders, checked against <see cref="WarningRules"/>.
    /// </summary>
    public IReadOnlyList<WarningSignGroup> WarningSigns { get; init; } = [];

    /// <summary>How answers raise or lower each condition, in file order.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Answers that cannot all be true, in file order; the validator rejects an answer set that has one.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; init; } = [];

    /// <summary>When this holds (no pain and no sign), no causes are ranked.</summary>
    public AnswerCriterion? NoCausesWhen { get; init; }

    /// <summary>The question numbering the loader resolved every criterion against.</summary>
    internal QuestionCatalog Catalog
    {
        get => _catalog ??= new QuestionCatalog(Questions);
        init => _catalog = value;
    }

    private QuestionCatalog? _catalog;

    public AdviceText Advice { get; init; } = new() { ActionLines = new Dictionary<Disposition, IReadOnlyList<ActionLine>>(), GetHelpIf = [], CheckAgain = [], SelfCareCauses = 0 };

    /// <summary>The walk-run plan offered with a self-care result that has no warning sign.</summary>
    public required ReturnToRunningPlanText ReturnToRunning { get; init; }

    public IEnumerable<Question> Questions => Steps.SelectMany(step => step.Questions);

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Condition? FindCondition(string id) => Conditions.FirstOrDefault(c => c.Id == id);

    /// <summary>The warning signs of <paramref name="urgency"/>, or null for self-care (which has none).</summary>
    public WarningSignGroup? WarningSignsFor(Urgency urgency) => WarningSigns.FirstOrDefault(g => g.Urgency == urgency);
}
