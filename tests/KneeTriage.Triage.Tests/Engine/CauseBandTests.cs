using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>Contract v1.2, "Causes in bands, not percentages".</summary>
public sealed class CauseBandTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    [Fact]
    public void ACauseAnUrgentSignPointsAtIsToRuleOutNowAndTheFirstOtherFitsBest()
    {
        var causes = Engine.Assess(SampleAnswers.Calm.WithList("calf-signs", "swollen", "tender")).LikelyCauses;

        var clot = Assert.Single(causes, c => c.Id == "deep-vein-thrombosis");
        Assert.Equal(CauseBand.RuleOutNow, clot.Band);
        var others = causes.Where(c => c.Band != CauseBand.RuleOutNow).ToList();
        Assert.Equal(CauseBand.FitsBest, others[0].Band);
        Assert.All(others.Skip(1), c => Assert.Equal(CauseBand.AlsoPossible, c.Band));
    }

    [Fact]
    public void ACauseToRuleOutKeepsItsBandHoweverUnlikely()
    {
        // A cold foot without an injury points at the artery, which may be far down the list.
        var causes = Engine.Assess(SampleAnswers.Calm.WithList("foot-signs", "cold-or-pale")).LikelyCauses;

        Assert.Equal(CauseBand.RuleOutNow, Assert.Single(causes, c => c.Id == "popliteal-artery-entrapment").Band);
    }

    [Fact]
    public void ACauseNamedOnlyByASeeClinicianSignTakesTheOrdinaryBands()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("calf-cramp-on-exertion", true));

        Assert.Equal(Urgency.SeeClinician, assessment.Urgency);
        Assert.DoesNotContain(assessment.LikelyCauses, c => c.Band == CauseBand.RuleOutNow);
        Assert.Equal(CauseBand.FitsBest, assessment.LikelyCauses[0].Band);
    }

    [Fact]
    public void WithoutAWarningTheFirstCauseFitsBestAndTheRestAreAlsoPossible()
    {
        var causes = Engine.Assess(SampleAnswers.Calm).LikelyCauses;

        Assert.Equal([CauseBand.FitsBest, .. Enumerable.Repeat(CauseBand.AlsoPossible, causes.Count - 1)], causes.Select(c => c.Band));
    }

    [Fact]
    public void BandsFollowTheOrderGiven()
    {
        var bands = CauseBands.Assign(["a", "b", "c", "d"], new HashSet<string> { "c" });

        Assert.Equal([CauseBand.FitsBest, CauseBand.AlsoPossible, CauseBand.RuleOutNow, CauseBand.AlsoPossible], bands);
    }

    [Fact]
    public void AnEarlierResultsUrgentFlagsNameTheCausesToRuleOut()
    {
        var ruleOut = EarlierResultReading.RuleOutNow(ShippedKnowledgeBase.Instance, [("suspected-clot", Urgency.Urgent), ("exercise-calf-cramp", Urgency.SeeClinician)]);

        Assert.Contains("deep-vein-thrombosis", ruleOut);
        Assert.DoesNotContain("popliteal-artery-entrapment", ruleOut);
    }
}
