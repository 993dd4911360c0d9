using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Triage.Tests.Engine.Progress;

/// <summary>
/// Contract v1.2 "Measured progress": the latest check against the one before on pain during the
/// week, pain the next morning and the activities' mean. Worse when the urgency rose or any measure
/// worsened by 2 or more; better when any improved by 2 or more and none worsened by 2; otherwise
/// about the same, so a 1-point wobble never reads as a change.
/// </summary>
public sealed class MeasuredProgressTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static ProgressPoint Point(int? pain = 4, int? morning = null, decimal? activities = null, Urgency urgency = Urgency.SelfCare) =>
        new(urgency, pain, morning, activities);

    [Theory]
    [InlineData(5, 3, Trend.Better)]
    [InlineData(5, 4, Trend.Same)]
    [InlineData(5, 6, Trend.Same)]
    [InlineData(5, 7, Trend.Worse)]
    public void NextMorningPainCountsAtTwoPoints(int before, int after, Trend expected) =>
        Assert.Equal(expected, CheckComparison.TrendOf(Point(morning: before), Point(morning: after), warningAppeared: false));

    [Theory]
    [InlineData("4.0", "6.0", Trend.Better)]
    [InlineData("4.0", "5.7", Trend.Same)]
    [InlineData("4.0", "3.0", Trend.Same)]
    [InlineData("4.0", "2.0", Trend.Worse)]
    public void TheActivitiesMeanCountsAtTwoPointsAndHigherIsBetter(string before, string after, Trend expected) =>
        Assert.Equal(expected, CheckComparison.TrendOf(Point(activities: decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture)), Point(activities: decimal.Parse(after, System.Globalization.CultureInfo.InvariantCulture)), warningAppeared: false));

    [Fact]
    public void OneMeasureWorseByTwoOutweighsAnotherBetterByTwo() =>
        Assert.Equal(Trend.Worse, CheckComparison.TrendOf(Point(pain: 6, morning: 2), Point(pain: 4, morning: 4), warningAppeared: false));

    [Fact]
    public void OneMeasureBetterByTwoWithOthersWobblingIsBetter() =>
        Assert.Equal(Trend.Better, CheckComparison.TrendOf(Point(pain: 6, morning: 3, activities: 5m), Point(pain: 4, morning: 4, activities: 4.2m), warningAppeared: false));

    [Fact]
    public void AHigherUrgencyIsWorseWhateverTheScores() =>
        Assert.Equal(Trend.Worse, CheckComparison.TrendOf(Point(pain: 8, activities: 2m), Point(pain: 2, activities: 9m, urgency: Urgency.SeeClinician), warningAppeared: false));

    [Fact]
    public void AMeasureAnsweredAtOnlyOneCheckIsNotCompared() =>
        Assert.Equal(Trend.Same, CheckComparison.TrendOf(Point(morning: null, activities: 1m), Point(morning: 9, activities: null), warningAppeared: false));

    [Fact]
    public void AComparisonReadsTheMeasuresFromTheAnswers()
    {
        var earlier = SampleAnswers.Calm.With("pain-next-morning", 6)
            .With("activities", new ActivitiesAnswer([ActivityEntry.Of("Run", 2), ActivityEntry.Of("Stairs", 5)]));
        var later = SampleAnswers.Calm.With("pain-next-morning", 5)
            .With("activities", new ActivitiesAnswer([ActivityEntry.Of("Run", 6), ActivityEntry.Of("Stairs", 6)]));

        var change = CheckComparison.Compare(new(earlier, Engine.Assess(earlier)), new(later, Engine.Assess(later)), ShippedKnowledgeBase.Instance);
        var text = CheckChangeText.For(change, ShippedKnowledgeBase.Instance.Advice, Disposition.SelfCare);

        Assert.Equal(3.5m, change.ActivitiesMeanBefore);
        Assert.Equal(6m, change.ActivitiesMeanAfter);
        Assert.Equal(Trend.Better, change.Trend);
        Assert.Contains("Pain the morning after a run 6/10 → 5/10", text.Lines);
        Assert.Contains("Your activities, average score 3.5/10 → 6/10 (higher is better)", text.Lines);
    }

    private static CheckChangeText Words(CheckChange change) => CheckChangeText.For(change, ShippedKnowledgeBase.Instance.Advice, Disposition.SelfCare);

    private static CheckChange CompareActivities(ActivitiesAnswer earlier, ActivitiesAnswer later)
    {
        var before = SampleAnswers.Calm.With("activities", earlier);
        var after = SampleAnswers.Calm.With("activities", later);
        return CheckComparison.Compare(new(before, Engine.Assess(before)), new(after, Engine.Assess(after)), ShippedKnowledgeBase.Instance);
    }

    [Fact]
    public void OnlyTheActivitiesScoredAtBothChecksAreComparedAndTheLineSaysSo()
    {
        // Three activities last time (mean 6), one of them this time: the running went from 2 to 4,
        // better, where the means (6 → 4) read as worse.
        var change = CompareActivities(
            new ActivitiesAnswer([ActivityEntry.Of("Run 5 km", 2), ActivityEntry.Of("Stairs", 8), ActivityEntry.Of("Squat", 8)]),
            new ActivitiesAnswer([ActivityEntry.Of("run  5 KM ", 4)]));

        Assert.Equal((2m, 4m), (change.ActivitiesMeanBefore, change.ActivitiesMeanAfter));
        Assert.Equal(Trend.Better, change.Trend);
        Assert.Contains("The activity you scored both times, score 2/10 → 4/10 (higher is better). 2 activities scored only once are left out.", Words(change).Lines);
    }

    [Fact]
    public void ActivitiesWithNoneScoredAtBothChecksShowNoChange()
    {
        var change = CompareActivities(
            new ActivitiesAnswer([ActivityEntry.Of("Run 5 km", 8)]),
            new ActivitiesAnswer([ActivityEntry.Of("Stairs", 2), ActivityEntry.Of("Squat", 2)]));

        Assert.Null(change.ActivitiesMeanBefore);
        Assert.Equal(Trend.Same, change.Trend);
        Assert.Contains("Your activities: none was scored both times, so no change can be measured.", Words(change).Lines);
        Assert.DoesNotContain(Words(change).Lines, line => line.Contains("average score", StringComparison.Ordinal));
    }

    [Fact]
    public void ASeriesComparesTheSharedActivitiesByKeyAndOnlyTheMeansWhenNoKeysWereKept()
    {
        var three = new ProgressPoint(Urgency.SelfCare, 4, null, 6m) { ActivityScores = SharedActivities.ScoresOf([new("Run 5 km", 2), new("Stairs", 8), new("Squat", 8)]) };
        var one = new ProgressPoint(Urgency.SelfCare, 4, null, 4m) { ActivityScores = SharedActivities.ScoresOf([new("Run 5 km", 4)]) };

        Assert.Equal(Trend.Better, CheckComparison.TrendOfSeries([three, one]));
        Assert.Equal(Trend.Worse, CheckComparison.TrendOfSeries([three with { ActivityScores = null }, one]));
    }
}
