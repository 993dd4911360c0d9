using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Contract v1.1, "Causes agree with the warning signs", and v1.2, "Causes that agree with the new
/// rules": a raised warning that points at a condition puts it in the first three (first where the
/// table says so), and its reasons name the warning. The tables are written out here from the
/// contract, independently of the knowledge base's pointers, and checked over many generated
/// runners. v1.2 splits three v1.1 rows (the narrowed ids); their rows here follow v1.2.
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
        { "calf-cramp-on-exertion", "compartment-syndrome", false },
        { "not-settling-after-run", "compartment-syndrome", true },
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

        // Contract v1.2.
        { "cauda-equina", "lumbar-referred-pain", true },
        { "sciatica-both-legs", "lumbar-referred-pain", true },
        { "back-pain-with-numb-foot", "lumbar-referred-pain", false },
        { "back-pain-with-weak-foot", "lumbar-referred-pain", false },
        { "foot-drop-with-back-pain", "nerve-irritation|lumbar-referred-pain", false },
        { "numbness-without-injury-with-back-pain", "nerve-irritation|lumbar-referred-pain", false },
        { "hip-pain-under-16", "hip-referred-pain", true },
        { "hip-pain-under-16-cannot-walk", "hip-referred-pain", true },
        { "young-night-pain-two-weeks", "fracture|hip-referred-pain", false },
        { "bleeding-after-injury-on-blood-thinners", "ligament-injury|fracture", false },
        { "hot-red-knee-with-injection", "septic-arthritis", true },
        { "hot-red-knee-with-replacement", "septic-arthritis", true },
        { "hot-red-knee-with-arthritis", "septic-arthritis", true },
        { "fever-with-diabetes", "septic-arthritis", true },
        { "hot-red-knee-with-gout", "inflammatory-arthritis", false },
        { "hot-red-knee-with-gout", "septic-arthritis", false },
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
        "cauda-equina" => a.With("back-pain", true).With("bladder-or-saddle", true),
        "sciatica-both-legs" => a.With("back-pain", true).With("both-legs", true),
        "back-pain-with-numb-foot" => a.With("back-pain", true).WithList("foot-signs", "numb-or-tingling"),
        "back-pain-with-weak-foot" => a.With("back-pain", true).WithList("foot-signs", "weak-foot"),
        "foot-drop-with-back-pain" => a.With("back-pain", true).WithList("foot-signs", "weak-foot"),
        "numbness-without-injury-with-back-pain" => a.With("back-pain", true).With("injury", "none").WithList("foot-signs", "numb-or-tingling"),
        "hip-pain-under-16" => a.With("hip-or-groin-pain", true).With("age", 13),
        "hip-pain-under-16-cannot-walk" => a.With("hip-or-groin-pain", true).With("age", 12).With("cannot-bear-weight", true),
        "young-night-pain-two-weeks" => a.With("age", 17).With("injury", "none").WithList("pain-triggers", "night").With("duration", "2-to-6-weeks"),
        "bleeding-after-injury-on-blood-thinners" => Recent(a, "twist").With("blood-thinners", true).WithList("swelling", "whole-knee").With("swelling-onset", "next-day"),
        "hot-red-knee-with-injection" => a.With("hot-red-knee", true).WithList("infection-risk", "joint-injection-or-surgery"),
        "hot-red-knee-with-replacement" => a.With("hot-red-knee", true).WithList("infection-risk", "joint-replacement"),
        "hot-red-knee-with-arthritis" => a.With("hot-red-knee", true).WithList("history", "arthritis"),
        "fever-with-diabetes" => a.With("fever", true).WithList("infection-risk", "diabetes-or-weak-immunity"),
        "hot-red-knee-with-gout" => a.With("hot-red-knee", true).WithList("infection-risk", "gout"),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Not a row of the table."),
    };

    /// <summary>Runners with pain and no warning sign yet, so each row is tested on its own.</summary>
    private static IEnumerable<AnswerSet> CalmRunners()
    {
        var warningQuestions = ShippedKnowledgeBase.AllWarningQuestions;
        foreach (var generated in new AnswerSetGenerator(KnowledgeBase, Seed).Generate(600))
        {
            var answers = generated.Without("swelling").Without("swelling-onset").Without("mechanical").Without("history")
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
        var checkedRunners = 0;
        foreach (var calm in CalmRunners())
        {
            var answers = Raise(row, calm);
            var assessment = Engine.Assess(answers);
            if (!first && PointedAt(answers, assessment).Count > WarningPlaces)
            {
                // More causes are pointed at than there are places (a recent injury adds the
                // emergency's and Ottawa's): the most urgent warnings' causes take them.
                continue;
            }

            checkedRunners++;
            var ranked = assessment.LikelyCauses.Select(c => c.Id).ToList();
            var places = first ? 1 : 3;

            Assert.True(ranked.Take(places).Intersect(expected).Any(),
                $"'{row}' ({assessment.Urgency.ToContractId()}: {string.Join(", ", assessment.RedFlags.Select(f => f.Id))}) should put {conditions} {(first ? "first" : "in the first three")}; got {string.Join(", ", ranked)}.");
            var cause = assessment.LikelyCauses.First(c => expected.Contains(c.Id));
            Assert.True(assessment.RedFlags.Count > 0, $"'{row}' raised no warning.");
            Assert.False(cause.ReasonsFor.Count == 0 || string.IsNullOrWhiteSpace(cause.ReasonsFor[0]), $"'{row}': {cause.Id} gives no reason.");
        }

        Assert.True(checkedRunners >= 300, $"'{row}' was checked on only {checkedRunners} runners.");
    }

    private const int WarningPlaces = 3;

    private static HashSet<string> PointedAt(AnswerSet answers, Assessment assessment) =>
        [.. KnowledgeBase.WarningRules
            .Where(rule => assessment.RedFlags.Any(f => f.Id == rule.Id))
            .SelectMany(rule => rule.PointsTo.Where(p => p.When?.IsMetBy(answers) ?? true))
            .Select(p => p.ConditionId)];

    /// <summary>
    /// Under an emergency the first cause is one an emergency warning points at, or one a raised
    /// warning puts first (contract v1.2: a first cause leads whatever the level of its rule).
    /// </summary>
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
                .Where(rule => assessment.RedFlags.Any(f => f.Id == rule.Id))
                .SelectMany(rule => rule.PointsTo.Where(p => (p.When?.IsMetBy(answers) ?? true) && (rule.Urgency == Urgency.Emergency || p.First)))
                .Select(p => p.ConditionId)
                .ToHashSet();
            Assert.True(pointedAt.Contains(assessment.LikelyCauses[0].Id),
                $"Under an emergency ({string.Join(", ", assessment.RedFlags.Select(f => f.Id))}) the first cause is {assessment.LikelyCauses[0].Id}, which no emergency warning points at and no warning puts first.");
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
