using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Submission;

/// <summary>A stored result's disposition and the band of each cause, in the order of its causes.</summary>
public sealed record StoredResultReading(Disposition Disposition, IReadOnlyList<CauseBand> Bands)
{
    /// <summary>
    /// As stored for a v1.2 result; for one stored earlier, derived from its stored urgency, red
    /// flags and order of causes (contract v1.2, "Results made before v1.2").
    /// </summary>
    public static StoredResultReading Of(StoredResult result, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(result);
        var disposition = result.Disposition ?? EarlierResultReading.DispositionOf(knowledgeBase, result.Urgency, result.RedFlags.Select(f => f.Id));
        var bands = result.LikelyCauses.All(c => c.Band is not null)
            ? [.. result.LikelyCauses.Select(c => c.Band.GetValueOrDefault())]
            : CauseBands.Assign(result.LikelyCauses.Select(c => c.Id), EarlierResultReading.RuleOutNow(knowledgeBase, result.RedFlags.Select(f => (f.Id, f.Urgency))));
        return new StoredResultReading(disposition, bands);
    }

    /// <summary>For a result just made, which carries both.</summary>
    public static StoredResultReading OfNew(StoredResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Disposition is { } disposition && result.LikelyCauses.All(c => c.Band is not null)
            ? new StoredResultReading(disposition, [.. result.LikelyCauses.Select(c => c.Band.GetValueOrDefault())])
            : throw new InvalidOperationException("A result just made carries its disposition and bands.");
    }
}
