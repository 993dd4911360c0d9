using System.Text.RegularExpressions;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A tester's runner with a possible clot "to rule out now" opened "What points away from it" and
/// read "Pain tied to particular movements points to a muscle …" and "A clot usually builds over
/// hours to days rather than in a moment": reassurance for a runner hoping to wait. A cause a
/// same-day or emergency warning names, and that is never listed on a self-care result
/// (notListedBelow), is there to be checked: each reason against it says what can rule it out
/// ("Only a scan can rule out a clot."). No reason against any cause a warning can name calls it
/// rare or unlikely.
/// </summary>
public sealed partial class ReasonsAgainstACauseToRuleOutNowTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    /// <summary>The causes a raised same-day or emergency warning puts "to rule out now".</summary>
    private static readonly HashSet<string> RuledOutNow =
    [
        .. Shipped.WarningRules.Where(rule => rule.Urgency >= Urgency.Urgent).SelectMany(rule => rule.PointsTo).Select(pointer => pointer.ConditionId),
    ];

    private static IEnumerable<Evidence> ReasonsAgainst(string conditionId) =>
        Shipped.Evidence.Where(e => e.ConditionId == conditionId && e.Weight < 0);

    [Fact]
    public void EveryReasonAgainstACauseToCheckSaysWhatCanRuleItOut()
    {
        var toCheck = Shipped.Conditions.Where(c => c.NotListedBelow is not null && RuledOutNow.Contains(c.Id)).ToList();
        Assert.Contains(toCheck, c => c.Id == "deep-vein-thrombosis");

        var bare = toCheck
            .SelectMany(c => ReasonsAgainst(c.Id).Where(e => !CanRuleOut().IsMatch(e.Reason)).Select(e => $"{c.Id}: \"{e.Reason}\""))
            .ToList();

        Assert.True(bare.Count == 0, "A reason against a cause to rule out now that does not say what can rule it out:\n" + string.Join('\n', bare));
    }

    [Fact]
    public void NoReasonAgainstACauseAWarningNamesCallsItRareOrUnlikely()
    {
        var reassuring = RuledOutNow
            .SelectMany(id => ReasonsAgainst(id).Where(e => Rarity().IsMatch(e.Reason)).Select(e => $"{id}: \"{e.Reason}\""))
            .ToList();

        Assert.True(reassuring.Count == 0, "Rarity beside a cause to rule out now:\n" + string.Join('\n', reassuring));
    }

    [Fact]
    public void APossibleClotAfterATravelStillSaysOnlyAScanCanRuleItOut()
    {
        var assessment = new TriageEngine(Shipped).Assess(SampleAnswers.Calm
            .With("onset", "sudden").WithList("pain-triggers", "uphill").WithList("pain-location", "below-back")
            .WithList("calf-signs", "swollen", "warm").WithList("clot-risk", "long-travel"));

        var clot = Assert.Single(assessment.LikelyCauses, c => c.Id == "deep-vein-thrombosis");
        Assert.Equal(CauseBand.RuleOutNow, clot.Band);
        Assert.Contains(clot.ReasonsAgainst, reason => reason.StartsWith("A clot usually builds over hours to days", StringComparison.Ordinal));
        Assert.All(clot.ReasonsAgainst, reason => Assert.EndsWith("Only a scan can rule out a clot.", reason, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\bOnly (a|an) .+ can rule (out|it out|one out)\b")]
    private static partial Regex CanRuleOut();

    [GeneratedRegex(@"\b(rare|rarely|uncommon|unlikely)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rarity();
}
