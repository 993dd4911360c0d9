using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Engine;

/// <summary>
/// Makes the ranked causes agree with the raised warning signs (contract v1.1, "Causes agree with
/// the warning signs"; v1.2, "Causes that agree with the new rules" and the order of first causes,
/// decision 0023). The knowledge base says which causes a warning points at; this only raises
/// those causes' scores as far as needed, so the softmax still gives probabilities in rank order
/// and every other cause keeps its score and its place relative to the rest.
/// </summary>
internal static class WarningAgreement
{
    /// <summary>How far a cause that must come first is lifted above the best of the rest (in score units).</summary>
    private const double FirstMargin = 0.6;

    /// <summary>How far a cause that must be in the first three is lifted above the cause it displaces.</summary>
    private const double PlaceMargin = 0.05;

    /// <summary>
    /// Between causes of one group lifted to the same floor, the step that keeps the order in which
    /// the raised rules name them (far below any evidence weight, so it only breaks the tie).
    /// </summary>
    private const double NamedOrderStep = 0.001;

    public const int Places = 3;

    /// <summary>
    /// Contract v1.2: when two rules each name a first cause, the first is the one higher in this
    /// list; the others stay in the first three. A first cause not listed here ranks after these.
    /// </summary>
    public static readonly IReadOnlyList<string> FirstCauseOrder =
    [
        "deep-vein-thrombosis", "popliteal-artery-entrapment", "compartment-syndrome", "lumbar-referred-pain",
        "septic-arthritis", "knee-tendon-rupture", "popliteal-artery-aneurysm", "hip-referred-pain",
    ];

    /// <summary>Raises the scores of the causes the raised warnings point at, as the contract's table asks.</summary>
    /// <param name="scores">The causes' scores, raised in place.</param>
    /// <param name="raised">What the raised rules point at, with each rule's urgency, most urgent rule first.</param>
    /// <param name="indexOf">The position of a condition id in <paramref name="scores"/>.</param>
    public static void Apply(double[] scores, IReadOnlyList<(Urgency Urgency, WarningPointer Pointer)> raised, Func<string, int> indexOf)
    {
        if (raised.Count == 0)
        {
            return;
        }

        // Leading groups, most important first: each cause a warning puts first, one at a time in the
        // contract's order of first causes (then by the most urgent rule naming it), then an
        // emergency's other causes together (a 999 banner never sits above a cause no warning
        // points at).
        var firsts = raised.Where(r => r.Pointer.First)
            .Select((r, index) => (r.Pointer.ConditionId, r.Urgency, index))
            .OrderBy(f => OrderOfFirst(f.ConditionId)).ThenByDescending(f => f.Urgency).ThenBy(f => f.index)
            .Select(f => indexOf(f.ConditionId)).Distinct();
        List<List<int>> leading = [.. firsts.Select(c => new List<int> { c })];
        var emergencyOthers = raised.Where(r => r.Urgency == Urgency.Emergency && !r.Pointer.First).Select(r => indexOf(r.Pointer.ConditionId)).Distinct().ToList();
        if (emergencyOthers.Count > 0)
        {
            leading.Add(emergencyOthers);
        }

        var others = raised.Where(r => !r.Pointer.First).Select(r => indexOf(r.Pointer.ConditionId)).Distinct().ToList();
        Apply(scores, leading, others);
    }

    private static int OrderOfFirst(string conditionId)
    {
        for (var i = 0; i < FirstCauseOrder.Count; i++)
        {
            if (string.Equals(FirstCauseOrder[i], conditionId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return FirstCauseOrder.Count;
    }

    /// <param name="scores">The causes' scores, raised in place.</param>
    /// <param name="firsts">Causes that lead the list, in groups, the group that must come first first.</param>
    /// <param name="others">Causes a warning puts in the first three, most urgent warning first.</param>
    private static void Apply(double[] scores, List<List<int>> firsts, List<int> others)
    {
        // Least urgent group first, so the most urgent warning's causes end on top.
        var raised = new List<int>();
        for (var g = firsts.Count - 1; g >= 0; g--)
        {
            var group = firsts[g].Where(c => !raised.Contains(c)).ToList();
            var higher = firsts.Take(g).SelectMany(x => x).ToHashSet();
            var bestOfRest = BestScore(scores, c => !group.Contains(c) && !higher.Contains(c));
            // An emergency's causes lifted together would tie at the floor and fall to the file
            // order of conditions; they keep the order the rules name them in instead, the order
            // in which a clinician rules them out: "Not being able to take four steps after a knee
            // injury can mean a broken bone or a serious ligament injury" X-rays for the bone
            // first, and a swollen knee after an injury is a torn ACL only "once a fracture has
            // been excluded" (clinical-notes 1.12, 2.1; src 45, 47, 78). A cause whose own
            // answers already lift it above the floor keeps its score.
            for (var i = 0; i < group.Count; i++)
            {
                var f = group[i];
                scores[f] = Math.Max(scores[f], bestOfRest + FirstMargin - (i * NamedOrderStep));
                raised.Add(f);
            }
        }

        // The first three are: every cause a warning puts first, then the other causes warnings
        // point at (most urgent first), then the best of the rest. Each cause a warning needs there
        // is lifted just above the best cause left outside; the others keep their scores.
        var required = raised.Concat(others).Distinct().ToList();
        var slots = Math.Max(Places, raised.Count);
        required = [.. required.Take(slots)];
        var top = new HashSet<int>(required);
        foreach (var c in Order(scores))
        {
            if (top.Count >= slots)
            {
                break;
            }

            top.Add(c);
        }

        var bestOutside = BestScore(scores, c => !top.Contains(c));
        foreach (var c in required)
        {
            scores[c] = Math.Max(scores[c], bestOutside + PlaceMargin);
        }
    }

    private static double BestScore(double[] scores, Func<int, bool> include)
    {
        var best = double.NegativeInfinity;
        for (var c = 0; c < scores.Length; c++)
        {
            if (include(c))
            {
                best = Math.Max(best, scores[c]);
            }
        }

        return best;
    }

    /// <summary>Highest score first; equal scores keep the file order, so the ranking never depends on chance.</summary>
    public static int[] Order(double[] scores)
    {
        var order = new int[scores.Length];
        for (var c = 0; c < order.Length; c++)
        {
            order[c] = c;
        }

        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return order;
    }
}
