using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Contract v1.2: when two raised rules each name a first cause, the first is the one higher in
/// the contract's order (deep-vein-thrombosis when breathless, popliteal-artery-entrapment,
/// compartment-syndrome, lumbar-referred-pain, septic-arthritis, knee-tendon-rupture,
/// popliteal-artery-aneurysm, hip-referred-pain); the other stays in the first three. Written out
/// from the contract, not read from the engine. And a raised rule lists its cause even when the
/// runner ticked "no pain".
/// </summary>
public sealed class FirstCauseOrderTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    private static AnswerSet Calm => SampleAnswers.Calm;

    private static AnswerSet Recent(AnswerSet answers, string injury) =>
        answers.With("injury", injury).With("onset", "sudden").With("duration", "under-3-days");

    /// <summary>How to raise a rule that names each first cause, on a calm runner.</summary>
    private static AnswerSet RaiseFirst(string condition, AnswerSet a) => condition switch
    {
        "deep-vein-thrombosis" => a.With("breathless-or-chest-pain", true),
        "popliteal-artery-entrapment" => a.WithList("foot-signs", "cold-or-pale"),
        "compartment-syndrome" => a.With("not-settling-after-run", true),
        "lumbar-referred-pain" => a.With("back-pain", true).With("both-legs", true),
        "septic-arthritis" => a.With("fever", true).WithList("infection-risk", "diabetes-or-weak-immunity"),
        "knee-tendon-rupture" => Recent(a, "blow-or-fall").With("age", 40).With("cannot-lift-straight-leg", true),
        "popliteal-artery-aneurysm" => a.WithList("swelling", "pulsing-lump").With("swelling-onset", "gradual"),
        "hip-referred-pain" => a.With("age", 13).With("hip-or-groin-pain", true),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "No rule names this cause first."),
    };

    /// <summary>Pairs in the contract's order: the first of each pair must lead.</summary>
    public static TheoryData<string, string> Pairs => new()
    {
        { "deep-vein-thrombosis", "lumbar-referred-pain" },
        { "deep-vein-thrombosis", "popliteal-artery-entrapment" },
        { "popliteal-artery-entrapment", "compartment-syndrome" },
        { "popliteal-artery-entrapment", "lumbar-referred-pain" },
        { "deep-vein-thrombosis", "hip-referred-pain" },
        { "compartment-syndrome", "lumbar-referred-pain" },
        { "compartment-syndrome", "septic-arthritis" },
        { "lumbar-referred-pain", "septic-arthritis" },
        { "lumbar-referred-pain", "knee-tendon-rupture" },
        { "septic-arthritis", "knee-tendon-rupture" },
        { "septic-arthritis", "hip-referred-pain" },
        { "knee-tendon-rupture", "popliteal-artery-aneurysm" },
        { "popliteal-artery-aneurysm", "hip-referred-pain" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TheCauseHigherInTheContractsOrderLeadsAndTheOtherStaysInTheFirstThree(string higher, string lower)
    {
        foreach (var answers in new[] { RaiseFirst(lower, RaiseFirst(higher, Calm)), RaiseFirst(higher, RaiseFirst(lower, Calm)) })
        {
            var causes = Engine.Assess(answers).LikelyCauses.Select(c => c.Id).ToList();

            Assert.True(causes.Count >= 2 && causes[0] == higher && causes.Take(3).Contains(lower),
                $"Expected {higher} first and {lower} in the first three, got {string.Join(", ", causes)}.");
        }
    }

    [Fact]
    public void AtFiftyAndOverAColdFootThatDoesNotSettlePutsTheCompartmentFirstWithBothArteriesInTheFirstThree()
    {
        // Entrapment is a young runner's cause (notes 1.17, typical age about 28); at 62 a clot from a
        // widened artery is as likely, so the cold foot names neither first and the compartment leads.
        var answers = RaiseFirst("compartment-syndrome", RaiseFirst("popliteal-artery-entrapment", Calm.With("age", 62)));

        var causes = Engine.Assess(answers).LikelyCauses.Select(c => c.Id).Take(3).ToList();

        Assert.Equal("compartment-syndrome", causes[0]);
        Assert.Contains("popliteal-artery-entrapment", causes);
        Assert.Contains("popliteal-artery-aneurysm", causes);
    }

    [Fact]
    public void BladderOrSaddleSignsWithoutBackPainPutTheSpineFirstOverAnAcheThatFitsOverload()
    {
        // Notes 7.1: cauda equina can begin with little back pain, and no knee cause explains these
        // signs; a steady ache on runs that fits overload must not lead above it.
        var answers = Calm.With("age", 46).With("pain-severity", 4).With("duration", "2-to-6-weeks")
            .WithList("pain-triggers", "during-run").With("back-pain", false).With("bladder-or-saddle", true);

        var causes = Engine.Assess(answers).LikelyCauses.Select(c => c.Id).ToList();

        Assert.Equal("lumbar-referred-pain", causes[0]);
    }

    [Fact]
    public void BladderOrSaddleSignsWithoutBackPainGiveTheSpineNoReasonAgainstFromTheMissingBackPain()
    {
        // A walker read "…usually comes with low back pain…, which you did not report" under the
        // cause to rule out today as "so it is not that"; 7.1: cauda equina can begin with little back pain.
        var answers = Calm.With("age", 46).With("back-pain", false).With("bladder-or-saddle", true);

        var spine = Engine.Assess(answers).LikelyCauses.Single(c => c.Id == "lumbar-referred-pain");

        Assert.DoesNotContain(spine.ReasonsAgainst, reason => reason.Contains("low back pain", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUrgentRulesFirstCauseLeadsAnEmergencysOtherCauses()
    {
        // Under 16 with hip pain (urgent, the hip first) and a leg that looks out of shape (emergency,
        // a fracture in the first three): the table's "first" holds whatever the level of its rule.
        var causes = Engine.Assess(RaiseFirst("hip-referred-pain", Calm).With("deformity", true)).LikelyCauses.Select(c => c.Id).ToList();

        Assert.Equal("hip-referred-pain", causes[0]);
        Assert.Contains("fracture", causes.Take(3));
    }

    [Fact]
    public void AFallAt60WithNoPainListsTheFractureTheRuleRaised()
    {
        var answers = SampleAnswers.NoPain.With("age", 60).With("injury", "blow-or-fall").With("onset", "sudden").With("duration", "under-3-days");

        var assessment = Engine.Assess(answers);

        Assert.Contains(assessment.RedFlags, f => f.Id == "pittsburgh-knee-rule");
        Assert.Equal(["fracture"], assessment.LikelyCauses.Select(c => c.Id));
        Assert.Contains("Pittsburgh", assessment.LikelyCauses[0].ReasonsFor[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NoPainAndNoSignStillListsNoCause() =>
        Assert.Empty(Engine.Assess(SampleAnswers.NoPain).LikelyCauses);

    [Fact]
    public void NoPainWithASeeClinicianRuleThatPointsNowhereListsNoCause()
    {
        // Painless clicking for over six weeks raises "long-lasting pain", which names no cause.
        var assessment = Engine.Assess(SampleAnswers.NoPain.With("duration", "over-6-weeks").WithList("mechanical", "painless-clicking"));

        Assert.NotEmpty(assessment.RedFlags);
        Assert.Empty(assessment.LikelyCauses);
    }
}
