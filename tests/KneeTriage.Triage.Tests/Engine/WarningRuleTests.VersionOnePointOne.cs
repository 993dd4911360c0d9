using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>The minimum rules contract v1.1 adds, each on both sides of its boundary.</summary>
public sealed partial class WarningRuleTests
{
    /// <summary>A fresh injury: contract v1.1's "recent injury" is one under two weeks old.</summary>
    private static AnswerSet Injured(string injury, string duration = "under-3-days") =>
        Calm.With("injury", injury).With("onset", "sudden").With("duration", duration);

    [Fact]
    public void SeverePainThatDoesNotSettleAfterARunIsAnEmergency()
    {
        AssertRaised(Calm.With("not-settling-after-run", true), "acute-compartment-syndrome", Urgency.Emergency);
        AssertNotRaised(Calm.With("not-settling-after-run", false), "acute-compartment-syndrome", Urgency.Emergency);
    }

    [Theory]
    [InlineData("twist", "under-3-days", true)]
    [InlineData("blow-or-fall", "3-to-14-days", true)]
    [InlineData("push-off", "under-3-days", true)]
    [InlineData("blow-or-fall", "2-to-6-weeks", false)]
    [InlineData("none", "under-3-days", false)]
    public void NotLiftingTheStraightLegAfterARecentInjuryIsAnEmergency(string injury, string duration, bool raised)
    {
        var answers = Injured(injury, duration).With("cannot-lift-straight-leg", true);

        AssertRaisedOrNot(raised, answers, "torn-knee-tendon", Urgency.Emergency);
    }

    [Theory]
    [InlineData("twist", "3-to-14-days", Urgency.Emergency)]
    [InlineData("landing", "under-3-days", Urgency.Emergency)]
    [InlineData("twist", "over-6-weeks", Urgency.SeeClinician)]
    [InlineData("none", "under-3-days", Urgency.SeeClinician)]
    public void NumbnessAfterARecentInjuryIsAnEmergencyButMonthsLaterABookedAppointment(string injury, string duration, Urgency expected)
    {
        var assessment = Engine.Assess(Injured(injury, duration).WithList("foot-signs", "numb-or-tingling"));

        Assert.Equal(expected, assessment.Urgency);
    }

    [Theory]
    [InlineData(55, "twist", "under-3-days", true)]
    [InlineData(54, "twist", "under-3-days", false)]
    [InlineData(70, "landing", "3-to-14-days", true)]
    [InlineData(70, "overstretch", "under-3-days", true)]
    [InlineData(70, "twist", "2-to-6-weeks", false)]
    [InlineData(70, "push-off", "under-3-days", false)]
    public void ARecentInjuryAtFiftyFiveOrOverIsUrgentByTheOttawaRule(int age, string injury, string duration, bool raised)
    {
        var answers = Injured(injury, duration).With("age", age);

        AssertRaisedOrNot(raised, answers, "ottawa-knee-rule", Urgency.Urgent);
    }

    [Fact]
    public void APulsingLumpIsUrgentButAStillLumpIsNot()
    {
        AssertRaised(Calm.WithList("swelling", "pulsing-lump").With("swelling-onset", "gradual"), "pulsing-lump", Urgency.Urgent);
        AssertNotRaised(Calm.WithList("swelling", "lump-behind-knee").With("swelling-onset", "gradual"), "pulsing-lump", Urgency.Urgent);
    }

    [Theory]
    [InlineData("calf", null, "none", true)]
    [InlineData(null, "swollen", "none", true)]
    [InlineData("calf", null, "push-off", false)]
    [InlineData(null, "tender", "none", false)]
    public void CalfSwellingWithoutAnInjuryIsUrgent(string? swelling, string? calfSign, string injury, bool raised)
    {
        var answers = Calm.With("injury", injury);
        answers = swelling is null ? answers : answers.WithList("swelling", swelling).With("swelling-onset", "gradual");
        answers = calfSign is null ? answers : answers.WithList("calf-signs", calfSign);

        AssertRaisedOrNot(raised, answers, "unexplained-calf-swelling", Urgency.Urgent);
    }

    [Fact]
    public void AFeverWithASwollenKneeIsUrgentButAFeverAloneIsNot()
    {
        var swollen = Calm.WithList("swelling", "whole-knee").With("swelling-onset", "gradual");

        AssertRaised(swollen.With("fever", true), "fever-with-swollen-knee", Urgency.Urgent);
        AssertNotRaised(Calm.With("fever", true), "fever-with-swollen-knee", Urgency.Urgent);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("twist")]
    public void AnyWholeKneeSwellingMeansSeeingAClinician(string injury)
    {
        var swollen = Calm.With("injury", injury).WithList("swelling", "whole-knee").With("swelling-onset", "gradual");

        AssertRaised(swollen, "knee-swelling", Urgency.SeeClinician);
        AssertNotRaised(Calm.With("injury", injury), "knee-swelling");
    }

    [Fact]
    public void AVersionOneAnswerSetWithoutTheNewQuestionsValidatesAndReadsThemAsNo()
    {
        var validator = new AnswerSetValidator(Engine.KnowledgeBase);
        var v1 = Calm.WithList("swelling", "lump-behind-knee").With("swelling-onset", "gradual");
        var withNo = v1.With("not-settling-after-run", false).With("cannot-lift-straight-leg", false);

        Assert.True(validator.Validate(v1).IsValid, "A v1 answer set must still validate.");
        Assert.Equal(Describe(Engine.Assess(withNo)), Describe(Engine.Assess(v1)));
    }

    /// <summary>Theories on both sides of a boundary: raised at this level, or not raised and below it.</summary>
    private static void AssertRaisedOrNot(bool raised, AnswerSet answers, string ruleId, Urgency level)
    {
        if (raised)
        {
            AssertRaised(answers, ruleId, level);
        }
        else
        {
            AssertNotRaised(answers, ruleId, level);
        }
    }

    private static string Describe(Assessment a) =>
        $"{a.Urgency}|{string.Join(",", a.RedFlags.Select(f => f.Id))}|{string.Join(",", a.LikelyCauses.Select(c => $"{c.Id}:{c.Probability}"))}";
}
