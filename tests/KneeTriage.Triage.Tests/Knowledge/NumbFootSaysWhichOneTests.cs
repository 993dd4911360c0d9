using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A numb or tingling foot had three levels with nothing to tell them apart: the result's 999 list
/// said "the foot goes numb, tingles or goes weak", the footer said 999 only after a knee injury in
/// the last two weeks, and the guide's booked list said "Numbness or pins and needles in the foot".
/// The rules: after a knee injury in the last two weeks (injury not none, pain under two weeks)
/// numbness, tingling or a weak foot is 999 (nerve-or-blood-supply-signs-after-injury); otherwise a
/// weak foot is today's (foot-drop) and numbness is booked (numb-or-tingling-foot). Each text says
/// which numb foot it means.
/// </summary>
public sealed class NumbFootSaysWhichOneTests
{
    private const string RecentInjury = "after a knee injury in the last two weeks";

    private const string NoRecentInjury = "with no knee injury in the last two weeks";

    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static readonly TriageEngine Engine = new(Shipped);

    private static WarningSign Sign(string id) => Shipped.WarningSigns.SelectMany(group => group.Signs).Single(sign => sign.Id == id);

    [Fact]
    public void The999LineSaysItIsTheFootAfterARecentInjury()
    {
        var injured = Engine.Assess(SampleAnswers.Calm.With("injury", "twist"));

        var call = Assert.Single(injured.Advice.GetHelpIf, g => g.Disposition == Disposition.CallEmergencyNumber);
        Assert.Contains(call.Signs, sign => sign.StartsWith("the foot goes numb", StringComparison.Ordinal) && sign.EndsWith(RecentInjury, StringComparison.Ordinal));
    }

    [Fact]
    public void TheBookedAndSameDayLinesSayTheyAreTheFootWithoutARecentInjury()
    {
        var uninjured = Engine.Assess(SampleAnswers.Calm);

        var lines = uninjured.Advice.GetHelpIf.SelectMany(g => g.Signs).Where(sign => sign.StartsWith("the foot", StringComparison.Ordinal)).ToList();
        Assert.Contains("the foot goes numb or tingles, " + NoRecentInjury, lines);
        Assert.Contains("the foot becomes weak or drops, " + NoRecentInjury, lines);
    }

    [Fact]
    public void TheBookedSignSaysItIsNotAfterARecentInjuryNorAWeakFoot()
    {
        var booked = Sign("numb-or-tingling-foot").Sign;

        Assert.Contains("only if you have not injured your knee in the last two weeks and the foot is not weak", booked, StringComparison.Ordinal);
        Assert.Contains(RecentInjury, Sign("numb-or-weak-foot-after-injury").Sign, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walk 23: the footer's "a numb or weak foot after a recent injury" was read as not his by a
    /// runner with pins and needles three days after a twist ("numb" not his word, "recent" not
    /// defined). The short form names tingling and the two weeks.
    /// </summary>
    [Fact]
    public void The999SignsShortFormNamesTinglingAndTheLastTwoWeeks() =>
        Assert.Equal("numbness, tingling (pins and needles) or a weak foot " + RecentInjury, Sign("numb-or-weak-foot-after-injury").Short);

    /// <summary>
    /// Walk 23: a 999 result for numbness after a knee injury showed the booked rule's message
    /// under "Also tell the clinician": "usually come from an irritated nerve" softened the
    /// emergency. No booked message about the foot or the calf says what it usually is.
    /// </summary>
    [Fact]
    public void NoBookedFootOrCalfMessageSaysWhatItUsuallyIs()
    {
        var reassuring = Shipped.WarningRules
            .Where(rule => rule.Urgency == Urgency.SeeClinician)
            .Where(rule => rule.Message.Contains("foot", StringComparison.OrdinalIgnoreCase) || rule.Message.Contains("calf", StringComparison.OrdinalIgnoreCase))
            .Where(rule => rule.Message.Contains("usually", StringComparison.OrdinalIgnoreCase))
            .Select(rule => $"{rule.Id}: {rule.Message}")
            .ToList();

        Assert.True(reassuring.Count == 0, "A booked foot or calf message says what it usually is:\n" + string.Join('\n', reassuring));
        Assert.Contains("a doctor should find which", Shipped.WarningRules.Single(rule => rule.Id == "numb-or-tingling-foot").Message, StringComparison.Ordinal);
    }
}
