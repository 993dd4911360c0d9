namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// The return-to-running plan from <c>return-to-running.yaml</c>: the gate to start, the walk-run
/// phases and the rules for moving through them. Offered only with a self-care result and no
/// warning sign (<see cref="Engine.Progress.ReturnToRunningOffer"/>).
/// </summary>
public sealed record ReturnToRunningPlanText
{
    public required string Title { get; init; }

    public required string Intro { get; init; }

    /// <summary>The one pain rule for running, word for word as the guide and the self-care advice give it.</summary>
    public required PlanItem PainRule { get; init; }

    /// <summary>For a runner who has kept running: load management by the pain rule instead of the walk-run phases.</summary>
    public required IReadOnlyList<PlanItem> StillRunning { get; init; }

    /// <summary>What must all be true before the first run.</summary>
    public required IReadOnlyList<PlanItem> Gate { get; init; }

    /// <summary>The walk-run phases, easiest first.</summary>
    public required IReadOnlyList<PlanItem> Phases { get; init; }

    /// <summary>When to move on to the next phase.</summary>
    public required PlanItem Advance { get; init; }

    /// <summary>What to do when a run brings pain, swelling or stiffness.</summary>
    public required PlanItem StepBack { get; init; }

    public required PlanItem RestDays { get; init; }

    public required PlanItem RunsPerWeek { get; init; }

    /// <summary>The number the <see cref="RunsPerWeek"/> rule states.</summary>
    public required int MaxRunsPerWeek { get; init; }

    /// <summary>When to leave the plan and take the check again.</summary>
    public required PlanItem Stop { get; init; }

    /// <summary>
    /// The published sources of the plan and of the self-care advice, in the order of their numbers;
    /// pages number them from 1 in this order, and the advice cites them by that place ([1]).
    /// </summary>
    public required IReadOnlyList<PlanReference> References { get; init; }

    public IEnumerable<PlanItem> Items => [PainRule, .. StillRunning, .. Gate, .. Phases, Advance, StepBack, RestDays, RunsPerWeek, Stop];

    /// <summary>The place (from 1) of a source in <see cref="References"/>, as a page numbers it; 0 when it is not listed.</summary>
    public int CitationNumber(int sourceNumber)
    {
        for (var i = 0; i < References.Count; i++)
        {
            if (References[i].Number == sourceNumber)
            {
                return i + 1;
            }
        }

        return 0;
    }
}

/// <summary>A published source as a reader can find it: who published it, the title, the year and the link.</summary>
public sealed record PlanReference
{
    /// <summary>Its number in section 6 of clinical-notes.md, as the items' sources cite it.</summary>
    public required int Number { get; init; }
    public required string Publisher { get; init; }
    public required string Title { get; init; }
    /// <summary>A year, or "no date" when the source gives none.</summary>
    public required string Year { get; init; }
    public required Uri Url { get; init; }
}

/// <summary>One sentence or two of the plan, with where it comes from.</summary>
public sealed record PlanItem
{
    public required string Text { get; init; }

    /// <summary>As written in the file: "clinical-notes 3.3; src 97, 98".</summary>
    public required string Source { get; init; }

    /// <summary>The numbers of the notes' sources (section 6 of clinical-notes.md); empty when the notes give none for this line.</summary>
    public required IReadOnlyList<int> SourceIds { get; init; }
}
