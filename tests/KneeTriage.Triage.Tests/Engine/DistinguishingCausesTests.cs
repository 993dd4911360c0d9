using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The facts clinical-notes.md gives for telling close causes apart, each as the ranking a runner
/// would see: the mechanism of injury (meniscus 1.11 against PCL 1.13 and fracture 1.21, 2.2),
/// long morning stiffness (inflammatory arthritis 1.20 against osteoarthritis 1.15), clot signs
/// after a calf strain (1.6, 1.16) and lumbar referred pain (1.19). Written from the notes, not
/// from any vignette set.
/// </summary>
public sealed class DistinguishingCausesTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static readonly AnswerSetValidator Validator = new(ShippedKnowledgeBase.Instance);

    private static IReadOnlyList<string> Ranked(AnswerSet answers)
    {
        var validation = Validator.Validate(answers);
        Assert.True(validation.IsValid, "The answers themselves are invalid: " + string.Join("; ", validation.Errors.Select(e => e.ErrorMessage)));
        return [.. Engine.Assess(answers).LikelyCauses.Select(c => c.Id)];
    }

    private static void AssertFirst(string expected, AnswerSet answers)
    {
        var ranked = Ranked(answers);
        Assert.True(ranked.Count > 0 && ranked[0] == expected, $"Expected {expected} first, got: {string.Join(", ", ranked)}");
    }

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
        // 1.20: morning stiffness over 30 minutes; it shares the septic-arthritis entry.
        AssertFirst("septic-arthritis", StiffEveryMorning(36)
            .WithList("pain-location", "front", "back-center").WithList("pain-triggers", "rest", "stairs")
            .WithList("swelling", "whole-knee").With("swelling-onset", "comes-and-goes"));

    [Fact]
    public void LongMorningStiffnessWithKnownArthritisRanksInflammatoryArthritisAboveOsteoarthritis() =>
        // 1.15: NICE's osteoarthritis has no morning stiffness or 30 minutes at most.
        AssertFirst("septic-arthritis", StiffEveryMorning(49)
            .WithList("pain-location", "back-center", "inner-side").WithList("pain-triggers", "rest", "deep-bend")
            .WithList("history", "arthritis").WithList("swelling", "whole-knee").With("swelling-onset", "gradual"));

    [Fact]
    public void LongMorningStiffnessAloneKeepsInflammatoryArthritisInTheFirstThree()
    {
        // The long-morning-stiffness warning names inflammatory arthritis; the list agrees with it
        // even when the kneecap's signs (front, stairs, sitting) lead.
        var ranked = Ranked(StiffEveryMorning(45).With("duration", "2-to-6-weeks")
            .WithList("pain-location", "front").WithList("pain-triggers", "sitting", "stairs"));

        Assert.Contains("septic-arthritis", ranked.Take(3));
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

    [Fact]
    public void BurningFromTheThighPastTheKneeIntoTheCalfWithANumbFootRanksANerveFirst() =>
        // 1.19: lumbar (L5/S1) referred pain down the back of the thigh, knee and calf.
        AssertFirst("nerve-irritation", SampleAnswers.Calm.With("age", 44).With("pain-type", "burning-or-tingling").With("pain-severity", 4)
            .With("duration", "2-to-6-weeks").WithList("pain-location", "above-back", "back-center", "below-back")
            .WithList("pain-triggers", "sitting").WithList("foot-signs", "numb-or-tingling"));
}
