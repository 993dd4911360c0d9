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
    /// <summary>The causes this warning sign points at, so the ranked causes agree with the warning.</summary>
    public IReadOnlyList<WarningPointer> PointsTo { get; init; } = [];
    /// <summary>
    /// Set by <c>disposition: call-emergency-number</c> on an emergency rule: this sign needs an
    /// ambulance. Any other emergency rule sends the runner to an emergency department by lift.
    /// </summary>
    public bool CallsEmergencyNumber { get; init; }
    /// <summary>The action this rule alone would lead with.</summary>
    public Disposition Disposition => DispositionIds.For(Urgency, CallsEmergencyNumber);
}

/// <summary>
/// A cause a raised warning rule points at: it is ranked among the first three, or first when
/// <see cref="First"/> is set, and <see cref="Reason"/> names the warning sign among its reasons.
/// </summary>
public sealed record WarningPointer
{
    public required string ConditionId { get; init; }
    public required bool First { get; init; }
    /// <summary>Plain words that name the warning sign and why it points at this cause.</summary>
    public required string Reason { get; init; }
    /// <summary>When set, the pointer only holds for answers that meet it (e.g. "no injury").</summary>
    public AnswerCriterion? When { get; init; }
}
