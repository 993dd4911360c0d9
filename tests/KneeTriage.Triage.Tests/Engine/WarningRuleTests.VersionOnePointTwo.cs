using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>The minimum rules contract v1.2 adds, each on both sides of its boundary.</summary>
public sealed partial class WarningRuleTests
{
    private static AnswerSet Swollen(AnswerSet answers) => answers.WithList("swelling", "whole-knee").With("swelling-onset", "next-day");

    // ------------------------------------------------------------------ emergency

    [Fact]
    public void BackPainWithBladderOrSaddleSymptomsIsAnEmergencyButEitherAloneIsNot()
    {
        AssertRaised(Calm.With("back-pain", true).With("bladder-or-saddle", true), "cauda-equina", Urgency.Emergency);
        AssertNotRaised(Calm.With("back-pain", true), "cauda-equina", Urgency.Emergency);
        AssertNotRaised(Calm.With("bladder-or-saddle", true), "cauda-equina", Urgency.Emergency);
    }

    [Fact]
    public void BackPainWithSymptomsInBothLegsIsAnEmergencyButBothLegsAloneIsNot()
    {
        AssertRaised(Calm.With("back-pain", true).With("both-legs", true), "sciatica-both-legs", Urgency.Emergency);
        AssertNotRaised(Calm.With("both-legs", true), "sciatica-both-legs", Urgency.Emergency);
    }

    [Theory]
    [InlineData(true, "twist", "under-3-days", true)]
    [InlineData(true, "blow-or-fall", "3-to-14-days", true)]
    [InlineData(true, "twist", "2-to-6-weeks", false)]
    [InlineData(false, "twist", "under-3-days", false)]
    public void AKneeSwellingAfterARecentInjuryOnABloodThinnerIsAnEmergency(bool bloodThinners, string injury, string duration, bool raised)
    {
        var answers = Swollen(Injured(injury, duration)).With("blood-thinners", bloodThinners);

        AssertRaisedOrNot(raised, answers, "bleeding-into-knee-after-injury", Urgency.Emergency);
    }

    [Theory]
    [InlineData("infection-risk", "joint-injection-or-surgery", true)]
    [InlineData("infection-risk", "joint-replacement", true)]
    [InlineData("infection-risk", "diabetes-or-weak-immunity", true)]
    [InlineData("history", "arthritis", true)]
    [InlineData("infection-risk", "gout", false)]
    [InlineData("history", "previous-injury", false)]
    public void AHotRedKneeWithAnInfectionRiskIsAnEmergencyButGoutAloneStaysUrgent(string question, string value, bool raised)
    {
        var answers = Calm.With("hot-red-knee", true).WithList(question, value);

        if (raised)
        {
            AssertRaised(answers, "hot-red-knee-with-infection-risk", Urgency.Emergency);
        }
        else
        {
            var assessment = AssertNotRaised(answers, "hot-red-knee-with-infection-risk", Urgency.Emergency);
            Assert.Equal(Urgency.Urgent, assessment.Urgency);
        }
    }

    [Theory]
    [InlineData(15, true, true)]
    [InlineData(16, true, false)]
    [InlineData(13, false, false)]
    public void HipPainUnder16WithALegThatCannotTakeWeightIsAnEmergency(int age, bool cannotBearWeight, bool raised)
    {
        var answers = Calm.With("age", age).With("hip-or-groin-pain", true).With("cannot-bear-weight", cannotBearWeight);

        AssertRaisedOrNot(raised, answers, "unstable-slipped-growth-plate", Urgency.Emergency);
    }

    // ------------------------------------------------------------------ urgent

    [Fact]
    public void BladderOrSaddleSymptomsWithoutBackPainAreUrgent()
    {
        AssertRaised(Calm.With("bladder-or-saddle", true), "bladder-or-saddle-symptoms", Urgency.Urgent);
        AssertNotRaised(Calm.With("bladder-or-saddle", false), "bladder-or-saddle-symptoms", Urgency.Urgent);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void HipOrGroinPainUnder16IsUrgent(int age, bool raised)
    {
        var answers = Calm.With("age", age).With("hip-or-groin-pain", true);

        AssertRaisedOrNot(raised, answers, "hip-pain-under-16", Urgency.Urgent);
    }

    [Theory]
    [InlineData("diabetes-or-weak-immunity", true)]
    [InlineData("joint-replacement", true)]
    [InlineData("gout", false)]
    public void AFeverWithAnInfectionRiskIsUrgent(string risk, bool raised)
    {
        var answers = Calm.With("fever", true).WithList("infection-risk", risk);

        AssertRaisedOrNot(raised, answers, "fever-with-infection-risk", Urgency.Urgent);
    }

    [Fact]
    public void ASwollenKneeWithoutAnInjuryOnABloodThinnerIsUrgent()
    {
        AssertRaised(Swollen(Calm).With("blood-thinners", true), "swollen-knee-on-blood-thinners", Urgency.Urgent);
        AssertNotRaised(Swollen(Calm).With("blood-thinners", false), "swollen-knee-on-blood-thinners", Urgency.Urgent);
        AssertNotRaised(Calm.With("blood-thinners", true), "swollen-knee-on-blood-thinners", Urgency.Urgent);
    }

    [Theory]
    [InlineData(24, "night", "none", "2-to-6-weeks", true)]
    [InlineData(16, "rest", "none", "over-6-weeks", true)]
    [InlineData(25, "night", "none", "2-to-6-weeks", false)]
    [InlineData(20, "night", "none", "3-to-14-days", false)]
    [InlineData(20, "night", "twist", "2-to-6-weeks", false)]
    [InlineData(20, "after-run", "none", "2-to-6-weeks", false)]
    public void NightOrRestPainForTwoWeeksWithoutAnInjuryUnder25IsUrgent(int age, string trigger, string injury, string duration, bool raised)
    {
        var answers = Calm.With("age", age).WithList("pain-triggers", trigger).With("injury", injury).With("duration", duration);

        AssertRaisedOrNot(raised, answers, "young-unexplained-bone-pain", Urgency.Urgent);
    }

    // ------------------------------------------------------------------ see a clinician

    [Theory]
    [InlineData(16)]
    [InlineData(70)]
    public void HipOrGroinPainAtAnyAgeNeedsAClinician(int age)
    {
        AssertRaised(Calm.With("age", age).With("hip-or-groin-pain", true), "hip-or-groin-pain", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("age", age), "hip-or-groin-pain", Urgency.SeeClinician);
    }

    [Theory]
    [InlineData("numb-or-tingling")]
    [InlineData("weak-foot")]
    public void BackPainWithANumbOrWeakFootNeedsAClinician(string footSign)
    {
        AssertRaised(Calm.With("back-pain", true).WithList("foot-signs", footSign), "back-pain-with-foot-signs", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("back-pain", true), "back-pain-with-foot-signs", Urgency.SeeClinician);
    }

    [Fact]
    public void AKneeThatSticksForAMomentAndFreesItselfNeedsAClinicianButIsNotLocked()
    {
        var assessment = AssertRaised(Calm.WithList("mechanical", "catches-then-frees"), "unstable-or-catching-knee", Urgency.SeeClinician);

        Assert.Equal(Urgency.SeeClinician, assessment.Urgency);
        Assert.DoesNotContain(assessment.RedFlags, f => f.Id == "locked-knee");
    }

    [Theory]
    [InlineData(24, "3-to-14-days")]
    [InlineData(18, "under-3-days")]
    public void NightOrRestPainWithoutAnInjuryUnder25NeedsAClinicianWhateverItsDuration(int age, string duration)
    {
        var answers = Calm.With("age", age).WithList("pain-triggers", "night").With("duration", duration);

        AssertRaised(answers, "night-or-rest-pain-without-injury", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("age", age).With("duration", duration), "night-or-rest-pain-without-injury", Urgency.SeeClinician);
    }

    [Fact]
    public void AHardOrTightCalfIsNotCountedAmongTwoCalfSignsOfAClot()
    {
        AssertNotRaised(Calm.WithList("calf-signs", "tender", "hard-or-tight"), "suspected-clot", Urgency.Urgent);
        AssertRaised(Calm.WithList("calf-signs", "tender", "warm"), "suspected-clot", Urgency.Urgent);
        AssertRaised(Calm.WithList("calf-signs", "hard-or-tight").WithList("clot-risk", "long-travel"), "suspected-clot", Urgency.Urgent);
    }
}
