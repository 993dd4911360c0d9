using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Engine;

/// <summary>
/// The transparent scoring model: each condition's score is ln(prior) plus the weights of the
/// evidence its answers match; a softmax over the conditions and an "unexplained" score turns the
/// scores into probabilities that sum to at most 1. Built once per knowledge base; thread-safe.
/// </summary>
internal sealed class CauseRanker
{
    /// <summary>
    /// A cause no raised warning names needs at least this share to be shown as likely: pages show
    /// bands, not percentages (contract v1.2), so a 2% cause would read as "also possible" as
    /// plainly as a 30% one. Runners walking the form read a blood clot or compartment syndrome
    /// listed that way beside a self-care result as alarming and unsupported.
    /// </summary>
    private const double MinimumProbability = 0.05;

    private const int MaximumCauses = 5;

    private readonly Condition[] _conditions;
    private readonly double[] _logPriors;
    private readonly Evidence[][] _evidence;
    private readonly double _logUnexplained;
    private readonly double _temperature;
    private readonly Dictionary<string, int> _indexById;

    public CauseRanker(KnowledgeBase knowledgeBase)
    {
        _conditions = [.. knowledgeBase.Conditions];
        _logPriors = [.. _conditions.Select(c => Math.Log(c.Prior))];
        _evidence = [.. _conditions.Select(c => knowledgeBase.Evidence.Where(e => e.ConditionId == c.Id).ToArray())];
        _logUnexplained = Math.Log(knowledgeBase.UnexplainedPrior > 0 ? knowledgeBase.UnexplainedPrior : double.Epsilon);
        _temperature = knowledgeBase.ScoreTemperature >= 1 ? knowledgeBase.ScoreTemperature : 1;
        _indexById = _conditions.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <param name="facts">The answers.</param>
    /// <param name="raised">What the raised warning rules point at, with each rule's urgency, most urgent rule first.</param>
    public IReadOnlyList<LikelyCause> Rank(AnswerFacts facts, IReadOnlyList<(Urgency Urgency, WarningPointer Pointer)> raised)
    {
        var count = _conditions.Length;
        var scores = new double[count];
        var matched = new bool[count][];
        var supported = new bool[count];
        for (var c = 0; c < count; c++)
        {
            var evidence = _evidence[c];
            var hits = new bool[evidence.Length];
            var score = _logPriors[c];
            for (var e = 0; e < evidence.Length; e++)
            {
                if (evidence[e].When.IsMetBy(facts))
                {
                    hits[e] = true;
                    score += evidence[e].Weight;
                }
            }

            supported[c] = score > _logPriors[c];
            scores[c] = score;
            matched[c] = hits;
        }

        WarningAgreement.Apply(scores, raised, id => _indexById[id]);
        var highest = _logUnexplained;
        foreach (var score in scores)
        {
            highest = Math.Max(highest, score);
        }

        // Softmax with a temperature, shifted by the highest score so exp() never overflows.
        var total = Math.Exp((_logUnexplained - highest) / _temperature);
        for (var c = 0; c < count; c++)
        {
            scores[c] = Math.Exp((scores[c] - highest) / _temperature);
            total += scores[c];
        }

        var order = WarningAgreement.Order(scores);
        var causes = new List<LikelyCause>(MaximumCauses);
        foreach (var c in order)
        {
            if (causes.Count == MaximumCauses)
            {
                break;
            }

            // Rounded down, so the shown probabilities never sum to more than 1.
            var probability = Math.Floor(scores[c] / total * 1000) / 1000;
            var id = _conditions[c].Id;
            var pointed = raised.Where(r => r.Pointer.ConditionId == id).Select(r => r.Pointer.Reason).Distinct(StringComparer.Ordinal).ToList();

            // A cause a raised warning points at is always listed, however small its share. Any
            // other cause needs a share worth naming and answers that, taken together, point toward
            // it (its evidence adds up to more than nothing): a band names a likely cause, and a
            // cause that is only common, or that the answers point away from, is not one.
            if ((probability >= MinimumProbability && supported[c]) || pointed.Count > 0)
            {
                causes.Add(Describe(c, Math.Max(probability, 0.001), matched[c], pointed));
            }
        }

        return causes;
    }

    private LikelyCause Describe(int c, double probability, bool[] hits, List<string> warningReasons)
    {
        var evidence = _evidence[c];
        var applied = Enumerable.Range(0, evidence.Length).Where(e => hits[e]).Select(e => evidence[e]).ToList();
        var condition = _conditions[c];
        return new LikelyCause
        {
            Id = condition.Id,
            Name = condition.Name,
            Probability = probability,
            // The warning sign that points here comes first: it is the reason that matters most.
            ReasonsFor = [.. warningReasons, .. Reasons(applied.Where(e => e.Weight > 0)).Except(warningReasons, StringComparer.Ordinal)],
            ReasonsAgainst = Reasons(applied.Where(e => e.Weight < 0)),
            LearnMore = condition.LearnMore,
        };
    }

    /// <summary>Strongest first; ties keep the file order (OrderBy is a stable sort).</summary>
    private static List<string> Reasons(IEnumerable<Evidence> evidence) =>
        evidence.OrderByDescending(e => Math.Abs(e.Weight)).Select(e => e.Reason).Distinct(StringComparer.Ordinal).ToList();
}
