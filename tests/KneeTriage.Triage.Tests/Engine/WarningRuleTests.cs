using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>Every minimum rule of the triage contract, just past and just short of its threshold.</summary>
public sealed partial class WarningRuleTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static Assessment AssertRaised(AnswerSet answers, string ruleId, Urgency level)
    {
        var assessment = Engine.Assess(answers);
        var flag = assessment.RedFlags.FirstOrDefault(f => f.Id == ruleId);
        Assert.True(flag is not null, $"Expected the warning '{ruleId}'; raised: {string.Join(", ", assessment.RedFlags.Select(f => f.Id))}");
        Assert.Equal(level, flag.Urgency);
        Assert.True(assessment.Urgency >= level, $"'{ruleId}' should make the urgency at least {level.ToContractId()}, got {assessment.Urgency.ToContractId()}");
        Assert.True(assessment.SeeClinician, "Any warning rule means seeing a clinician.");
        Assert.False(string.IsNullOrWhiteSpace(flag.Message), $"'{ruleId}' needs a message in plain words.");
        return assessment;
    }

    private static Assessment AssertNotRaised(AnswerSet answers, string ruleId, Urgency? below = null)
    {
        var assessment = Engine.Assess(answers);
        Assert.DoesNotContain(assessment.RedFlags, f => f.Id == ruleId);
        if (below is { } level)
        {
            Assert.True(assessment.Urgency < level, $"Expected an urgency below {level.ToContractId()}, got {assessment.Urgency.ToContractId()} from {string.Join(", ", assessment.RedFlags.Select(f => f.Id))}");
        }

        return assessment;
    }

    private static AnswerSet Calm => SampleAnswers.Calm;

    [Fact]
    public void CalmAnswersRaiseNoWarningAndMeanSelfCare()
    {
        var assessment = Engine.Assess(Calm);

        Assert.Empty(assessment.RedFlags);
        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.False(assessment.SeeClinician);
    }

    // ------------------------------------------------------------------ emergency

    [Fact]
    public void BreathlessnessOrChestPainIsAnEmergency()
    {
        AssertRaised(Calm.With("breathless-or-chest-pain", true), "possible-lung-clot", Urgency.Emergency);
        AssertNotRaised(Calm.With("breathless-or-chest-pain", false), "possible-lung-clot", Urgency.Emergency);
    }

    [Fact]
    public void AColdOrPaleFootIsAnEmergencyButNumbnessAloneIsNot()
    {
        AssertRaised(Calm.WithList("foot-signs", "cold-or-pale"), "cold-or-pale-foot", Urgency.Emergency);
        AssertNotRaised(Calm.WithList("foot-signs", "numb-or-tingling"), "cold-or-pale-foot", Urgency.Emergency);
    }

    [Fact]
    public void DeformityIsAnEmergency()
    {
        AssertRaised(Calm.With("deformity", true), "deformity", Urgency.Emergency);
        AssertNotRaised(Calm.With("deformity", false), "deformity", Urgency.Emergency);
    }

    [Fact]
    public void AHotRedKneeWithFeverIsAnEmergencyButEitherAloneIsNot()
    {
        AssertRaised(Calm.With("hot-red-knee", true).With("fever", true), "suspected-joint-infection", Urgency.Emergency);
        AssertNotRaised(Calm.With("hot-red-knee", true), "suspected-joint-infection", Urgency.Emergency);
        AssertNotRaised(Calm.With("fever", true), "suspected-joint-infection", Urgency.Emergency);
    }

    // ------------------------------------------------------------------ urgent

    [Fact]
    public void NotBeingAbleToBearWeightIsUrgent()
    {
        AssertRaised(Calm.With("cannot-bear-weight", true), "cannot-bear-weight", Urgency.Urgent);
        AssertNotRaised(Calm, "cannot-bear-weight", Urgency.Urgent);
    }

    [Fact]
    public void AHotRedKneeIsUrgent()
    {
        AssertRaised(Calm.With("hot-red-knee", true), "hot-red-knee", Urgency.Urgent);
        AssertNotRaised(Calm, "hot-red-knee", Urgency.Urgent);
    }

    [Fact]
    public void LockingIsUrgentButCatchingIsNot()
    {
        AssertRaised(Calm.WithList("mechanical", "locking"), "locked-knee", Urgency.Urgent);
        AssertNotRaised(Calm.WithList("mechanical", "catching"), "locked-knee", Urgency.Urgent);
    }

    [Theory]
    [InlineData(51, true)]
    [InlineData(80, true)]
    [InlineData(49, false)]
    [InlineData(30, false)]
    public void AFallOverFiftyIsUrgentByThePittsburghRule(int age, bool raised)
    {
        var answers = Calm.With("injury", "blow-or-fall").With("onset", "sudden").With("age", age);

        if (raised)
        {
            AssertRaised(answers, "pittsburgh-knee-rule", Urgency.Urgent);
        }
        else
        {
            AssertNotRaised(answers, "pittsburgh-knee-rule", Urgency.Urgent);
        }
    }

    [Fact]
    public void ATwistOverFiftyIsNotAPittsburghCase() =>
        AssertNotRaised(Calm.With("injury", "twist").With("age", 52), "pittsburgh-knee-rule", Urgency.Urgent);

    [Fact]
    public void WholeKneeSwellingWithinTwoHoursIsUrgentButNextDaySwellingIsNot()
    {
        var swollen = Calm.With("injury", "twist").WithList("swelling", "whole-knee");

        AssertRaised(swollen.With("swelling-onset", "within-2-hours"), "rapid-swelling-after-injury", Urgency.Urgent);
        AssertNotRaised(swollen.With("swelling-onset", "next-day"), "rapid-swelling-after-injury", Urgency.Urgent);
    }

    [Fact]
    public void AWeakFootIsUrgent()
    {
        AssertRaised(Calm.WithList("foot-signs", "weak-foot"), "foot-drop", Urgency.Urgent);
        AssertNotRaised(Calm.WithList("foot-signs", "numb-or-tingling"), "foot-drop", Urgency.Urgent);
    }

    [Fact]
    public void TwoCalfSignsWithoutInjuryAreASuspectedClotButOneIsNot()
    {
        AssertRaised(Calm.WithList("calf-signs", "warm", "tender"), "suspected-clot", Urgency.Urgent);
        AssertNotRaised(Calm.WithList("calf-signs", "tender"), "suspected-clot", Urgency.Urgent);
    }

    [Fact]
    public void TwoCalfSignsAfterAnInjuryWithoutClotRiskAreNotASuspectedClot() =>
        AssertNotRaised(Calm.With("injury", "push-off").WithList("calf-signs", "warm", "tender"), "suspected-clot");

    // Clinical-notes 1.6: a strained calf is urgent when a clot's features are present.
    [Fact]
    public void AHotOrRedCalfAfterAnInjuryIsSeenTodayButSwellingAndTendernessAreNot()
    {
        var strained = Calm.With("injury", "push-off").With("onset", "sudden");
        AssertRaised(strained.WithList("calf-signs", "warm"), "hot-red-calf-after-injury", Urgency.Urgent);
        AssertRaised(strained.WithList("calf-signs", "red"), "hot-red-calf-after-injury", Urgency.Urgent);
        // Walk 20: swollen, hot and tender, not red, was booked for the coming days.
        AssertRaised(strained.WithList("calf-signs", "swollen", "warm", "tender"), "hot-red-calf-after-injury", Urgency.Urgent);
        AssertNotRaised(strained.WithList("calf-signs", "swollen", "tender", "hard-or-tight"), "hot-red-calf-after-injury", Urgency.Urgent);
        // Without an injury, the contract's suspected clot raises it; this rule does not repeat it.
        AssertNotRaised(Calm.WithList("calf-signs", "warm", "red"), "hot-red-calf-after-injury");
        AssertRaised(Calm.WithList("calf-signs", "warm", "red"), "suspected-clot", Urgency.Urgent);
    }

    [Fact]
    public void AnyCalfSignWithAClotRiskIsASuspectedClotEvenAfterAnInjury()
    {
        var strained = Calm.With("injury", "push-off").With("onset", "sudden");

        AssertRaised(strained.WithList("calf-signs", "tender").WithList("clot-risk", "long-travel"), "suspected-clot", Urgency.Urgent);
        AssertNotRaised(strained.WithList("calf-signs", "tender"), "suspected-clot", Urgency.Urgent);
        AssertNotRaised(strained.WithList("clot-risk", "long-travel"), "suspected-clot", Urgency.Urgent);
    }

    [Fact]
    public void ASwollenCalfWithAClotRiskIsASuspectedClot() =>
        AssertRaised(Calm.With("injury", "push-off").WithList("swelling", "calf").With("swelling-onset", "gradual").WithList("clot-risk", "hormones-or-pregnancy"), "suspected-clot", Urgency.Urgent);

    // ------------------------------------------------------------------ see a clinician

    [Theory]
    [InlineData("giving-way")]
    [InlineData("catching")]
    [InlineData("painful-clicking")]
    [InlineData("pop-at-injury")]
    public void MechanicalSymptomsNeedAClinician(string symptom) =>
        AssertRaised(Calm.WithList("mechanical", symptom), "unstable-or-catching-knee", Urgency.SeeClinician);

    [Theory]
    [InlineData("painless-clicking")]
    [InlineData("grinding")]
    public void PainlessClickingOrGrindingAloneIsSelfCare(string symptom) =>
        AssertNotRaised(Calm.WithList("mechanical", symptom), "unstable-or-catching-knee", Urgency.SeeClinician);

    [Fact]
    public void AKneeThatSwelledAfterAnInjuryNeedsAClinician()
    {
        AssertRaised(Calm.With("injury", "twist").WithList("swelling", "whole-knee").With("swelling-onset", "next-day"), "swelling-after-injury", Urgency.SeeClinician);
        AssertNotRaised(Calm.WithList("swelling", "whole-knee").With("swelling-onset", "gradual"), "swelling-after-injury");
    }

    [Fact]
    public void NumbnessOrTinglingInTheFootNeedsAClinician()
    {
        AssertRaised(Calm.WithList("foot-signs", "numb-or-tingling"), "numb-or-tingling-foot", Urgency.SeeClinician);
        AssertNotRaised(Calm, "numb-or-tingling-foot", Urgency.SeeClinician);
    }

    [Fact]
    public void CalfCrampOnExertionNeedsAClinician()
    {
        AssertRaised(Calm.With("calf-cramp-on-exertion", true), "exercise-calf-cramp", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("calf-cramp-on-exertion", false), "exercise-calf-cramp", Urgency.SeeClinician);
    }

    [Theory]
    [InlineData("lump-behind-knee")]
    [InlineData("calf")]
    public void ALumpBehindTheKneeOrASwollenCalfNeedsAClinician(string swelling) =>
        AssertRaised(Calm.WithList("swelling", swelling).With("swelling-onset", "gradual"), "lump-or-calf-swelling", Urgency.SeeClinician);

    [Fact]
    public void FeverNeedsAClinician()
    {
        AssertRaised(Calm.With("fever", true), "fever", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("fever", false), "fever", Urgency.SeeClinician);
    }

    [Theory]
    [InlineData("night", "2-to-6-weeks", true)]
    [InlineData("rest", "over-6-weeks", true)]
    [InlineData("night", "3-to-14-days", false)]
    [InlineData("rest", "under-3-days", false)]
    public void RestOrNightPainForTwoWeeksOrMoreNeedsAClinician(string trigger, string duration, bool raised)
    {
        var answers = Calm.WithList("pain-triggers", trigger).With("duration", duration);

        if (raised)
        {
            AssertRaised(answers, "rest-or-night-pain", Urgency.SeeClinician);
        }
        else
        {
            AssertNotRaised(answers, "rest-or-night-pain");
        }
    }

    [Fact]
    public void PainForMoreThanSixWeeksNeedsAClinician()
    {
        AssertRaised(Calm.With("duration", "over-6-weeks"), "long-lasting-pain", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("duration", "2-to-6-weeks"), "long-lasting-pain", Urgency.SeeClinician);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, false)]
    public void ModeratePainForTwoToSixWeeksNeedsAClinician(int severity, bool raised)
    {
        var answers = Calm.With("duration", "2-to-6-weeks").With("pain-severity", severity);

        if (raised)
        {
            AssertRaised(answers, "not-settling", Urgency.SeeClinician);
        }
        else
        {
            AssertNotRaised(answers, "not-settling", Urgency.SeeClinician);
        }
    }

    [Fact]
    public void ModeratePainForUnderTwoWeeksIsSelfCare() =>
        AssertNotRaised(Calm.With("duration", "3-to-14-days").With("pain-severity", 7), "not-settling", Urgency.SeeClinician);

    [Theory]
    [InlineData(8, true)]
    [InlineData(10, true)]
    [InlineData(7, false)]
    public void SeverePainNeedsAClinician(int severity, bool raised)
    {
        var answers = Calm.With("pain-severity", severity);

        if (raised)
        {
            AssertRaised(answers, "severe-pain", Urgency.SeeClinician);
        }
        else
        {
            AssertNotRaised(answers, "severe-pain", Urgency.SeeClinician);
        }
    }

    // ------------------------------------------------------------------ how rules combine

    [Fact]
    public void TheUrgencyIsTheHighestRaisedAndEveryRaisedRuleIsReportedHighestFirst()
    {
        var assessment = Engine.Assess(Calm.With("hot-red-knee", true).With("fever", true).With("pain-severity", 9));

        Assert.Equal(Urgency.Emergency, assessment.Urgency);
        Assert.Contains(assessment.RedFlags, f => f.Id == "suspected-joint-infection");
        Assert.Contains(assessment.RedFlags, f => f.Id == "hot-red-knee");
        Assert.Contains(assessment.RedFlags, f => f.Id == "severe-pain");
        Assert.Equal(assessment.RedFlags.OrderByDescending(f => f.Urgency).Select(f => f.Urgency), assessment.RedFlags.Select(f => f.Urgency));
    }
}
