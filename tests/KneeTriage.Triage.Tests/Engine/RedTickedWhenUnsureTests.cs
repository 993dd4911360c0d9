using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The calf's "Red or darker than usual" tells a runner who cannot see redness on brown or black
/// skin to tick it (questions.yaml). That is safe only if a red tick never lowers the advice and
/// never pushes a clot down the list: over-triage when unsure is the house rule.
/// </summary>
public sealed class RedTickedWhenUnsureTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    /// <summary>The tester's runner: 44, a calf pull yesterday, the calf swollen, tender and hot; methotrexate; worst pain 8.</summary>
    private static AnswerSet Priya => SampleAnswers.Calm
        .With("age", 44).With("injury", "push-off").With("onset", "sudden").With("duration", "under-3-days")
        .With("pain-severity", 8).WithList("pain-location", "below-back")
        .WithList("infection-risk", "diabetes-or-weak-immunity").WithList("history", "arthritis");

    /// <summary>With red ticked: whether the rules send it to the same day (a red calf alone with no injury and no clot risk is not a clot rule's sign).</summary>
    public static TheoryData<string, string[], string, bool> CalfSigns => new()
    {
        { "after an injury, nothing else", [], "push-off", true },
        { "after an injury, swollen and tender", ["swollen", "tender"], "push-off", true },
        { "after an injury, swollen, tender and hot (Priya)", ["swollen", "tender", "warm"], "push-off", true },
        { "no injury, tender", ["tender"], "none", true },
        { "no injury, nothing else", [], "none", false },
    };

    [Theory]
    [MemberData(nameof(CalfSigns))]
    public void ARedTickNeverLowersTheAdviceNorPushesAClotDownTheList(string description, string[] signs, string injury, bool sameDay)
    {
        var without = Engine.Assess(Priya.With("injury", injury).WithList("calf-signs", signs));
        var with = Engine.Assess(Priya.With("injury", injury).WithList("calf-signs", [.. signs, "red"]));

        Assert.True(with.Urgency >= without.Urgency, $"{description}: ticking red lowered the advice from {without.Urgency} to {with.Urgency}.");
        Assert.True(!sameDay || with.Urgency >= Urgency.Urgent, $"{description}: a red calf was not seen the same day ({with.Urgency}).");
        Assert.Superset(without.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal), with.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal));
        var clot = with.LikelyCauses.Select((c, i) => (c.Id, Rank: i)).FirstOrDefault(c => c.Id == "deep-vein-thrombosis");
        Assert.True(!sameDay || clot.Id is not null, $"{description}: with a red calf, a clot is not among the causes.");
        var clotBefore = without.LikelyCauses.Select((c, i) => (c.Id, Rank: i)).FirstOrDefault(c => c.Id == "deep-vein-thrombosis");
        Assert.True(clotBefore.Id is null || (clot.Id is not null && clot.Rank <= clotBefore.Rank), $"{description}: ticking red moved a clot down from place {clotBefore.Rank + 1} to {clot.Rank + 1}.");
    }
}
