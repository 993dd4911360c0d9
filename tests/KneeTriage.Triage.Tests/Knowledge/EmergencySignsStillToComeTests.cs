using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// Walk 23: a 61-year-old with long-standing foot tingling (his GP put it down to his back), no
/// back pain and no injury got a booked result whose "Call 999" list left out two 999 signs that
/// could still come for him: back pain with numbness in both legs (no line at all), and a foot that
/// goes numb or weak after a knee injury (hidden for a runner with no injury, while "today" listed a
/// weak foot "with no knee injury"). Every result's 999 list carries the 999 signs still to come.
/// </summary>
public sealed class EmergencySignsStillToComeTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static readonly TriageEngine Engine = new(Shipped);

    /// <summary>Walk 23's runner: old tingling in one foot, no injury, no back pain.</summary>
    private static readonly Answers.AnswerSet OldTinglingNoBackPain = SampleAnswers.Calm
        .With("age", 61)
        .With("duration", "over-6-weeks")
        .WithList("foot-signs", "numb-or-tingling")
        .With("back-pain", false)
        .With("both-legs", false)
        .With("bladder-or-saddle", false);

    [Fact]
    public void EveryCallNowSignHasALineInTheResultsCallNowList()
    {
        var named = Shipped.Advice.GetHelpIf
            .Where(group => group.Disposition == Disposition.CallEmergencyNumber)
            .SelectMany(group => group.Signs)
            .SelectMany(sign => sign.WarningSigns)
            .ToHashSet();

        var missing = Shipped.WarningSigns.SelectMany(group => group.Signs)
            .Where(sign => sign.Disposition == Disposition.CallEmergencyNumber && !named.Contains(sign.Id))
            .Select(sign => sign.Id)
            .ToList();

        Assert.True(missing.Count == 0, $"999 signs with no line in advice.yaml's call-emergency-number list: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryGoNowSignHasALineInTheResultsGoNowList()
    {
        var named = Shipped.Advice.GetHelpIf
            .Where(group => group.Disposition == Disposition.GoToEmergencyDepartment)
            .SelectMany(group => group.Signs)
            .SelectMany(sign => sign.WarningSigns)
            .ToHashSet();

        var missing = Shipped.WarningSigns.SelectMany(group => group.Signs)
            .Where(sign => sign.Disposition == Disposition.GoToEmergencyDepartment && !named.Contains(sign.Id))
            .Select(sign => sign.Id)
            .ToList();

        Assert.True(missing.Count == 0, $"A&E signs with no line in advice.yaml's go-to-emergency-department list: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ARunnerOnABloodThinnerIsToldToGoNowIfTheKneeSwellsAfterAnInjury()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("blood-thinners", true));
        var goNow = assessment.Advice.GetHelpIf.SingleOrDefault(group => group.Disposition == Disposition.GoToEmergencyDepartment)?.Signs ?? [];

        Assert.Contains("the knee swells after a knee injury in the last two weeks, and you take a blood thinner or have a bleeding disorder", goNow);
    }

    [Fact]
    public void ABookedRunnerWithOldTinglingIsToldToCall999ForBackPainWithBothLegs()
    {
        var assessment = Engine.Assess(OldTinglingNoBackPain);

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        Assert.Contains("you have back pain with numbness, tingling or weakness in both legs", CallNowSigns(assessment));
    }

    [Fact]
    public void ABookedRunnerWithOldTinglingAndNoInjuryIsToldToCall999ForANumbOrWeakFootAfterAnInjury()
    {
        var assessment = Engine.Assess(OldTinglingNoBackPain);

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        Assert.Contains("the foot goes numb, tingles or goes weak after a knee injury in the last two weeks", CallNowSigns(assessment));
    }

    [Theory]
    [InlineData("none", "3-to-14-days")]
    [InlineData("twist", "over-6-weeks")]
    [InlineData("twist", "3-to-14-days")]
    public void EveryRunnerBelowAnEmergencyIsToldToCall999ForANumbFootAfterAnInjury(string injury, string duration)
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("injury", injury).With("duration", duration));

        Assert.Contains("the foot goes numb, tingles or goes weak after a knee injury in the last two weeks", CallNowSigns(assessment));
    }

    private static IReadOnlyList<string> CallNowSigns(Assessment assessment) =>
        assessment.Advice.GetHelpIf.SingleOrDefault(group => group.Disposition == Disposition.CallEmergencyNumber)?.Signs ?? [];
}
