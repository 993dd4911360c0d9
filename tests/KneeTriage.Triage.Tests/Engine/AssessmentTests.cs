using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

public sealed class AssessmentTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static readonly AnswerSet NoPainAnswers = SampleAnswers.Calm.With("pain-type", "none").With("pain-severity", 0).Without("pain-location");

    [Fact]
    public void ARunnerWithNoPainAndNoSignsGetsNoCauses()
    {
        var assessment = Engine.Assess(NoPainAnswers);

        Assert.Empty(assessment.LikelyCauses);
        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.Empty(assessment.Advice.SelfCare);
    }

    [Fact]
    public void NoPainButASwollenKneeStillGetsCauses() =>
        Assert.NotEmpty(Engine.Assess(NoPainAnswers.WithList("swelling", "whole-knee").With("swelling-onset", "comes-and-goes")).LikelyCauses);

    [Fact]
    public void TheAssessmentCarriesTheKnowledgeBaseVersion() =>
        Assert.Equal(ShippedKnowledgeBase.Instance.Version, Engine.Assess(SampleAnswers.Calm).KnowledgeBaseVersion);

    [Fact]
    public void ReasonsForAndAgainstComeFromTheAnswersStrongestFirst()
    {
        var answers = SampleAnswers.Calm.WithList("pain-location", "front").WithList("pain-triggers", "stairs", "sitting", "deep-bend").With("injury", "twist");

        var cause = Engine.Assess(answers).LikelyCauses.First(c => c.Id == "patellofemoral-pain");

        Assert.Contains(cause.ReasonsFor, r => r.Contains("kneecap", StringComparison.Ordinal));
        Assert.Contains(cause.ReasonsAgainst, r => r.Contains("without an injury", StringComparison.Ordinal));
        Assert.Contains("kneecap", cause.ReasonsFor[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SelfCareAdviceCoversTheLeadingCausesWhenSelfCareIsSafe()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.WithList("pain-location", "front").WithList("pain-triggers", "stairs", "sitting"));

        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.NotEmpty(assessment.Advice.DoNow);
        Assert.NotEmpty(assessment.Advice.ComeBackIf);
        Assert.Equal(assessment.LikelyCauses.Take(2).Select(c => c.Id), assessment.Advice.SelfCare.Select(s => s.ConditionId));
        Assert.All(assessment.Advice.SelfCare, s => Assert.NotEmpty(s.Steps));
    }

    [Fact]
    public void AnEmergencyPutsCareFirstWithoutSelfCareSteps()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("breathless-or-chest-pain", true));

        Assert.Equal(Urgency.Emergency, assessment.Urgency);
        Assert.Contains(assessment.Advice.DoNow, line => line.Contains("999", StringComparison.Ordinal));
        Assert.Empty(assessment.Advice.SelfCare);
    }

    [Fact]
    public void EachUrgencyLevelHasItsOwnAdvice()
    {
        var levels = new[]
        {
            SampleAnswers.Calm,
            SampleAnswers.Calm.With("pain-severity", 8),
            SampleAnswers.Calm.With("hot-red-knee", true),
            SampleAnswers.Calm.With("deformity", true),
        }.Select(a => Engine.Assess(a)).ToList();

        Assert.Equal([Urgency.SelfCare, Urgency.SeeClinician, Urgency.Urgent, Urgency.Emergency], levels.Select(a => a.Urgency));
        Assert.Equal(4, levels.Select(a => a.Advice.DoNow[0]).Distinct().Count());
    }

    [Fact]
    public void PainAtTheFrontRanksRunnersKneeAboveTheCausesBehindTheKnee()
    {
        var front = Engine.Assess(SampleAnswers.Calm.WithList("pain-location", "front").WithList("pain-triggers", "stairs")).LikelyCauses;
        var back = Engine.Assess(SampleAnswers.Calm.WithList("pain-location", "back-outer", "above-back").WithList("pain-triggers", "sprinting")).LikelyCauses;

        Assert.Equal("patellofemoral-pain", front[0].Id);
        Assert.DoesNotContain(back.Take(3), c => c.Id == "patellofemoral-pain");
    }
}
