using KneeTriage.Triage.Answers;

using static KneeTriage.Triage.Tests.Engine.ShippedRanking;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The facts a sixth blind set and runners walking the form showed weighing too little, each as
/// the ranking a runner would see: age after a fall (2.1, 2.2, 1.12), the peroneal nerve (1.19),
/// a hot or fast-swelling knee without a twist (1.11, 7.5, 7.6), a clot after a calf strain
/// (1.6, 1.16), the calf muscle's origin against the hamstring (1.7), overload's tight calf (1.1),
/// and causes that need their own signs before they are named (1.9, 1.18). Answer sets written
/// from the notes, not copied from a vignette.
/// </summary>
public sealed class DistinguishingCausesByAgeMechanismAndNerveTests
{
    private static AnswerSet Fall(int age) => SampleAnswers.Calm.With("age", age).With("injury", "blow-or-fall").With("onset", "sudden").With("duration", "under-3-days");

    [Fact]
    public void AWalkingRunnerOver50WhoFellOntoTheKneeRanksABrokenBoneFirst() =>
        // 2.1, 2.2: age alone asks for an X-ray after a fall; 1.12: a ligament only once a fracture is excluded.
        AssertFirst("fracture", Fall(60).WithList("pain-location", "front"));

    [Fact]
    public void AYoungRunnerWhoFellOntoTheBentKneeWithPainBehindItRanksTheLigamentFirst() =>
        // 1.13: a fall onto the bent knee, pain in the hollow and on kneeling is the PCL's story.
        AssertFirst("ligament-injury", Fall(25).WithList("pain-location", "back-center").WithList("pain-triggers", "deep-bend"));

    [Fact]
    public void TinglingOnTheOuterKneeWithANumbFootAfterLongSittingRanksTheNerveFirst() =>
        // 1.19: the peroneal nerve at the fibular head; leg crossing and sitting press on it.
        AssertFirst("nerve-irritation", SampleAnswers.Calm.With("pain-type", "burning-or-tingling").WithList("pain-location", "outer-side")
            .WithList("pain-triggers", "sitting").WithList("foot-signs", "numb-or-tingling"));

    [Fact]
    public void TinglingDownTheOuterLegSinceAnOldTwistRanksTheNerveBeforeTheMeniscus() =>
        // 1.19 lists trauma among the peroneal nerve's causes; a torn meniscus does not tingle (1.11).
        AssertFirst("nerve-irritation", SampleAnswers.Calm.With("age", 42).With("injury", "twist").With("duration", "over-6-weeks")
            .With("pain-type", "burning-or-tingling").WithList("pain-location", "back-outer").WithList("foot-signs", "numb-or-tingling"));

    [Fact]
    public void AHotRedSwollenKneeWithGoutAndNoInjuryRanksTheFlareFirstAndNotTheMeniscus()
    {
        // 7.5: gout is sudden, hot and red; a torn meniscus is neither (1.11).
        var ranked = Ranked(SampleAnswers.Calm.With("age", 55).With("onset", "over-hours").With("duration", "under-3-days").With("pain-type", "sharp")
            .With("pain-severity", 8).WithList("pain-location", "front", "inner-side").With("hot-red-knee", true).WithList("swelling", "whole-knee")
            .With("swelling-onset", "within-hours").WithList("infection-risk", "gout"));

        Assert.Equal("inflammatory-arthritis", ranked[0]);
        Assert.DoesNotContain("meniscus-tear", ranked.Take(3));
    }

    [Fact]
    public void AKneeThatSwellsWithinTwoHoursWithNoInjuryOnABloodThinnerDoesNotRankTheMeniscusFirst()
    {
        // 7.5, 7.6: a crystal flare, an infection or bleeding; never how a meniscus swells (1.11: over 6-24 h after a twist).
        var ranked = Ranked(SampleAnswers.Calm.With("age", 70).With("onset", "over-hours").With("duration", "under-3-days")
            .WithList("pain-location", "back-center", "inner-side").WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours")
            .With("blood-thinners", true));

        Assert.Equal("inflammatory-arthritis", ranked[0]);
        Assert.Contains("septic-arthritis", ranked.Take(3));
    }

    [Fact]
    public void ACalfSwollenAndWarmDaysAfterAStrainOnThePillRanksTheClotFirst() =>
        // 1.6, 1.16: the reduced mobility after a calf injury can itself bring a clot; 2.3 adds the risk to the signs.
        AssertFirst("deep-vein-thrombosis", SampleAnswers.Calm.With("age", 45).With("injury", "push-off").With("onset", "sudden")
            .WithList("pain-location", "below-back").WithList("calf-signs", "swollen", "warm").WithList("clot-risk", "hormones-or-pregnancy"));

    [Fact]
    public void AGradualAcheAboveTheCreaseWithTightCalvesAfterMoreHillsRanksTheCalfBeforeTheHamstring() =>
        // 1.7: the calf muscle's origin tendinopathy, AK/PM, gradual, uphill.
        AssertFirst("calf-strain", SampleAnswers.Calm.With("age", 44).With("duration", "2-to-6-weeks").WithList("pain-location", "back-inner", "above-back")
            .WithList("pain-triggers", "uphill").WithList("training-change", "more-hills").WithList("tight-muscles", "calves"));

    [Fact]
    public void AHardTightCalfAfterALongerRunRanksOverloadFirst() =>
        // 1.1: overload is a dull ache or tightness after a rise in distance; focal tenderness is the strain's test (1.6).
        AssertFirst("overuse-overload", SampleAnswers.Calm.With("duration", "under-3-days").WithList("pain-location", "below-back")
            .WithList("pain-triggers", "after-run").WithList("calf-signs", "hard-or-tight").WithList("training-change", "more-distance"));

    [Fact]
    public void ANewTeenageRunnerWithAnAcheBehindTheKneeAfterRunsRanksOverloadFirst() =>
        // 1.1 names the new runner; 1.4's hamstring tendinopathy is a distance runner's.
        AssertFirst("overuse-overload", SampleAnswers.Calm.With("age", 15).WithList("pain-location", "back-center", "back-inner")
            .WithList("pain-triggers", "after-run").WithList("training-change", "new-to-running"));

    [Fact]
    public void AFallWithSwellingWithinTwoHoursDoesNotListABakersCyst() =>
        // 2.8: fast swelling after an injury is bleeding into the joint; 1.9: a cyst grows slowly.
        Assert.DoesNotContain("bakers-cyst", Ranked(Fall(30).WithList("pain-location", "back-center", "outer-side")
            .WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours")));

    [Fact]
    public void ATeenagerWithFrontKneePainAndNoCalfSymptomsDoesNotListCompartmentSyndrome() =>
        // 1.18, 7.7: every form of compartment syndrome shows in the calf or the foot.
        Assert.DoesNotContain("compartment-syndrome", Ranked(SampleAnswers.Calm.With("age", 14).WithList("pain-location", "front")
            .WithList("pain-triggers", "during-run", "after-run").With("run-pattern", "builds-through-run")));
}
