using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A tester walked the guide's warning-sign lists and the result as worried runners. A runner
/// scanning the "next few days" list for permission to wait found "a swollen calf" and "a fever
/// with knee pain" there with no qualifier, though the lists above send a swollen calf with no
/// injury to today and a hot knee with a fever to A&amp;E; "severe" meant two things (999 and the
/// next few days); "has been severe for an hour" was read as severe yesterday; a 47-year-old was
/// told about young runners; one swollen calf read as two problems. These are the words that say
/// each plainly.
/// </summary>
public sealed class GuideListWordsTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static readonly TriageEngine Engine = new(Shipped);

    private static WarningSign Sign(string id) => Shipped.WarningSigns.SelectMany(group => group.Signs).Single(sign => sign.Id == id);

    private static string Message(string ruleId) => Shipped.WarningRules.Single(rule => rule.Id == ruleId).Message;

    [Theory]
    // A swollen calf is booked only after an injury, and a hot or red one is today's: said in a
    // sentence, in the check's words, with its "not sure" (a warm calf on brown skin read the
    // bracket "(not hot or red, …)" as hers).
    // Walk 23: "if you cannot tell, get seen today" ended a long sentence; it follows the calf at once.
    [InlineData("swelling-or-lump", "Or a calf that swelled after an injury. If you cannot tell whether it is hotter than the other calf, or red or darker than usual, get seen today: redness is harder to see on brown or black skin.")]
    [InlineData("swelling-or-lump", "The calf is on this list only if it is no hotter than the other calf, it is not red or darker than usual, and you have no higher clot risk")]
    // A swollen knee is today's with a fever, on a blood thinner, or swollen fast after an injury; hot, today or A&E.
    [InlineData("swelling-or-lump", "A swollen knee (not hot, no fever, no blood thinner, and not swollen within two hours of an")]
    [InlineData("swelling-or-lump", "or a lump behind the knee (not pulsing, and no higher clot risk).")]
    // Walk 23: "with no injury or for two weeks or more" did not say which combination the rules mean.
    [InlineData("rest-or-night-pain", "Pain at rest or at night with no injury, however long it has lasted, or after an injury once it has lasted two weeks or more")]
    // A fever is today's with a swollen knee or an infection risk, A&E with a hot knee.
    [InlineData("fever", "A fever or feeling unwell when the knee is neither hot nor swollen, and with no injection or")]
    // A pain score of 8 is 999 when still severe an hour after a run in a tight or hard calf: the
    // list's heading ("if no sign above fits") keeps that pain out, since walk 21 read the sign's own
    // "if it has since eased, or your calf is not tight or hard" as leave to wait with severe pain.
    [InlineData("severe-pain", "A worst pain score this week of 8 out of 10 or more")]
    public void EachBookedSignSaysWhatKeepsItAtTheNextFewDays(string signId, string words) =>
        Assert.Contains(words, Sign(signId).Sign.ReplaceLineEndings(" "), StringComparison.Ordinal);

    [Fact]
    public void The999PainSignAndTheBookedPainScoreCannotBeReadAsOneSign()
    {
        var emergency = Sign("calf-pain-not-settling");
        var booked = Sign("severe-pain");

        Assert.StartsWith("Calf or back-of-knee pain still severe after an hour or more of rest", emergency.Sign, StringComparison.Ordinal);
        Assert.Equal("calf pain still severe after an hour of rest, with a hard or tight calf", emergency.Short);
        // The check asks the same two facts: the list names what the check's first question asks.
        var part = Shipped.FindQuestion("not-settling-after-run")!.Parts.Single(p => p.Id == "severe-pain-after-run");
        Assert.Contains("still severe after an hour or more of rest", part.Text, StringComparison.Ordinal);
        Assert.All(new[] { emergency.Sign, emergency.Short!, booked.Sign }, words =>
            Assert.False(words.StartsWith("Severe", StringComparison.OrdinalIgnoreCase), $"\"{words}\" starts with \"severe\", as the other list's sign did"));
    }

    [Fact]
    public void TheSeverePainPartAsksOneFactInThePresentWithNoRunAssumed()
    {
        // "still severe now, an hour or more after your run, without easing" packed three facts and
        // assumed a run had just happened; "has been severe" was read as severe yesterday.
        var part = Shipped.FindQuestion("not-settling-after-run")!.Parts.Single(p => p.Id == "severe-pain-after-run");

        Assert.Equal("Is the pain in your calf or behind your knee still severe after an hour or more of rest?", part.Text);
        Assert.DoesNotContain("been severe", part.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("run", part.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(",", part.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBookedFeverSendsAHotKneeToAnEmergencyDepartmentNotTheSameDay()
    {
        var message = Message("fever");

        Assert.Contains("Go to an emergency department now if the knee turns hot", message.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("same day if the knee becomes hot", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHipFindingIsTrueAtEveryAgeItFiresAt()
    {
        var finding = WarningFinding.Of(Message("hip-or-groin-pain"));

        Assert.DoesNotContain("In young runners", finding, StringComparison.Ordinal);
        Assert.Contains("in an older one hip arthritis", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSwollenCalfReadsAsOneSwellingOnTheResult()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm
            .With("injury", "push-off").With("onset", "sudden").WithList("pain-location", "below-back")
            .WithList("swelling", "calf").With("swelling-onset", "within-2-hours").WithList("calf-signs", "swollen"));

        var findings = assessment.RedFlags.Where(flag => flag.Id is "lump-or-calf-swelling" or "swollen-calf").Select(flag => flag.Finding).ToList();
        Assert.Equal(2, findings.Count);
        Assert.DoesNotContain(findings, finding => finding.StartsWith("The swelling you reported", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Contains("it is the same swelling, not a second problem", StringComparison.Ordinal));
    }
}
