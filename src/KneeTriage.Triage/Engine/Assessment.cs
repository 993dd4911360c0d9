namespace KneeTriage.Triage.Engine;

/// <summary>A warning rule that fired for these answers.</summary>
public sealed record RedFlag
{
    public required string Id { get; init; }
    public required Urgency Urgency { get; init; }
    /// <summary>Plain words for the runner: what the sign may mean and why it matters.</summary>
    public required string Message { get; init; }
}

/// <summary>A ranked cause with the answers that pointed toward and away from it.</summary>
public sealed record LikelyCause
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Between 0 and 1.</summary>
    public required double Probability { get; init; }
    /// <summary>Plain-words reasons from answers that raised this cause.</summary>
    public required IReadOnlyList<string> ReasonsFor { get; init; }
    /// <summary>Plain-words reasons from answers that lowered this cause.</summary>
    public required IReadOnlyList<string> ReasonsAgainst { get; init; }
    public required string LearnMore { get; init; }
}

/// <summary>Self-care advice for one of the leading causes.</summary>
public sealed record CauseAdvice
{
    public required string ConditionId { get; init; }
    public required string ConditionName { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }
}

public sealed record Advice
{
    /// <summary>What to do now, for the urgency level.</summary>
    public required IReadOnlyList<string> DoNow { get; init; }
    /// <summary>Self-care for the leading causes (empty when the urgency calls for care first).</summary>
    public required IReadOnlyList<CauseAdvice> SelfCare { get; init; }
    /// <summary>When to come back or seek help.</summary>
    public required IReadOnlyList<string> ComeBackIf { get; init; }
}

/// <summary>What the engine concludes from one answer set. Stored whole, so a shared link shows exactly this.</summary>
public sealed record Assessment
{
    public required Urgency Urgency { get; init; }
    /// <summary>True exactly when the urgency is not self-care.</summary>
    public bool SeeClinician => Urgency != Urgency.SelfCare;
    public required IReadOnlyList<RedFlag> RedFlags { get; init; }
    /// <summary>At most five, most likely first.</summary>
    public required IReadOnlyList<LikelyCause> LikelyCauses { get; init; }
    public required Advice Advice { get; init; }
    public required string KnowledgeBaseVersion { get; init; }
}
