using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.ResultPage;

/// <summary>The bands of causes in words, the same on the result page, progress, boards and my results: never a percentage.</summary>
public static class CauseBandWords
{
    public static string Title(CauseBand band) => Title(band, afterRuleOutNow: false);

    /// <summary>
    /// The band's title when the list may also hold causes to rule out now: under an emergency, "fits
    /// your answers best" beside "to rule out now" reads as the answer, and a worried runner may wait
    /// (issue 22). The band ids stay the contract's; only the words wait their turn.
    /// </summary>
    public static string Title(CauseBand band, bool afterRuleOutNow) => band switch
    {
        CauseBand.RuleOutNow => "To rule out now",
        CauseBand.FitsBest when afterRuleOutNow => "If the above is ruled out, this fits best",
        CauseBand.FitsBest => "Fits your answers best",
        _ => "Also possible",
    };

    /// <summary>
    /// The first cause of a result with its band ("To rule out now: deep vein thrombosis"); its name
    /// alone for a result stored before v1.2 (no band stored); "None listed" without a cause.
    /// </summary>
    public static string FirstCause(string? name, CauseBand? band) =>
        name is null ? "None listed" : band is { } known ? $"{Title(known)}: {name}" : name;
}
