using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Vignettes;

/// <summary>How one assessment fared against one vignette, and the four shares over a set.</summary>
internal sealed record VignetteScore(Vignette Vignette, Assessment Assessment)
{
    public bool Safe => Assessment.Urgency >= Vignette.SafetyFloor;

    public bool UrgencyAccepted => Vignette.AcceptedUrgency.Contains(Assessment.Urgency);

    /// <summary>Whether the case expects causes; top-3 and top-1 count only these, as ../shared/tools/check-vignettes does.</summary>
    public bool Ranked => Vignette.ExpectedCauses.Count > 0;

    public bool InTop3 => Assessment.LikelyCauses.Take(3).Any(c => Vignette.ExpectedCauses.Any(e => Vignette.Meets(c.Id, e)));

    public bool Top1 => Ranked && Assessment.LikelyCauses.Count > 0 && Vignette.Meets(Assessment.LikelyCauses[0].Id, Vignette.ExpectedCauses[0]);

    public string Describe() =>
        $"{Vignette.Id}: urgency {Assessment.Urgency.ToContractId()} (accepted {string.Join("/", Vignette.AcceptedUrgency.Select(u => u.ToContractId()))}), " +
        $"causes {string.Join(", ", Assessment.LikelyCauses.Select(c => $"{c.Id} {c.Probability:0.00}"))} (expected {string.Join("/", Vignette.ExpectedCauses)})";

    public static string Shares(IReadOnlyList<VignetteScore> scores)
    {
        var ranked = scores.Where(s => s.Ranked).ToList();
        return $"safe {Share(scores, s => s.Safe)}, urgency {Share(scores, s => s.UrgencyAccepted)}, top3 {Share(ranked, s => s.InTop3)}, top1 {Share(ranked, s => s.Top1)}";
    }

    public static string Share(IReadOnlyList<VignetteScore> scores, Func<VignetteScore, bool> passes) =>
        $"{scores.Count(passes)}/{scores.Count}";
}
