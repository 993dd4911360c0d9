using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Triage.Tests.Engine.Progress;

/// <summary>What changed between two checks of one runner, and whether it is better, the same or worse.</summary>
public sealed class CheckComparisonTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static CheckedAnswers Check(AnswerSet answers) => new(answers, Engine.Assess(answers));

    private static CheckChange Compare(AnswerSet earlier, AnswerSet later) =>
        CheckComparison.Compare(Check(earlier), Check(later), ShippedKnowledgeBase.Instance);

    private static AnswerSet Calm => SampleAnswers.Calm;

    private static AnswerSet Pain(int severity) => Calm.With("pain-severity", severity);

    [Fact]
    public void TheSameAnswersTwiceAreTheSameWithNothingNewOrGone()
    {
        var change = Compare(Calm, Calm);

        Assert.Equal(Trend.Same, change.Trend);
        Assert.Empty(change.WarningsAppeared);
        Assert.Empty(change.WarningsGone);
        Assert.False(change.Swelling.Changed);
        Assert.False(change.Stiffness.Changed);
        Assert.False(change.TopCauseChanged);
        Assert.Equal((3, 3), (change.PainBefore, change.PainAfter));
    }

    [Fact]
    public void AWarningSignThatAppearsIsListedWithItsReasonAndMakesItWorse()
    {
        var change = Compare(Calm, Calm.With("hot-red-knee", true));

        var appeared = Assert.Single(change.WarningsAppeared, w => w.RuleId == "hot-red-knee");
        Assert.Equal(Urgency.Urgent, appeared.Urgency);
        Assert.False(string.IsNullOrWhiteSpace(appeared.Reason));
        Assert.False(string.IsNullOrWhiteSpace(appeared.Sign));
        Assert.Empty(change.WarningsGone);
        Assert.Equal((Urgency.SelfCare, Urgency.Urgent), (change.UrgencyBefore, change.UrgencyAfter));
        Assert.Equal(Trend.Worse, change.Trend);
    }

    [Fact]
    public void AWarningSignThatWentIsListedAsGoneAndTheScoresDecideTheTrend()
    {
        var change = Compare(Calm.With("hot-red-knee", true), Calm);

        Assert.Contains(change.WarningsGone, w => w.RuleId == "hot-red-knee");
        Assert.Empty(change.WarningsAppeared);
        // Contract v1.2: "better" needs a measure 2 points better; a sign gone with the same pain is about the same.
        Assert.Equal(Trend.Same, change.Trend);
    }

    [Fact]
    public void ANewWarningSignIsWorseEvenWhenPainFallsAndTheUrgencyStays()
    {
        // Both checks see a clinician; the later one adds long morning stiffness while pain falls from 6 to 2.
        var earlier = Pain(6).WithList("swelling", "whole-knee").With("swelling-onset", "gradual");
        var later = Pain(2).WithList("swelling", "whole-knee").With("swelling-onset", "gradual").With("stiffness", "morning-over-30-min");

        var change = Compare(earlier, later);

        Assert.Equal(change.UrgencyBefore, change.UrgencyAfter);
        Assert.Contains(change.WarningsAppeared, w => w.RuleId == "long-morning-stiffness");
        Assert.Equal((6, 2), (change.PainBefore, change.PainAfter));
        Assert.Equal(Trend.Worse, change.Trend);
    }

    [Fact]
    public void ASignThatFiredBothTimesIsNeitherNewNorGone()
    {
        var swollen = Calm.WithList("swelling", "whole-knee").With("swelling-onset", "gradual");

        var change = Compare(swollen, swollen.With("pain-severity", 4));

        Assert.DoesNotContain(change.WarningsAppeared, w => w.RuleId == "knee-swelling");
        Assert.DoesNotContain(change.WarningsGone, w => w.RuleId == "knee-swelling");
        Assert.Equal(Trend.Same, change.Trend);
    }

    [Theory]
    [InlineData(3, 5, Trend.Worse)]
    [InlineData(3, 4, Trend.Same)]
    [InlineData(5, 3, Trend.Better)]
    [InlineData(5, 4, Trend.Same)]
    [InlineData(1, 7, Trend.Worse)]
    public void PainCountsWhenItMovesByTwoOrMore(int before, int after, Trend expected)
    {
        var change = Compare(Pain(before), Pain(after));

        Assert.Equal(change.UrgencyBefore, change.UrgencyAfter);
        Assert.Equal(expected, change.Trend);
    }

    [Fact]
    public void AFallInUrgencyAloneIsAboutTheSameUnderContractOnePointTwo()
    {
        var change = Compare(Calm.WithList("mechanical", "locking"), Calm);

        Assert.True(change.UrgencyAfter < change.UrgencyBefore);
        Assert.Equal(Trend.Same, change.Trend);
    }

    [Fact]
    public void SwellingThatAppearsAndGoesIsNamedInTheQuestionsWords()
    {
        var earlier = Calm.WithList("swelling", "lump-behind-knee").With("swelling-onset", "gradual");
        var later = Calm.WithList("swelling", "whole-knee").With("swelling-onset", "gradual");

        var change = Compare(earlier, later);

        Assert.Equal(["The whole knee is puffy or swollen"], change.Swelling.Appeared);
        Assert.Equal(["A lump in the hollow at the back of the knee"], change.Swelling.Gone);
        Assert.True(change.Swelling.Changed);
    }

    [Fact]
    public void StiffnessBeforeAndAfterIsNamedInTheQuestionsWords()
    {
        var change = Compare(Calm, Calm.With("stiffness", "after-sitting"));

        Assert.Equal(["No stiffness"], change.Stiffness.Before);
        Assert.Equal(["Stiff after sitting"], change.Stiffness.After);
        Assert.True(change.Stiffness.Changed);
    }

    [Fact]
    public void TheTopCauseBeforeAndAfterAreTheAssessmentsFirstCauses()
    {
        var earlier = Check(Calm);
        var later = Check(Calm.WithList("pain-location", "outer-side"));

        var change = CheckComparison.Compare(earlier, later, ShippedKnowledgeBase.Instance);

        Assert.Equal(earlier.Assessment.LikelyCauses[0].Id, change.TopCauseBefore?.Id);
        Assert.Equal(later.Assessment.LikelyCauses[0].Id, change.TopCauseAfter?.Id);
    }

    [Fact]
    public void WithNoPainTheNextCheckHasNoTopCause()
    {
        var change = Compare(Calm, SampleAnswers.NoPain);

        Assert.NotNull(change.TopCauseBefore);
        Assert.Null(change.TopCauseAfter);
        Assert.True(change.TopCauseChanged);
        Assert.Equal(Trend.Better, change.Trend);
    }

    [Theory]
    [InlineData(Urgency.SelfCare, 3, Urgency.SeeClinician, 1, false, Trend.Worse)]
    [InlineData(Urgency.Urgent, 8, Urgency.SeeClinician, 9, false, Trend.Same)]
    [InlineData(Urgency.SeeClinician, 3, Urgency.SelfCare, 5, false, Trend.Worse)]
    [InlineData(Urgency.SelfCare, 6, Urgency.SelfCare, 4, true, Trend.Worse)]
    [InlineData(Urgency.SelfCare, 6, Urgency.SelfCare, 4, false, Trend.Better)]
    public void TheTrendLeansToCaution(Urgency urgencyBefore, int painBefore, Urgency urgencyAfter, int painAfter, bool warningAppeared, Trend expected) =>
        Assert.Equal(expected, CheckComparison.TrendOf(new(urgencyBefore, painBefore), new(urgencyAfter, painAfter), warningAppeared));

    [Fact]
    public void AMissingPainSeverityLeavesOnlyTheUrgencyToCount() =>
        Assert.Equal(Trend.Same, CheckComparison.TrendOf(new(Urgency.SelfCare, null), new(Urgency.SelfCare, 9), warningAppeared: false));

    [Fact]
    public void ASeriesComparesItsLatestCheckWithTheOneBefore()
    {
        ProgressPoint[] series = [new(Urgency.SelfCare, 2), new(Urgency.Urgent, 8), new(Urgency.SeeClinician, 5)];

        Assert.Equal(Trend.Better, CheckComparison.TrendOfSeries(series));
        Assert.Equal(Trend.Worse, CheckComparison.TrendOfSeries(series[..2]));
    }

    [Fact]
    public void ASeriesOfOneHasNoTrend()
    {
        Assert.Null(CheckComparison.TrendOfSeries([new(Urgency.SelfCare, 2)]));
        Assert.Null(CheckComparison.TrendOfSeries([]));
    }
}
