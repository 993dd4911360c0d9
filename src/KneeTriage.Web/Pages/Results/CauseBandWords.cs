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
    /// The first cause of a result with its band ("To rule out now: deep vein thrombosis"); its name
    /// alone for a result stored before v1.2 (no band stored); "None listed" without a cause.
    /// </summary>
    public static string FirstCause(string? name, CauseBand? band) =>
        name is null ? "None listed" : band is { } known ? $"{Title(known)}: {name}" : name;
}
