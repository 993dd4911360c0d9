namespace KneeTriage.Triage.Engine;

/// <summary>A warning rule that fired for these answers.</summary>
public sealed record RedFlag
{
    public required string Id { get; init; }
    public required Urgency Urgency { get; init; }
    /// <summary>Plain words for the runner: what the sign may mean and why it matters.</summary>
    public required string Message { get; init; }
    /// <summary>The message without its action (<see cref="WarningFinding"/>): what the sign may mean.</summary>
    public required string Finding { get; init; }
}

/// <summary>A ranked cause with the answers that pointed toward and away from it.</summary>
public sealed record LikelyCause
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Between 0 and 1. For the API's v1 clients; pages show <see cref="Band"/> instead.</summary>
    public required double Probability { get; init; }
    /// <summary>Plain-words reasons from answers that raised this cause.</summary>
    public required IReadOnlyList<string> ReasonsFor { get; init; }
    /// <summary>Plain-words reasons from answers that lowered this cause.</summary>
    public required IReadOnlyList<string> ReasonsAgainst { get; init; }
    public required string LearnMore { get; init; }
    /// <summary>Set by the engine once the list is ranked (<see cref="CauseBands.Assign"/>).</summary>
    public CauseBand Band { get; init; } = CauseBand.AlsoPossible;
}

/// <summary>Self-care advice for one of the leading causes.</summary>
public sealed record CauseAdvice
{
    public required string ConditionId { get; init; }
    public required string ConditionName { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }
}

/// <summary>Signs the runner did not report that call for more than the result's action, under that action's lead.</summary>
public sealed record GetHelpGroup
{
    public required Disposition Disposition { get; init; }
    public required string Lead { get; init; }
    public required IReadOnlyList<string> Signs { get; init; }
}

public sealed record Advice
{
    /// <summary>The disposition's action: its first line is the action itself.</summary>
    public required IReadOnlyList<string> DoNow { get; init; }
    /// <summary>Self-care for the leading causes (empty when the urgency calls for care first).</summary>
    public required IReadOnlyList<CauseAdvice> SelfCare { get; init; }
    /// <summary><see cref="GetHelpIf"/> as lines, then the check-again line where it belongs: for the API's v1 clients.</summary>
    public required IReadOnlyList<string> ComeBackIf { get; init; }
    /// <summary>Only signs of a more pressing action than the result's, and only those the runner did not report.</summary>
    public IReadOnlyList<GetHelpGroup> GetHelpIf { get; init; } = [];
    /// <summary>For a young runner: "show this to a parent or carer"; null otherwise.</summary>
    public string? ParentOrCarer { get; init; }
    /// <summary>
    /// A line of this advice tells the runner not to run, so no line says how to run: lines about
    /// running are left out or replaced (advice.yaml <c>whenNotRunning</c>), and no plan to run is offered.
    /// </summary>
    public bool ToldNotToRun { get; init; }
}

/// <summary>What the engine concludes from one answer set. Stored whole, so a shared link shows exactly this.</summary>
public sealed record Assessment
{
    /// <summary>The version of the triage contract whose meanings this assessment's ids carry.</summary>
    public const string ContractVersion = "1.2";

    public required Urgency Urgency { get; init; }
    /// <summary>The one action the result leads with; its level is <see cref="Urgency"/>.</summary>
    public required Disposition Disposition { get; init; }
    /// <summary>True exactly when the urgency is not self-care.</summary>
    public bool SeeClinician => Urgency != Urgency.SelfCare;
    public required IReadOnlyList<RedFlag> RedFlags { get; init; }
    /// <summary>At most five, most likely first.</summary>
    public required IReadOnlyList<LikelyCause> LikelyCauses { get; init; }
    public required Advice Advice { get; init; }
    public required string KnowledgeBaseVersion { get; init; }
}
