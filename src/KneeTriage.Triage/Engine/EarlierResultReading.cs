using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine;

/// <summary>
/// The disposition and bands of a result stored before contract v1.2, which stored neither: derived
/// from its stored urgency, red flags and order of causes (contract v1.2, "Results made before v1.2"),
/// reading each stored red flag's rule in the knowledge base loaded now.
/// </summary>
public static class EarlierResultReading
{
    /// <summary>An emergency is a call when any of its stored red flags is a rule that asks for one now.</summary>
    public static Disposition DispositionOf(KnowledgeBase knowledgeBase, Urgency urgency, IEnumerable<string> redFlagIds)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var calls = redFlagIds.Any(id => knowledgeBase.WarningRules.Any(rule => rule.Id == id && rule.Urgency == Urgency.Emergency && rule.CallsEmergencyNumber));
        return DispositionIds.For(urgency, calls);
    }

    /// <summary>
    /// The causes the stored urgent or emergency red flags point at. The answers a pointer's own
    /// condition reads ("no injury") may have meant something else then, so every pointer of the rule
    /// counts: a cause is put among those to rule out rather than left out.
    /// </summary>
    public static IReadOnlySet<string> RuleOutNow(KnowledgeBase knowledgeBase, IEnumerable<(string Id, Urgency Urgency)> redFlags)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return redFlags
            .Where(flag => flag.Urgency >= Urgency.Urgent)
            .SelectMany(flag => knowledgeBase.WarningRules.Where(rule => rule.Id == flag.Id).SelectMany(rule => rule.PointsTo))
            .Select(pointer => pointer.ConditionId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
