using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Engine.Progress;

namespace KneeTriage.Triage.Tests.Engine.Progress;

/// <summary>The plain words the result page shows about what changed since the last check.</summary>
public sealed class CheckChangeTextTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static CheckChangeText TextFor(AnswerSet earlier, AnswerSet later)
    {
        var after = Engine.Assess(later);
        var change = CheckComparison.Compare(new(earlier, Engine.Assess(earlier)), new(later, after), ShippedKnowledgeBase.Instance);
        return CheckChangeText.For(change, ShippedKnowledgeBase.Instance.Advice, after.Disposition);
    }

    private static AnswerSet Calm => SampleAnswers.Calm;

    private static string ActionOf(Disposition disposition) => ShippedKnowledgeBase.Instance.Advice.Action[disposition][0];

    [Fact]
    public void PainIsShownBeforeAndAfterOutOfTen()
    {
        var text = TextFor(Calm.With("pain-severity", 6), Calm.With("pain-severity", 3));

        Assert.Contains("Pain 6/10 → 3/10", text.Lines);
        Assert.Null(text.GettingWorse);
    }

    [Fact]
    public void ANewWarningSignIsNamedAfterNewSinceYourLastCheck()
    {
        var text = TextFor(Calm, Calm.With("hot-red-knee", true));

        var line = Assert.Single(text.Lines, l => l.StartsWith("New since your last check: ", StringComparison.Ordinal));
        var sign = ShippedKnowledgeBase.Instance.WarningSigns.SelectMany(g => g.Signs).First(s => s.Rules.Contains("hot-red-knee"));
        Assert.Contains(sign.Sign, line, StringComparison.Ordinal);
    }

    [Fact]
    public void AWarningSignThatWentIsNamedAfterGone()
    {
        var text = TextFor(Calm.With("hot-red-knee", true), Calm);

        Assert.Contains(text.Lines, l => l.StartsWith("Gone since your last check: ", StringComparison.Ordinal));
        Assert.DoesNotContain(text.Lines, l => l.StartsWith("New since", StringComparison.Ordinal));
        Assert.Null(text.GettingWorse);
    }

    [Fact]
    public void AWorseningToUrgentGivesTheUrgentAdvice()
    {
        var text = TextFor(Calm, Calm.With("hot-red-knee", true));

        Assert.NotNull(text.GettingWorse);
        Assert.StartsWith("This is getting worse since your last check.", text.GettingWorse, StringComparison.Ordinal);
        Assert.EndsWith(ActionOf(Disposition.SameDay), text.GettingWorse, StringComparison.Ordinal);
        Assert.Contains("Urgency Self-care → Urgent", text.Lines);
    }

    [Fact]
    public void AWorseningToAnEmergencyGivesThatEmergencysAction()
    {
        var call = TextFor(Calm, Calm.With("breathless-or-chest-pain", true));
        var lift = TextFor(Calm, Calm.With("hot-red-knee", true).With("fever", true));

        Assert.EndsWith(ActionOf(Disposition.CallEmergencyNumber), call.GettingWorse, StringComparison.Ordinal);
        Assert.EndsWith(ActionOf(Disposition.GoToEmergencyDepartment), lift.GettingWorse, StringComparison.Ordinal);
    }

    [Fact]
    public void MorePainAtSelfCareSaysToSeeAClinician()
    {
        var text = TextFor(Calm.With("pain-severity", 2), Calm.With("pain-severity", 5));

        Assert.EndsWith(ActionOf(Disposition.BookAppointment), text.GettingWorse, StringComparison.Ordinal);
    }

    [Fact]
    public void SwellingAndStiffnessChangesAreWrittenOut()
    {
        var earlier = Calm.WithList("swelling", "lump-behind-knee").With("swelling-onset", "gradual");
        var later = Calm.With("stiffness", "after-sitting");

        var text = TextFor(earlier, later);

        Assert.Contains("Swelling gone: A lump in the hollow at the back of the knee", text.Lines);
        Assert.Contains("Stiffness No stiffness → Stiff after sitting", text.Lines);
        Assert.DoesNotContain(text.Lines, l => l.StartsWith("New swelling", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingChangedMeansOnlyThePainLine()
    {
        var text = TextFor(Calm, Calm);

        Assert.Equal(["Pain 3/10 → 3/10"], text.Lines);
        Assert.Null(text.GettingWorse);
    }
}
