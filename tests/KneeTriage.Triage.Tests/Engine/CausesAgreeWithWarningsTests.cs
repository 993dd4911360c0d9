using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Contract v1.1, "Causes agree with the warning signs": a raised warning that points at a
/// condition puts it in the first three (first where the table says so), and its reasons name the
/// warning. The table is written out here from the contract, independently of the knowledge base's
/// pointers, and checked over many generated runners.
/// </summary>
public sealed class CausesAgreeWithWarningsTests
{
    private const int Seed = 20261201;

    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(KnowledgeBase);

    private static AnswerSet Recent(AnswerSet answers, string injury) =>
        answers.With("injury", new TextAnswer(injury)).With("onset", new TextAnswer("sudden")).With("duration", new TextAnswer("under-3-days"));

    /// <summary>One row of the contract's table: how to raise the warning, the condition it points at, and whether first.</summary>
    public static TheoryData<string, string, bool> TableRows => new()
    {
        { "breathless-with-calf-signs", "deep-vein-thrombosis", true },
        { "unexplained-calf-swelling", "deep-vein-thrombosis|bakers-cyst", false },
        { "hot-red-knee-with-fever", "septic-arthritis", true },
        { "fever-with-swollen-knee", "septic-arthritis", false },
        { "foot-drop", "nerve-irritation", false },
        { "numbness-without-injury", "nerve-irritation", false },
        { "cold-pale-foot-without-injury", "popliteal-artery-entrapment", false },
        { "calf-cramp-on-exertion", "popliteal-artery-entrapment", false },
        { "not-settling-after-run", "popliteal-artery-entrapment", false },
        { "locking", "meniscus-tear", false },
        { "swelling-within-2-hours", "ligament-injury", false },
        { "pittsburgh", "fracture", false },
        { "ottawa", "fracture", false },
        { "deformity", "fracture", false },
        { "cannot-bear-weight-after-injury", "fracture", false },
        { "cannot-bear-weight-without-injury", "fracture", false },
        { "night-pain-two-weeks", "fracture", false },
        { "cannot-lift-straight-leg", "knee-tendon-rupture", true },
        { "pulsing-lump", "popliteal-artery-aneurysm", true },
    };

    private static AnswerSet Raise(string row, AnswerSet a) => row switch
    {
        "breathless-with-calf-signs" => a.With("breathless-or-chest-pain", true).WithList("calf-signs", "swollen", "tender"),
        "unexplained-calf-swelling" => a.With("injury", "none").WithList("swelling", "calf").With("swelling-onset", "gradual"),
        "hot-red-knee-with-fever" => a.With("hot-red-knee", true).With("fever", true),
        "fever-with-swollen-knee" => a.With("fever", true).WithList("swelling", "whole-knee").With("swelling-onset", "gradual"),
        "foot-drop" => a.WithList("foot-signs", "weak-foot"),
        "numbness-without-injury" => a.With("injury", "none").WithList("foot-signs", "numb-or-tingling"),
        "cold-pale-foot-without-injury" => a.With("injury", "none").WithList("foot-signs", "cold-or-pale"),
        "calf-cramp-on-exertion" => a.With("calf-cramp-on-exertion", true),
        "not-settling-after-run" => a.With("not-settling-after-run", true),
        "locking" => a.WithList("mechanical", "locking"),
        "swelling-within-2-hours" => Recent(a, "twist").WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours"),
        "pittsburgh" => a.With("injury", "blow-or-fall").With("age", 62),
        "ottawa" => Recent(a, "twist").With("age", 58),
        "deformity" => a.With("deformity", true),
        "cannot-bear-weight-after-injury" => Recent(a, "landing").With("cannot-bear-weight", true),
        "cannot-bear-weight-without-injury" => a.With("injury", "none").With("cannot-bear-weight", true),
        "night-pain-two-weeks" => a.WithList("pain-triggers", "night").With("duration", "2-to-6-weeks"),
        "cannot-lift-straight-leg" => Recent(a, "blow-or-fall").With("cannot-lift-straight-leg", true),
        "pulsing-lump" => a.WithList("swelling", "pulsing-lump").With("swelling-onset", "gradual"),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Not a row of the table."),
    };

    /// <summary>Runners with pain and no warning sign yet, so each row is tested on its own.</summary>
    private static IEnumerable<AnswerSet> CalmRunners()
    {
        var warningQuestions = ShippedKnowledgeBase.WarningQuestions;
        foreach (var generated in new AnswerSetGenerator(KnowledgeBase, Seed).Generate(600))
        {
            var answers = generated.Without("swelling").Without("swelling-onset").Without("mechanical")
                .With("pain-type", "dull-ache").With("pain-severity", 4).With("duration", "3-to-14-days")
                .WithList("pain-triggers", "after-run");
            foreach (var question in warningQuestions)
            {
                answers = question.Type == QuestionType.Boolean ? answers.With(question.Id, false) : answers.Without(question.Id);
            }

            yield return answers;
        }
    }

    [Theory]
    [MemberData(nameof(TableRows))]
    public void AWarningPutsTheConditionItPointsAtInTheFirstThreeAndNamesItself(string row, string conditions, bool first)
    {
        var expected = conditions.Split('|');
        foreach (var calm in CalmRunners())
        {
            var assessment = Engine.Assess(Raise(row, calm));
            var ranked = assessment.LikelyCauses.Select(c => c.Id).ToList();
            var places = first ? 1 : 3;

            Assert.True(ranked.Take(places).Intersect(expected).Any(),
                $"'{row}' ({assessment.Urgency.ToContractId()}: {string.Join(", ", assessment.RedFlags.Select(f => f.Id))}) should put {conditions} {(first ? "first" : "in the first three")}; got {string.Join(", ", ranked)}.");
            var cause = assessment.LikelyCauses.First(c => expected.Contains(c.Id));
            Assert.True(assessment.RedFlags.Count > 0, $"'{row}' raised no warning.");
            Assert.False(cause.ReasonsFor.Count == 0 || string.IsNullOrWhiteSpace(cause.ReasonsFor[0]), $"'{row}': {cause.Id} gives no reason.");
        }
    }

    [Fact]
    public void AnEmergencyAlwaysListsFirstACauseItsWarningPointsAt()
    {
        var checkedEmergencies = 0;
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed + 1).Generate(3000))
        {
            var assessment = Engine.Assess(answers);
            if (assessment.Urgency != Urgency.Emergency || assessment.LikelyCauses.Count == 0)
            {
                continue;
            }

            var pointedAt = KnowledgeBase.WarningRules
                .Where(rule => rule.Urgency == Urgency.Emergency && assessment.RedFlags.Any(f => f.Id == rule.Id))
                .SelectMany(rule => rule.PointsTo.Where(p => p.When?.IsMetBy(answers) ?? true))
                .Select(p => p.ConditionId)
                .ToHashSet();
            Assert.True(pointedAt.Contains(assessment.LikelyCauses[0].Id),
                $"Under an emergency ({string.Join(", ", assessment.RedFlags.Where(f => f.Urgency == Urgency.Emergency).Select(f => f.Id))}) the first cause is {assessment.LikelyCauses[0].Id}, which no emergency warning points at.");
            checkedEmergencies++;
        }

        Assert.True(checkedEmergencies > 200, $"Only {checkedEmergencies} emergencies were generated.");
    }

    [Fact]
    public void EveryEmergencyRulePointsAtWhatItWarnsOf()
    {
        foreach (var rule in KnowledgeBase.WarningRules.Where(r => r.Urgency == Urgency.Emergency))
        {
            Assert.True(rule.PointsTo.Count > 0, $"The emergency rule '{rule.Id}' points at no cause.");
        }
    }

    [Fact]
    public void ATornTendonComesFirstEvenWhenTheRunnerAlsoCannotWalk()
    {
        var answers = Recent(SampleAnswers.Calm, "blow-or-fall").With("age", 60).With("cannot-lift-straight-leg", true).With("cannot-bear-weight", true)
            .WithList("pain-location", "front").WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours");

        var causes = Engine.Assess(answers).LikelyCauses.Select(c => c.Id).ToList();

        Assert.Equal("knee-tendon-rupture", causes[0]);
        Assert.Contains("fracture", causes.Take(3));
    }

    [Fact]
    public void RaisedWarningsPointAtCausesThatAreListedWithTheWarningAsTheirFirstReason()
    {
        var checkedPointers = 0;
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed + 2).Generate(3000))
        {
            var assessment = Engine.Assess(answers);
            if (assessment.LikelyCauses.Count == 0)
            {
                continue;
            }

            var pointers = KnowledgeBase.WarningRules
                .Where(rule => assessment.RedFlags.Any(f => f.Id == rule.Id))
                .SelectMany(rule => rule.PointsTo.Where(p => p.When?.IsMetBy(answers) ?? true))
                .ToList();
            var ranked = assessment.LikelyCauses.Select(c => c.Id).ToList();
            if (pointers.Select(p => p.ConditionId).Distinct().Count() <= 3)
            {
                foreach (var pointer in pointers)
                {
                    Assert.True(ranked.Take(3).Contains(pointer.ConditionId),
                        $"{string.Join(", ", assessment.RedFlags.Select(f => f.Id))} point at {pointer.ConditionId}, ranked {string.Join(", ", ranked)}.");
                    checkedPointers++;
                }
            }

            foreach (var pointer in pointers.Where(p => ranked.Contains(p.ConditionId)))
            {
                var cause = assessment.LikelyCauses.Single(c => c.Id == pointer.ConditionId);
                Assert.Contains(pointer.Reason, cause.ReasonsFor);
            }
        }

        Assert.True(checkedPointers > 1000, $"Only {checkedPointers} pointers were checked.");
    }
}
