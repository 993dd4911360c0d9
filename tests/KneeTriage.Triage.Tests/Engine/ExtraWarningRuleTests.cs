using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>The rules the knowledge base adds beyond the contract, from clinical-notes.md; each on both sides.</summary>
public sealed class ExtraWarningRuleTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static IEnumerable<string> Raised(AnswerSet answers) => Engine.Assess(answers).RedFlags.Select(f => f.Id);

    [Fact]
    public void NotWalkingAfterAnInjuryIsAnEmergencyButNotWalkingWithoutOneIsUrgent()
    {
        Assert.Equal(Urgency.Emergency, Engine.Assess(SampleAnswers.Calm.With("injury", "twist").With("cannot-bear-weight", true)).Urgency);
        Assert.Equal(Urgency.Urgent, Engine.Assess(SampleAnswers.Calm.With("cannot-bear-weight", true)).Urgency);
    }

    [Fact]
    public void NumbnessAfterAnInjuryIsAnEmergency()
    {
        Assert.Contains("nerve-or-blood-supply-signs-after-injury", Raised(SampleAnswers.Calm.With("injury", "blow-or-fall").WithList("foot-signs", "numb-or-tingling")));
        Assert.DoesNotContain("nerve-or-blood-supply-signs-after-injury", Raised(SampleAnswers.Calm.WithList("foot-signs", "numb-or-tingling")));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(6, false)]
    public void AHotSwollenVeryPainfulKneeIsFlaggedEvenWithoutFever(int severity, bool raised)
    {
        var answers = SampleAnswers.Calm.With("hot-red-knee", true).WithList("swelling", "whole-knee").With("swelling-onset", "gradual").With("pain-severity", severity);

        Assert.Equal(raised, Raised(answers).Contains("hot-swollen-painful-knee"));
    }

    /// <summary>
    /// Clinical-notes 7.5: a hot, red knee goes to an emergency department with a fever or any
    /// infection risk, and is otherwise seen the same day, however painful (gout alone included,
    /// as contract v1.2 says).
    /// </summary>
    [Fact]
    public void AHotSwollenVeryPainfulKneeIsSameDayWithoutFeverOrRiskAndAnEmergencyWithEither()
    {
        var hot = SampleAnswers.Calm.With("hot-red-knee", true).WithList("swelling", "whole-knee").With("swelling-onset", "within-hours").With("pain-severity", 8);

        Assert.Equal(Urgency.Urgent, Engine.Assess(hot).Urgency);
        Assert.Equal(Urgency.Urgent, Engine.Assess(hot.WithList("infection-risk", "gout")).Urgency);
        Assert.Equal(Urgency.Emergency, Engine.Assess(hot.With("fever", true)).Urgency);
        Assert.Equal(Urgency.Emergency, Engine.Assess(hot.WithList("infection-risk", "diabetes-or-weak-immunity")).Urgency);
        Assert.Equal(Urgency.Emergency, Engine.Assess(hot.WithList("history", "arthritis")).Urgency);
    }

    [Fact]
    public void ACalfThatSwellsWithoutInjuryIsUrgentButAfterAStrainItIsNot()
    {
        var swollen = SampleAnswers.Calm.WithList("calf-signs", "swollen");

        Assert.Equal(Urgency.Urgent, Engine.Assess(swollen).Urgency);
        Assert.Equal(Urgency.SeeClinician, Engine.Assess(swollen.With("injury", "push-off")).Urgency);
    }

    [Fact]
    public void NightPainWithoutAnInjuryNeedsAClinicianWhateverItsDuration()
    {
        Assert.Contains("night-or-rest-pain-without-injury", Raised(SampleAnswers.Calm.WithList("pain-triggers", "night").With("duration", "3-to-14-days")));
        Assert.DoesNotContain("night-or-rest-pain-without-injury", Raised(SampleAnswers.Calm.WithList("pain-triggers", "night").With("injury", "twist")));
    }

    [Fact]
    public void AFeverWithASwollenKneeIsUrgent()
    {
        var answers = SampleAnswers.Calm.With("fever", true).WithList("swelling", "whole-knee").With("swelling-onset", "gradual");

        Assert.Equal(Urgency.Urgent, Engine.Assess(answers).Urgency);
        Assert.Equal(Urgency.SeeClinician, Engine.Assess(SampleAnswers.Calm.With("fever", true)).Urgency);
    }

    [Fact]
    public void APopThenGivingWayAfterATwistIsUrgent()
    {
        Assert.Equal(Urgency.Urgent, Engine.Assess(SampleAnswers.Calm.With("injury", "twist").WithList("mechanical", "pop-at-injury", "giving-way")).Urgency);
        Assert.Equal(Urgency.SeeClinician, Engine.Assess(SampleAnswers.Calm.With("injury", "twist").WithList("mechanical", "giving-way")).Urgency);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(13, false)]
    [InlineData(50, false)]
    public void ThePittsburghRuleCountsTheYoungestRunnersAndNotFifty(int age, bool raised) =>
        Assert.Equal(raised, Raised(SampleAnswers.Calm.With("injury", "blow-or-fall").With("age", age)).Contains("pittsburgh-knee-rule"));

    [Fact]
    public void LongMorningStiffnessNeedsAClinician()
    {
        Assert.Contains("long-morning-stiffness", Raised(SampleAnswers.Calm.With("stiffness", "morning-over-30-min")));
        Assert.DoesNotContain("long-morning-stiffness", Raised(SampleAnswers.Calm.With("stiffness", "morning-under-30-min")));
    }
}
