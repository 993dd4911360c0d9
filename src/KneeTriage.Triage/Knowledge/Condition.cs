namespace KneeTriage.Triage.Knowledge;

/// <summary>A cause the engine can rank.</summary>
public sealed record Condition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    /// <summary>Site-relative link to the article section about it, e.g. "/article/causes#bakers-cyst".</summary>
    public required string LearnMore { get; init; }
    /// <summary>What a runner can do for it while waiting or recovering: every step's words, whoever they are for.</summary>
    public IReadOnlyList<string> SelfCare => [.. SelfCareSteps.Select(step => step.Words)];
    /// <summary>The self-care steps, each with the runners it speaks to (an under-16 line is not shown at 62).</summary>
    public required IReadOnlyList<SelfCareStep> SelfCareSteps { get; init; }
    /// <summary>
    /// The least pressing result on which this cause may be listed (a clot needs a same-day check):
    /// below it, a cause that needs a different action would sit silent beside a gentler one
    /// (contract v1.2, "Causes in bands"). Null: listed on any result.
    /// </summary>
    public Engine.Disposition? NotListedBelow { get; init; }
    /// <summary>Relative share among runners with knee pain before any answer is known (any positive number).</summary>
    public double Prior { get; init; } = 1;
    /// <summary>Where the facts come from (clinical-notes section and source numbers).</summary>
    public string? Source { get; init; }
}

/// <summary>One self-care step; <see cref="OnlyWhen"/> keeps it to the runners it speaks to.</summary>
public sealed record SelfCareStep
{
    public required string Words { get; init; }
    public Criteria.AnswerCriterion? OnlyWhen { get; init; }
    /// <summary>The step tells the runner not to run (<c>stopsRunning: true</c>): no step or line that says how to run is shown beside it.</summary>
    public bool StopsRunning { get; init; }
    /// <summary>The step says how to run (<c>aboutRunning: true</c>): left out of a result on which any line says not to run.</summary>
    public bool AboutRunning { get; init; }
}
