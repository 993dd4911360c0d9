using KneeTriage.Triage.Answers;

using static KneeTriage.Triage.Tests.Engine.ShippedRanking;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The facts clinical-notes.md gives for telling close causes apart, each as the ranking a runner
/// would see: the mechanism of injury (meniscus 1.11 against PCL 1.13 and fracture 1.21, 2.2),
/// long morning stiffness (inflammatory arthritis 1.20 against osteoarthritis 1.15), clot signs
/// after a calf strain (1.6, 1.16), lumbar referred pain against a hamstring strain (1.19, 7.2),
/// compartment syndrome against the artery (7.7), gout against infection (7.5) and the hip (7.3).
/// Written from the notes, not from any vignette set.
/// </summary>
public sealed class DistinguishingCausesTests
{
    /// <summary>A sudden injury a few days ago, sharp pain in the middle of the back of the knee.</summary>
    private static AnswerSet Injured(string injury, int age) => SampleAnswers.Calm
        .With("age", age).With("injury", injury).With("onset", "sudden").With("pain-type", "sharp").With("pain-severity", 5);

    [Fact]
    public void AFallOntoABentKneeWithPainBehindItOnKneelingRanksALigamentInjuryFirst() =>
        // 1.13: fall onto a bent knee; posterior pain, pain on kneeling, a small haemarthrosis.
        // Next-day swelling and kneeling pain also fit a meniscus, which tears with a twist instead.
        AssertFirst("ligament-injury", Injured("blow-or-fall", 36)
            .WithList("pain-location", "back-center").WithList("pain-triggers", "deep-bend", "stairs")
            .WithList("swelling", "whole-knee").With("swelling-onset", "next-day"));

    [Fact]
    public void AKneeForcedStraightWithPainBehindItRanksALigamentInjuryFirst() =>
        // 1.13, 1.14: hyperextension tears the PCL or the posterolateral corner.
        AssertFirst("ligament-injury", Injured("overstretch", 27)
            .WithList("pain-location", "back-center", "back-outer").WithList("pain-triggers", "deep-bend", "full-straighten")
            .WithList("swelling", "whole-knee").With("swelling-onset", "next-day"));

    [Fact]
    public void AFallOverFiftyWithFastSwellingAtTheKneecapRanksAFractureFirstEvenWithKnownArthritis() =>
        // 2.2: a fall and over 50 is a positive Pittsburgh rule; 1.21: rapid swelling, patella;
        // 1.15: recent trauma is atypical for osteoarthritis.
        AssertFirst("fracture", Injured("blow-or-fall", 70).With("duration", "under-3-days").With("pain-severity", 7)
            .WithList("pain-location", "front", "inner-side").WithList("pain-triggers", "stairs", "deep-bend")
            .WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours").WithList("history", "arthritis"));

    [Fact]
    public void AFallOverFiftyWithKneecapPainAndNoSwellingRanksAFractureFirst() =>
        AssertFirst("fracture", Injured("blow-or-fall", 60).With("duration", "under-3-days").With("pain-severity", 6)
            .WithList("pain-location", "front").WithList("pain-triggers", "deep-bend", "stairs"));

    [Fact]
    public void ATwistWithCatchingAndNextDaySwellingStillRanksTheMeniscusFirst() =>
        // 1.11: a twist on a loaded, bent knee, catching, swelling over hours.
        AssertFirst("meniscus-tear", Injured("twist", 31)
            .WithList("pain-location", "back-inner").WithList("pain-triggers", "deep-bend", "twisting")
            .WithList("swelling", "whole-knee").With("swelling-onset", "next-day").WithList("mechanical", "catching"));

    [Fact]
    public void ATwistWithCatchingStillRanksTheMeniscusFirstOverFifty() =>
        AssertFirst("meniscus-tear", Injured("twist", 55)
            .WithList("pain-location", "back-inner").WithList("pain-triggers", "deep-bend", "twisting").WithList("mechanical", "catching"));

    /// <summary>A gradual, weeks-long ache without an injury, stiff for more than half an hour each morning.</summary>
    private static AnswerSet StiffEveryMorning(int age) => SampleAnswers.Calm
        .With("age", age).With("duration", "over-6-weeks").With("pain-severity", 4).With("stiffness", "morning-over-30-min");

    [Fact]
    public void LongMorningStiffnessWithASwollenKneeRanksInflammatoryArthritisFirst() =>
        // 1.20: morning stiffness over 30 minutes; contract v1.2 gives it its own id.
        AssertFirst("inflammatory-arthritis", StiffEveryMorning(36)
            .WithList("pain-location", "front", "back-center").WithList("pain-triggers", "rest", "stairs")
            .WithList("swelling", "whole-knee").With("swelling-onset", "comes-and-goes"));

    [Fact]
    public void LongMorningStiffnessWithKnownArthritisRanksInflammatoryArthritisAboveOsteoarthritis() =>
        // 1.15: NICE's osteoarthritis has no morning stiffness or 30 minutes at most.
        AssertFirst("inflammatory-arthritis", StiffEveryMorning(49)
            .WithList("pain-location", "back-center", "inner-side").WithList("pain-triggers", "rest", "deep-bend")
            .WithList("history", "arthritis").WithList("swelling", "whole-knee").With("swelling-onset", "gradual"));

    [Fact]
    public void LongMorningStiffnessAloneKeepsInflammatoryArthritisInTheFirstThree()
    {
        // The long-morning-stiffness warning names inflammatory arthritis; the list agrees with it
        // even when the kneecap's signs (front, stairs, sitting) lead.
        var ranked = Ranked(StiffEveryMorning(45).With("duration", "2-to-6-weeks")
            .WithList("pain-location", "front").WithList("pain-triggers", "sitting", "stairs"));

        Assert.Contains("inflammatory-arthritis", ranked.Take(3));
    }

    [Fact]
    public void ShortMorningStiffnessAfterFortyFiveStillRanksOsteoarthritisFirst() =>
        AssertFirst("knee-osteoarthritis", StiffEveryMorning(58).With("stiffness", "morning-under-30-min")
            .WithList("pain-location", "inner-side", "back-inner").WithList("pain-triggers", "stairs", "after-run").WithList("mechanical", "grinding"));

    [Fact]
    public void AWarmRedSwollenCalfWithAClotRiskAfterACalfStrainRanksTheClotFirst() =>
        // Section 5: a calf strain can be followed by a clot; 1.16: warm, red, swollen, long travel.
        AssertFirst("deep-vein-thrombosis", Injured("push-off", 47).With("pain-type", "dull-ache")
            .WithList("pain-location", "below-back").WithList("calf-signs", "swollen", "warm", "red", "tender")
            .WithList("swelling", "calf").With("swelling-onset", "gradual").WithList("clot-risk", "long-travel"));

    [Fact]
    public void ASuddenKickInTheCalfWithoutClotSignsStaysACalfStrain() =>
        AssertFirst("calf-strain", Injured("push-off", 45)
            .WithList("pain-location", "below-back").WithList("calf-signs", "tender").WithList("pain-triggers", "uphill"));

    private static AnswerSet BurningFromTheThighIntoTheCalfWithANumbFoot => SampleAnswers.Calm.With("age", 44).With("pain-type", "burning-or-tingling").With("pain-severity", 4)
        .With("duration", "2-to-6-weeks").WithList("pain-location", "above-back", "back-center", "below-back")
        .WithList("pain-triggers", "sitting").WithList("foot-signs", "numb-or-tingling");

    [Fact]
    public void BurningFromTheThighPastTheKneeIntoTheCalfWithANumbFootRanksANerveFirst()
    {
        // 1.19: an irritated nerve; without back pain either the nerve at the knee or a root in the back.
        var ranked = Ranked(BurningFromTheThighIntoTheCalfWithANumbFoot);

        Assert.True(ranked[0] is "nerve-irritation" or "lumbar-referred-pain", $"Expected a nerve first, got: {string.Join(", ", ranked)}");
    }

    [Fact]
    public void TheSameLegSymptomsWithBackPainRankSciaticaFirst() =>
        // 7.2: tingling below the knee with back pain points to the nerve root, not the knee.
        AssertFirst("lumbar-referred-pain", BurningFromTheThighIntoTheCalfWithANumbFoot.With("back-pain", true));

    [Fact]
    public void ASuddenHamstringStrainAtSpeedStaysAHamstringStrainDespiteBackPain() =>
        // 7.2: sudden onset at speed and pain just above the crease point to the hamstring.
        AssertFirst("hamstring-tendinopathy", SampleAnswers.Calm.With("age", 29).With("pain-type", "sharp").With("pain-severity", 6)
            .With("onset", "sudden").With("injury", "push-off").With("duration", "under-3-days").With("back-pain", true)
            .WithList("pain-location", "above-back").WithList("pain-triggers", "sprinting"));

    [Fact]
    public void CalfTightnessThatStopsTheRunnerAtASetDistanceInBothLegsRanksCompartmentSyndromeFirst() =>
        // 7.7: exertional compartment syndrome builds at a set effort, in both legs in 85-95%.
        AssertFirst("compartment-syndrome", SampleAnswers.Calm.With("age", 24).With("pain-severity", 5).With("side", "both")
            .WithList("pain-location", "below-back").WithList("pain-triggers", "during-run").With("run-pattern", "stops-at-set-distance")
            .With("calf-cramp-on-exertion", true).WithList("calf-signs", "hard-or-tight"));

    [Fact]
    public void CalfCrampWithANumbColdFootInAYoungManRanksTheArteryFirst() =>
        // 7.7: entrapment settles in seconds to minutes, with a numb sole or a cold foot, mostly under 30.
        AssertFirst("popliteal-artery-entrapment", SampleAnswers.Calm.With("age", 22).With("pain-severity", 4).With("side", "right")
            .WithList("pain-location", "below-back").WithList("pain-triggers", "during-run").With("calf-cramp-on-exertion", true)
            .WithList("foot-signs", "numb-or-tingling", "cold-or-pale"));

    [Fact]
    public void AHotSwollenKneeInARunnerWithGoutRanksInflammatoryArthritisFirstWithInfectionInTheFirstThree()
    {
        // 7.5: a gout flare is hot and red; crystals do not rule out infection.
        var ranked = Ranked(SampleAnswers.Calm.With("age", 52).With("pain-type", "sharp").With("pain-severity", 6).With("onset", "over-hours")
            .With("duration", "under-3-days").WithList("pain-location", "front", "inner-side").WithList("pain-triggers", "rest", "night")
            .With("hot-red-knee", true).WithList("swelling", "whole-knee").With("swelling-onset", "within-hours").WithList("infection-risk", "gout"));

        Assert.True(ranked[0] == "inflammatory-arthritis" && ranked.Take(3).Contains("septic-arthritis"), $"Expected inflammatory arthritis first and infection in the first three, got: {string.Join(", ", ranked)}");
    }

    [Fact]
    public void KneePainWithAHipAcheAndALimpInAnOlderRunnerListsTheHipInTheFirstThree()
    {
        // 7.3: hip arthritis can be felt in the knee alone.
        var ranked = Ranked(SampleAnswers.Calm.With("age", 63).With("duration", "over-6-weeks").With("hip-or-groin-pain", true)
            .WithList("pain-location", "front", "inner-side"));

        Assert.Contains("hip-referred-pain", ranked.Take(3));
    }
}
