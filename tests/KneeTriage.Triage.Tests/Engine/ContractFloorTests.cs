using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// The contract's minimum rules (v1, v1.1 and v1.2), written out here from triage-contract.md and not
/// read from the knowledge base, checked over generated runners and over each of them with one
/// more warning sign: the engine may be more cautious than these floors, never less.
/// </summary>
public sealed class ContractFloorTests
{
    private const int Seed = 20261202;

    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(KnowledgeBase);

    private static bool RecentInjury(AnswerSet a) =>
        a.Choice("injury") is { } injury && injury != "none" && a.Choice("duration") is "under-3-days" or "3-to-14-days";

    /// <summary>The lowest urgency the contract allows for these answers, with the rule that sets it.</summary>
    public static (Urgency Floor, string Rule) ContractFloor(AnswerSet a)
    {
        var age = a.Integer("age") ?? 0;
        var injury = a.Choice("injury");
        // v1.2: hard-or-tight is not one of the "two or more calf signs" of the clot rule.
        var calfSigns = a.Choices("calf-signs").Count(sign => sign != "hard-or-tight");
        var anyCalfSign = a.Choices("calf-signs").Count > 0;
        var clotRisk = a.Choices("clot-risk").Count > 0;
        var duration = a.Choice("duration");
        var twoWeeksOrMore = duration is "2-to-6-weeks" or "over-6-weeks";
        var backPain = a.IsTrue("back-pain");
        var hipPain = a.IsTrue("hip-or-groin-pain");
        var infectionRisk = a.Choices("infection-risk").Any(risk => risk != "gout") || a.Has("history", "arthritis");
        var wholeKnee = a.Has("swelling", "whole-knee");
        var nightOrRest = a.Has("pain-triggers", "night") || a.Has("pain-triggers", "rest");
        var floors = new (bool Holds, Urgency Level, string Rule)[]
        {
            (a.IsTrue("breathless-or-chest-pain"), Urgency.Emergency, "breathlessness or chest pain"),
            (a.IsTrue("bladder-or-saddle") && backPain, Urgency.Emergency, "cauda equina (v1.2)"),
            (a.IsTrue("both-legs") && backPain, Urgency.Emergency, "sciatica in both legs (v1.2)"),
            (a.IsTrue("blood-thinners") && wholeKnee && RecentInjury(a), Urgency.Emergency, "bleeding into the joint (v1.2)"),
            (a.IsTrue("hot-red-knee") && infectionRisk, Urgency.Emergency, "hot red knee with an infection risk (v1.2)"),
            (hipPain && age < 16 && a.IsTrue("cannot-bear-weight"), Urgency.Emergency, "unstable slipped growth plate (v1.2)"),
            (a.IsTrue("bladder-or-saddle"), Urgency.Urgent, "bladder or saddle without back pain (v1.2)"),
            (hipPain && age < 16, Urgency.Urgent, "hip or groin pain under 16 (v1.2)"),
            (a.IsTrue("fever") && infectionRisk, Urgency.Urgent, "fever with an infection risk (v1.2)"),
            (a.IsTrue("blood-thinners") && wholeKnee && injury == "none", Urgency.Urgent, "swollen knee on a blood thinner (v1.2)"),
            (age < 25 && nightOrRest && injury == "none" && twoWeeksOrMore, Urgency.Urgent, "unexplained bone pain under 25 (v1.2)"),
            (hipPain, Urgency.SeeClinician, "hip or groin pain (v1.2)"),
            (backPain && (a.Has("foot-signs", "numb-or-tingling") || a.Has("foot-signs", "weak-foot")), Urgency.SeeClinician, "back pain with foot signs (v1.2)"),
            (a.Has("mechanical", "catches-then-frees"), Urgency.SeeClinician, "catches then frees (v1.2)"),
            (age < 25 && nightOrRest && injury == "none", Urgency.SeeClinician, "night or rest pain under 25 (v1.2)"),
            (a.Has("foot-signs", "cold-or-pale"), Urgency.Emergency, "cold or pale foot"),
            (a.IsTrue("deformity"), Urgency.Emergency, "deformity"),
            (a.IsTrue("hot-red-knee") && a.IsTrue("fever"), Urgency.Emergency, "hot red knee with fever"),
            (a.IsTrue("not-settling-after-run"), Urgency.Emergency, "not settling after a run (v1.1)"),
            (a.IsTrue("cannot-lift-straight-leg") && RecentInjury(a), Urgency.Emergency, "straight leg after a recent injury (v1.1)"),
            (a.Has("foot-signs", "numb-or-tingling") && RecentInjury(a), Urgency.Emergency, "numbness after a recent injury (v1.1)"),
            (a.IsTrue("cannot-bear-weight"), Urgency.Urgent, "cannot bear weight"),
            (a.IsTrue("hot-red-knee"), Urgency.Urgent, "hot red knee"),
            (a.Has("mechanical", "locking"), Urgency.Urgent, "locking"),
            (injury == "blow-or-fall" && age > 50, Urgency.Urgent, "Pittsburgh"),
            (age >= 55 && injury is "twist" or "blow-or-fall" or "overstretch" or "landing" && RecentInjury(a), Urgency.Urgent, "Ottawa (v1.1)"),
            (a.Has("swelling", "whole-knee") && a.Choice("swelling-onset") == "within-2-hours", Urgency.Urgent, "swelling within 2 hours"),
            (a.Has("foot-signs", "weak-foot"), Urgency.Urgent, "weak foot"),
            ((calfSigns >= 2 && injury == "none") || ((anyCalfSign || a.Has("swelling", "calf")) && clotRisk), Urgency.Urgent, "suspected clot"),
            (a.Has("swelling", "pulsing-lump"), Urgency.Urgent, "pulsing lump (v1.1)"),
            ((a.Has("swelling", "calf") || a.Has("calf-signs", "swollen")) && injury == "none", Urgency.Urgent, "unexplained calf swelling (v1.1)"),
            (a.IsTrue("fever") && a.Has("swelling", "whole-knee"), Urgency.Urgent, "fever with a swollen knee (v1.1)"),
            (a.Choices("mechanical").Intersect(["giving-way", "catching", "painful-clicking", "pop-at-injury"]).Any(), Urgency.SeeClinician, "mechanical"),
            (a.Has("swelling", "whole-knee"), Urgency.SeeClinician, "whole-knee swelling (v1.1: whatever the injury)"),
            (a.Has("foot-signs", "numb-or-tingling"), Urgency.SeeClinician, "numbness"),
            (a.IsTrue("calf-cramp-on-exertion"), Urgency.SeeClinician, "calf cramp on exertion"),
            (a.Has("swelling", "lump-behind-knee") || a.Has("swelling", "calf"), Urgency.SeeClinician, "lump or calf swelling"),
            (a.IsTrue("fever"), Urgency.SeeClinician, "fever"),
            ((a.Has("pain-triggers", "night") || a.Has("pain-triggers", "rest")) && twoWeeksOrMore, Urgency.SeeClinician, "night or rest pain for two weeks"),
            (duration == "over-6-weeks", Urgency.SeeClinician, "over six weeks"),
            (duration == "2-to-6-weeks" && (a.Integer("pain-severity") ?? 0) >= 5, Urgency.SeeClinician, "two to six weeks at 5 or more"),
            ((a.Integer("pain-severity") ?? 0) >= 8, Urgency.SeeClinician, "severity 8 or more"),
        };

        return floors.Where(f => f.Holds).Select(f => (f.Level, f.Rule)).DefaultIfEmpty((Urgency.SelfCare, "none")).MaxBy(f => f.Item1);
    }

    private static IEnumerable<AnswerSet> RunnersAndEachWithOneMoreWarning()
    {
        var warningQuestions = ShippedKnowledgeBase.AllWarningQuestions;
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed).Generate(600))
        {
            yield return answers;
            foreach (var question in warningQuestions)
            {
                if (question.Type == QuestionType.Boolean && !answers.IsTrue(question.Id))
                {
                    yield return answers.With(question.Id, new BooleanAnswer(true));
                }
                else if (question.Type == QuestionType.Many)
                {
                    foreach (var option in question.Options.Where(o => !answers.Has(question.Id, o.Value)))
                    {
                        yield return answers.With(question.Id, new ListAnswer([.. answers.Choices(question.Id), option.Value]));
                    }
                }
            }
        }
    }

    [Fact]
    public void NoRunnerIsTriagedBelowTheContractsFloorEvenWithAWarningAdded()
    {
        var raisedFloors = new HashSet<string>();
        foreach (var answers in RunnersAndEachWithOneMoreWarning())
        {
            var (floor, rule) = ContractFloor(answers);
            var urgency = Engine.Assess(answers).Urgency;

            Assert.True(urgency >= floor, $"The contract's '{rule}' needs at least {floor.ToContractId()}; the engine said {urgency.ToContractId()} for {string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}"))}.");
            raisedFloors.Add(rule);
        }

        Assert.True(raisedFloors.Count >= 25, $"Only {raisedFloors.Count} of the contract's floors were exercised: {string.Join(", ", raisedFloors)}.");
    }

    [Fact]
    public void AVersionOneRunnerWithoutTheNewQuestionsMeetsEveryVersionOneFloor()
    {
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed + 1).Generate(600))
        {
            var v1 = answers.Without("not-settling-after-run").Without("cannot-lift-straight-leg");
            var (floor, rule) = ContractFloor(v1);

            Assert.True(Engine.Assess(v1).Urgency >= floor, $"A v1 answer set fell below the contract's '{rule}'.");
        }
    }
}
