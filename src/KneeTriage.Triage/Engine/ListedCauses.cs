using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine;

/// <summary>
/// Contract v1.2, "Causes in bands": a cause whose care needs more than the result's action (a clot
/// needs a same-day scan) is not listed on a gentler result, where it would sit silent as "also
/// possible" beside "look after this yourself". A cause a raised warning names is always listed:
/// its rule's finding says why it is there.
/// </summary>
internal static class ListedCauses
{
    public static IReadOnlyList<LikelyCause> For(IReadOnlyList<Condition> conditions, Disposition disposition, IReadOnlyList<LikelyCause> ranked, IReadOnlySet<string> namedByARaisedRule) =>
        [.. ranked.Where(cause => namedByARaisedRule.Contains(cause.Id) || !(conditions.First(c => c.Id == cause.Id).NotListedBelow > disposition))];
}
