using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// One piece of evidence: when <see cref="When"/> holds, <see cref="Weight"/> (a log-likelihood ratio)
/// is added to the score of <see cref="ConditionId"/>, and <see cref="Reason"/> explains why.
/// </summary>
public sealed record Evidence
{
    public required string ConditionId { get; init; }
    public required AnswerCriterion When { get; init; }
    public required double Weight { get; init; }
    public required string Reason { get; init; }
    public required string Source { get; init; }
}
