using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Triage.Tests.Engine.Progress;

/// <summary>The plan to run again is offered with a plain self-care result, and never beside a warning sign or a higher urgency.</summary>
public sealed class ReturnToRunningOfferTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    [Fact]
    public void APlainSelfCareResultIsOfferedThePlan()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm);

        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.True(ReturnToRunningOffer.IsOfferedFor(assessment));
    }

    public static TheoryData<string, AnswerSet> NotOffered => new()
    {
        { "breathless (emergency)", SampleAnswers.Calm.With("breathless-or-chest-pain", true) },
        { "hot red knee (urgent)", SampleAnswers.Calm.With("hot-red-knee", true) },
        { "locking (urgent)", SampleAnswers.Calm.WithList("mechanical", "locking") },
        { "swollen knee (see a clinician)", SampleAnswers.Calm.WithList("swelling", "whole-knee").With("swelling-onset", "gradual") },
        { "pain 8 of 10 (see a clinician)", SampleAnswers.Calm.With("pain-severity", 8) },
        { "long morning stiffness (see a clinician)", SampleAnswers.Calm.With("stiffness", "morning-over-30-min") },
    };

    [Theory]
    [MemberData(nameof(NotOffered))]
    public void AWarningSignMeansNoPlan(string why, AnswerSet answers)
    {
        var assessment = Engine.Assess(answers);

        Assert.True(assessment.RedFlags.Count > 0, $"The sample '{why}' should raise a warning sign.");
        Assert.False(ReturnToRunningOffer.IsOfferedFor(assessment), $"The plan was offered with '{why}'.");
    }

    [Fact]
    public void ASelfCareResultThatSaysDoNotRunIsNotOfferedThePlan()
    {
        // A knee forced straight, walking, no swelling: self-care, with the ligament's "do not run" card.
        var assessment = Engine.Assess(SampleAnswers.Calm.With("injury", "overstretch").With("onset", "sudden").With("duration", "under-3-days")
            .With("pain-type", "sharp").With("pain-severity", 5).WithList("pain-location", "back-outer", "back-center").WithList("pain-triggers", "full-straighten", "downhill"));

        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.Empty(assessment.RedFlags);
        Assert.True(assessment.Advice.ToldNotToRun);
        Assert.False(ReturnToRunningOffer.IsOfferedFor(assessment));
    }

    [Fact]
    public void AStoredSelfCareResultWhoseWordsSayDoNotRunIsNotOffered()
    {
        var kb = ShippedKnowledgeBase.Instance;
        var ligamentStop = kb.Conditions.Single(c => c.Id == "ligament-injury").SelfCareSteps.Single(s => s.StopsRunning).Words;

        Assert.True(kb.TellsNotToRun(["This sounds safe to manage yourself for now.", ligamentStop]));
        Assert.False(kb.TellsNotToRun(Engine.Assess(SampleAnswers.Calm).Advice.DoNow));
        Assert.False(ReturnToRunningOffer.IsOfferedFor(Urgency.SelfCare, 0, toldNotToRun: true));
    }

    [Fact]
    public void NeverOfferedForAnyGeneratedResultAboveSelfCareOrWithAWarningSign()
    {
        var offered = 0;
        foreach (var answers in new AnswerSetGenerator(ShippedKnowledgeBase.Instance, seed: 20261201).Generate(1500))
        {
            var assessment = Engine.Assess(answers);
            var shouldOffer = assessment.Urgency == Urgency.SelfCare && assessment.RedFlags.Count == 0 && !assessment.Advice.ToldNotToRun;
            Assert.True(
                shouldOffer == ReturnToRunningOffer.IsOfferedFor(assessment),
                $"Urgency {assessment.Urgency.ToContractId()} with [{string.Join(", ", assessment.RedFlags.Select(f => f.Id))}]: offered should be {shouldOffer}.");
            offered += shouldOffer ? 1 : 0;
        }

        Assert.True(offered > 0, "The generated runners should include some plain self-care results.");
    }

    [Theory]
    [InlineData(Urgency.SeeClinician, 0)]
    [InlineData(Urgency.Urgent, 0)]
    [InlineData(Urgency.Emergency, 0)]
    [InlineData(Urgency.SelfCare, 1)]
    [InlineData(Urgency.Emergency, 2)]
    public void AStoredResultAboveSelfCareOrWithAWarningSignIsNotOffered(Urgency urgency, int warningSigns) =>
        Assert.False(ReturnToRunningOffer.IsOfferedFor(urgency, warningSigns, toldNotToRun: false));

    [Fact]
    public void AStoredSelfCareResultWithoutWarningSignsIsOffered() =>
        Assert.True(ReturnToRunningOffer.IsOfferedFor(Urgency.SelfCare, 0, toldNotToRun: false));
}
