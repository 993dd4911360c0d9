using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Engine;

/// <summary>answers -> assessment: a pure, deterministic function of the knowledge base and a valid answer set.</summary>
public sealed class TriageEngine
{
    private readonly WarningRule[] _rules;
    private readonly CauseRanker _ranker;

    public TriageEngine(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBase = knowledgeBase;
        _rules = [.. knowledgeBase.WarningRules];
        _ranker = new CauseRanker(knowledgeBase);
    }

    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>Assesses answers that <see cref="Validation.AnswerSetValidator"/> has accepted.</summary>
    public Assessment Assess(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var facts = new AnswerFacts(KnowledgeBase.Catalog, answers);

        var raised = RaisedRules(facts);
        var redFlags = raised.Select(rule => new RedFlag { Id = rule.Id, Urgency = rule.Urgency, Message = rule.Message, Finding = WarningFinding.Of(rule.Message) }).ToList();
        var urgency = redFlags.Count > 0 ? redFlags[0].Urgency : Urgency.SelfCare;
        // When rules of both emergency kinds are raised, the call to the emergency number wins.
        var disposition = DispositionIds.For(urgency, raised.Any(rule => rule.Urgency == Urgency.Emergency && rule.CallsEmergencyNumber));
        // The causes agree with the warning signs: each raised rule's pointers (highest urgency first) shape the ranking.
        var pointers = raised.SelectMany(rule => rule.PointsTo.Where(p => p.When?.IsMetBy(facts) ?? true).Select(p => (rule.Urgency, p))).ToList();
        var ranked = KnowledgeBase.NoCausesWhen?.IsMetBy(facts) == true ? PointedAtOnly(facts, pointers) : _ranker.Rank(facts, pointers);
        // A cause an urgent or emergency sign points at is to be ruled out now, however likely it looks.
        var ruleOutNow = pointers.Where(x => x.Urgency >= Urgency.Urgent).Select(x => x.p.ConditionId).ToHashSet(StringComparer.Ordinal);
        ranked = ListedCauses.For(KnowledgeBase.Conditions, disposition, ranked, pointers.Select(x => x.p.ConditionId).ToHashSet(StringComparer.Ordinal));
        var bands = CauseBands.Assign(ranked.Select(c => c.Id), ruleOutNow);
        var causes = ranked.Select((cause, i) => cause with { Band = bands[i] }).ToList();

        return new Assessment
        {
            Urgency = urgency,
            Disposition = disposition,
            RedFlags = redFlags,
            LikelyCauses = causes,
            Advice = AdviceWriter.Write(KnowledgeBase.Advice, KnowledgeBase.Conditions, disposition, causes, facts, [.. raised.Select(rule => rule.Id)]),
            KnowledgeBaseVersion = KnowledgeBase.Version,
        };
    }

    /// <summary>
    /// With no pain and no sign there is nothing to explain, except what a raised warning points at:
    /// a fall at 60 with "no pain" ticked raises the fracture rule, and the fracture is listed alone.
    /// </summary>
    private List<LikelyCause> PointedAtOnly(AnswerFacts facts, List<(Urgency Urgency, WarningPointer Pointer)> pointers)
    {
        if (pointers.Count == 0)
        {
            return [];
        }

        var pointedAt = pointers.Select(p => p.Pointer.ConditionId).ToHashSet(StringComparer.Ordinal);
        return [.. _ranker.Rank(facts, pointers).Where(c => pointedAt.Contains(c.Id))];
    }

    /// <summary>Every rule that holds, highest urgency first, then in file order.</summary>
    private List<WarningRule> RaisedRules(AnswerFacts facts)
    {
        var raised = new List<WarningRule>();
        foreach (var rule in _rules)
        {
            if (rule.When.IsMetBy(facts))
            {
                raised.Add(rule);
            }
        }

        // List.Sort is not stable, so the file order is restored explicitly through the index.
        return [.. raised.Select((rule, index) => (rule, index)).OrderByDescending(x => x.rule.Urgency).ThenBy(x => x.index).Select(x => x.rule)];
    }
}
