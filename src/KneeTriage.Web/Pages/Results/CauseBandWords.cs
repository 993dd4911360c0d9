using KneeTriage.Triage.Engine;

namespace KneeTriage.Web.Pages.Results;

/// <summary>The bands of causes in words, the same on the result page, progress, boards and my results: never a percentage.</summary>
public static class CauseBandWords
{
    public static string Title(CauseBand band) => band switch
    {
        CauseBand.RuleOutNow => "To rule out now",
        CauseBand.FitsBest => "Fits your answers best",
        _ => "Also possible",
    };

    /// <summary>
    /// The bands as a reader is shown them, wherever causes are listed (the result page, the clinician
    /// summary): beside a cause to rule out now, "fits your answers best" would name a second, gentler
    /// cause as the answer (a 13-year-old's slipped growth plate under "fits best: runner's knee"), so
    /// that cause reads "also possible". The API keeps the contract's bands.
    /// </summary>
    public static IReadOnlyList<CauseBand> AsShown(IReadOnlyList<CauseBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return bands.Contains(CauseBand.RuleOutNow) ? [.. bands.Select(band => band == CauseBand.FitsBest ? CauseBand.AlsoPossible : band)] : bands;
    }

    /// <summary>
    /// The first cause of a result with its band ("To rule out now: deep vein thrombosis"); its name
    /// alone for a result stored before v1.2 (no band stored); "None listed" without a cause.
    /// </summary>
    public static string FirstCause(string? name, CauseBand? band) =>
        name is null ? "None listed" : band is { } known ? $"{Title(known)}: {name}" : name;
}
