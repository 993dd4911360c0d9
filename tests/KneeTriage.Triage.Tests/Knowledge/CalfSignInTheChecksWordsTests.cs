using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A tester's runner, a day after a calf pull, had a swollen, tender calf that felt warm, and could
/// not tell whether it was red on her brown skin. The check asks "Hot to the touch, or hotter than
/// the other calf" and "Red or darker than usual", and counts "not sure" as hot after an injury;
/// the words she read said "hot or red", which she took as not hers. The finding and the result's
/// get-help lines for the calf say it the check's way, with "if you cannot tell".
/// </summary>
public sealed class CalfSignInTheChecksWordsTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static readonly TriageEngine Engine = new(Shipped);

    [Fact]
    public void TheHotOrRedCalfFindingUsesTheChecksWords()
    {
        var message = Shipped.WarningRules.Single(rule => rule.Id == "hot-red-calf-after-injury").Message.ReplaceLineEndings(" ");

        Assert.Contains("a calf that feels hotter than the other calf, or looks red or darker than usual", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hot or red after an injury", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABookedCalfAfterAnInjuryIsToldToGoTodayIfItIsHotterRedderOrSheCannotTell()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm
            .With("injury", "push-off").With("onset", "sudden").WithList("pain-location", "below-back")
            .WithList("calf-signs", "swollen", "tender"));

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        var sameDay = Assert.Single(assessment.Advice.GetHelpIf, g => g.Disposition == Disposition.SameDay);
        Assert.Contains("the calf feels hotter than the other calf", sameDay.Signs);
        Assert.Contains("the calf looks red or darker than usual, or you cannot tell (redness is harder to see on brown or black skin)", sameDay.Signs);
    }
}
