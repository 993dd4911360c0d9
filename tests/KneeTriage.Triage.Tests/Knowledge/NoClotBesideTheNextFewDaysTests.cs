using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A runner who reads "clot" beside "book a doctor in the next few days" takes it that a clot can
/// wait. The booked rules for a swelling (lump-or-calf-swelling, swollen-calf) said "to rule out a
/// clot. Book a doctor in the next few days", yet at that level they fire only after an injury or
/// for a lump with no clot risk: a swollen calf with no injury, or with a clot risk, is same-day
/// (unexplained-calf-swelling, suspected-clot, lump-with-clot-risk). A booked message says what to
/// book and names what makes it today, never the clot.
/// </summary>
public sealed class NoClotBesideTheNextFewDaysTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static readonly TriageEngine Engine = new(Shipped);

    [Fact]
    public void NoBookedRuleMessageNamesAClotOrSomethingToRuleOut()
    {
        var booked = Shipped.WarningRules
            .Where(rule => rule.Urgency == Urgency.SeeClinician)
            .Where(rule => rule.Message.Contains("clot", StringComparison.OrdinalIgnoreCase) || rule.Message.Contains("rule out", StringComparison.OrdinalIgnoreCase))
            .Select(rule => $"{rule.Id}: \"{rule.Message}\"")
            .ToList();

        Assert.True(booked.Count == 0, "A booked (next few days) message names a clot or something to rule out:\n" + string.Join('\n', booked));
    }

    [Theory]
    [InlineData("lump-or-calf-swelling")]
    [InlineData("swollen-calf")]
    public void ABookedSwellingNamesWhatMakesItToday(string ruleId)
    {
        var message = Shipped.WarningRules.Single(rule => rule.Id == ruleId).Message;

        // In the check's words, with its "not sure": a warm calf on brown skin read "turns hot or red" as not hers.
        Assert.Contains("Be seen today if the calf swells more, feels hotter than the other calf or looks red or darker than usual, or if you cannot tell.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACalfThatSwelledAfterAnInjuryIsBookedWithoutAClotNamedBesideIt()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm
            .With("injury", "push-off").With("onset", "sudden").WithList("pain-location", "below-back")
            .WithList("swelling", "calf").With("swelling-onset", "within-2-hours").WithList("calf-signs", "swollen"));

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        var shown = assessment.RedFlags.SelectMany(flag => new[] { flag.Message, flag.Finding })
            .Concat(assessment.LikelyCauses.SelectMany(cause => cause.ReasonsFor.Concat(cause.ReasonsAgainst)))
            .Where(text => text.Contains("clot", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(shown.Count == 0, "Beside \"book in the next few days\": " + string.Join(" | ", shown));
    }
}
