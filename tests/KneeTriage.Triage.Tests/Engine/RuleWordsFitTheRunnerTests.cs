using System.Globalization;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Issue 22: the lines under "why" and "also tell the clinician" speak of what the runner reported,
/// never contradict themselves, and never name a cause the page does not list. A tester read "a
/// lump behind the knee" and "even after a calf strain" on a clot result with neither, a torn
/// meniscus and a stress fracture on a hot knee with no injury, and "most often a clot (about 40
/// in 100)".
/// </summary>
public sealed partial class RuleWordsFitTheRunnerTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    /// <summary>Words that name a cause, and the condition a rule must point at to say them.</summary>
    private static readonly (string Words, string ConditionId)[] CauseWords =
    [
        ("Baker's cyst", "bakers-cyst"),
        ("meniscus", "meniscus-tear"),
        ("stress fracture", "fracture"),
        ("gout", "inflammatory-arthritis"),
        ("ligament", "ligament-injury"),
    ];

    [Fact]
    public void NoRuleNamesACauseItDoesNotPointAt()
    {
        var problems = ShippedKnowledgeBase.Instance.WarningRules
            .SelectMany(rule => CauseWords
                .Where(cause => WarningFinding.Of(rule.Message).Contains(cause.Words, StringComparison.OrdinalIgnoreCase))
                .Where(cause => !rule.PointsTo.Any(p => p.ConditionId == cause.ConditionId))
                .Select(cause => $"{rule.Id} names '{cause.Words}' but does not point at {cause.ConditionId}, so the page may not list it"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NoLineCallsACauseMostOftenWithFewerThanHalfTheCases()
    {
        var lines = ShippedKnowledgeBase.Instance.WarningRules.Select(r => (r.Id, Text: r.Message))
            .Concat(ShippedKnowledgeBase.Instance.Evidence.Select(e => (Id: e.ConditionId, Text: e.Reason)));

        var problems = lines
            .SelectMany(line => MostOftenWithANumber().Matches(line.Text)
                .Where(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) < 50)
                .Select(m => $"{line.Id}: '{m.Value}' calls fewer than half 'most often'"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void AClotResultSpeaksOnlyOfTheSwollenWarmCalfTheRunnerReported()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.WithList("calf-signs", "swollen", "warm").WithList("clot-risk", "long-travel"));

        var lines = assessment.RedFlags.Select(f => f.Finding).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain("lump", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("strain", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Baker", line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AHotSwollenKneeWithNoInjuryIsNotToldOfATornMeniscusOrAStressFracture()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm
            .With("age", 60)
            .With("hot-red-knee", true)
            .WithList("swelling", "whole-knee")
            .WithList("pain-triggers", "rest", "night"));

        var lines = assessment.RedFlags.Select(f => f.Finding).ToList();
        Assert.Contains(assessment.RedFlags, f => f.Id == "knee-swelling");
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain("meniscus", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("stress fracture", line, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void CompartmentSyndromeReasonsNeverTalkAnOlderRunnerOutOfTheAcuteKind()
    {
        // A 55-year-old whose calf did not settle after a long run: the acute kind, an emergency.
        var assessment = Engine.Assess(SampleAnswers.Calm
            .With("age", 55)
            .With("not-settling-after-run", true)
            .WithList("calf-signs", "hard-or-tight")
            .WithList("pain-location", "below-back"));

        var cause = Assert.Single(assessment.LikelyCauses, c => c.Id == "compartment-syndrome");
        Assert.Equal(CauseBand.RuleOutNow, cause.Band);
        var aboutWhoGetsIt = cause.ReasonsAgainst.Where(r => r.Contains("after 50", StringComparison.Ordinal) || r.Contains("young", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(aboutWhoGetsIt);
        Assert.All(aboutWhoGetsIt, reason => Assert.Contains("The acute kind can happen at any age.", reason, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(most often|usually)[^.]*?about (?<n>\d+) in 100", RegexOptions.IgnoreCase)]
    private static partial Regex MostOftenWithANumber();
}
