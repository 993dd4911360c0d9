namespace KneeTriage.Triage.Knowledge;

/// <summary>A cause the engine can rank.</summary>
public sealed record Condition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    /// <summary>Site-relative link to the article section about it, e.g. "/article/causes#bakers-cyst".</summary>
    public required string LearnMore { get; init; }
    /// <summary>What a runner can do for it while waiting or recovering.</summary>
    public required IReadOnlyList<string> SelfCare { get; init; }
    /// <summary>Relative share among runners with knee pain before any answer is known (any positive number).</summary>
    public double Prior { get; init; } = 1;
    /// <summary>Where the facts come from (clinical-notes section and source numbers).</summary>
    public string? Source { get; init; }
}
