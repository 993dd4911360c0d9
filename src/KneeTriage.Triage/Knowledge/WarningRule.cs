using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>A warning sign: when <see cref="When"/> holds, the urgency is at least <see cref="Urgency"/>.</summary>
public sealed record WarningRule
{
    public required string Id { get; init; }
    public required Urgency Urgency { get; init; }
    public required AnswerCriterion When { get; init; }
    /// <summary>Plain words for the runner: what the sign may mean and what to do.</summary>
    public required string Message { get; init; }
    public required string Source { get; init; }
}
