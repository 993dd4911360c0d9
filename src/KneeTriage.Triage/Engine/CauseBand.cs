namespace KneeTriage.Triage.Engine;

/// <summary>
/// How a likely cause is shown (contract v1.2, "Causes in bands, not percentages"): a percentage
/// reads as a diagnosis, or as "ruled out", so pages show these bands instead.
/// </summary>
public enum CauseBand
{
    /// <summary>Named by a raised urgent or emergency warning rule: to be ruled out now, however likely.</summary>
    RuleOutNow,
    /// <summary>The first cause not to be ruled out now.</summary>
    FitsBest,
    AlsoPossible,
}

public static class CauseBands
{
    public static string ToContractId(this CauseBand band) => band switch
    {
        CauseBand.RuleOutNow => "rule-out-now",
        CauseBand.FitsBest => "fits-best",
        CauseBand.AlsoPossible => "also-possible",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band."),
    };

    /// <summary>
    /// The band of each cause, in the order given (most likely first): <see cref="CauseBand.RuleOutNow"/>
    /// for every cause in <paramref name="ruleOutNow"/>, <see cref="CauseBand.FitsBest"/> for the first
    /// other one and <see cref="CauseBand.AlsoPossible"/> for the rest.
    /// </summary>
    public static IReadOnlyList<CauseBand> Assign(IEnumerable<string> causeIds, IReadOnlySet<string> ruleOutNow)
    {
        ArgumentNullException.ThrowIfNull(causeIds);
        ArgumentNullException.ThrowIfNull(ruleOutNow);
        var bands = new List<CauseBand>();
        var fitsBestGiven = false;
        foreach (var id in causeIds)
        {
            if (ruleOutNow.Contains(id))
            {
                bands.Add(CauseBand.RuleOutNow);
            }
            else
            {
                bands.Add(fitsBestGiven ? CauseBand.AlsoPossible : CauseBand.FitsBest);
                fitsBestGiven = true;
            }
        }

        return bands;
    }
}
