using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Knowledge;

/// <summary>The advice wording from <c>advice.yaml</c>.</summary>
public sealed record AdviceText
{
    public required IReadOnlyDictionary<Urgency, IReadOnlyList<string>> DoNow { get; init; }
    public required IReadOnlyList<string> ComeBackIf { get; init; }
    /// <summary>How many leading causes get self-care steps when self-care is appropriate.</summary>
    public required int SelfCareCauses { get; init; }
}
