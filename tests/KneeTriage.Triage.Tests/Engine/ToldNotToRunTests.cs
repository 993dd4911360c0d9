using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// One voice about running: a result that tells the runner not to run (a torn ligament, a stress
/// fracture at the hip, a clot) shows no line that says how to run, not in the action and not on any
/// cause's card. The book-appointment action then says "do not run" instead of the pain rule.
/// </summary>
public sealed partial class ToldNotToRunTests
{
    private const int Seed = 20261207;
    private const int Count = 3000;

    private const string BookAppointmentStopLine = "Until then, do not run, and avoid the movements that hurt.";

    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;

    /// <summary>Every line the knowledge base marks as telling the runner not to run.</summary>
    private static readonly HashSet<string> StopLines =
    [
        .. KnowledgeBase.Conditions.SelectMany(c => c.SelfCareSteps).Where(s => s.StopsRunning).Select(s => s.Words),
        .. KnowledgeBase.Advice.ActionLines.Values.SelectMany(lines => lines).Where(l => l.StopsRunning).Select(l => l.Words),
        .. KnowledgeBase.Advice.ActionLines.Values.SelectMany(lines => lines).Select(l => l.WhenNotRunning).OfType<string>(),
    ];

    /// <summary>Every line the knowledge base marks as saying how to run.</summary>
    private static readonly HashSet<string> RunningGuidance =
    [
        .. KnowledgeBase.Conditions.SelectMany(c => c.SelfCareSteps).Where(s => s.AboutRunning).Select(s => s.Words),
        .. KnowledgeBase.Advice.ActionLines.Values.SelectMany(lines => lines).Where(l => l.AboutRunning).Select(l => l.Words),
    ];

    private static IEnumerable<string> LinesShown(Advice advice) => advice.DoNow.Concat(advice.SelfCare.SelectMany(card => card.Steps));

    [Fact]
    public void NoGeneratedRunnerIsToldNotToRunAndHowToRunOnTheSameResult()
    {
        var toldNotToRun = 0;
        foreach (var answers in new AnswerSetGenerator(KnowledgeBase, Seed).Generate(Count))
        {
            var advice = ShippedRanking.Engine.Assess(answers).Advice;
            var lines = LinesShown(advice).ToList();
            if (!lines.Any(StopLines.Contains))
            {
                continue;
            }

            toldNotToRun++;
            Assert.True(advice.ToldNotToRun, "A result with a stop line is not marked as told not to run: " + string.Join(" | ", lines));
            var guidance = lines.Where(line => RunningGuidance.Contains(line) || PainDuringARun().IsMatch(line)).ToList();
            Assert.True(guidance.Count == 0, $"Told not to run and how to run: {string.Join(" | ", guidance)}\nAll lines: {string.Join(" | ", lines)}");
        }

        // The property must be tested on real cases: book-appointment results with a ligament, a hip or a fracture card.
        Assert.True(toldNotToRun >= 50, $"Only {toldNotToRun} of {Count} generated results told the runner not to run.");
    }

    [Fact]
    public void TheSeventeenYearOldWithGroinPainAfterMoreRunningIsToldNotToRunAndNothingElse()
    {
        var assessment = ShippedRanking.Engine.Assess(GroinPainAfterMoreRunningAt(17));

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        Assert.Equal("hip-referred-pain", assessment.LikelyCauses[0].Id);
        Assert.Equal(BookAppointmentStopLine, assessment.Advice.DoNow[1]);
        var hip = Assert.Single(assessment.Advice.SelfCare, card => card.ConditionId == "hip-referred-pain");
        Assert.Contains(hip.Steps, step => step.StartsWith("Do not run until the hip has been checked.", StringComparison.Ordinal));
        AssertNoRunningGuidance(assessment.Advice);
    }

    [Fact]
    public void TheOverloadCardBesideTheHipLosesItsRunningStepsButKeepsTheRest()
    {
        var assessment = ShippedRanking.Engine.Assess(GroinPainAfterMoreRunningAt(17));

        var overload = Assert.Single(assessment.Advice.SelfCare, card => card.ConditionId == "overuse-overload");
        Assert.DoesNotContain(overload.Steps, step => step.StartsWith("Cut back how far and how hard you run", StringComparison.Ordinal));
        // "Lighter training" is running on: beside "do not run until the hip has been checked" it reads as leave to run (walk 9).
        Assert.DoesNotContain(overload.Steps, step => step.Contains("lighter training", StringComparison.Ordinal));
        Assert.Contains("Add strength work for hips, thighs and calves twice a week.", overload.Steps);
    }

    [Fact]
    public void TheThirtyYearOldWhoseKneeWasForcedStraightIsToldNotToRunAndNothingElse()
    {
        var assessment = ShippedRanking.Engine.Assess(KneeForcedStraightAt30.WithList("mechanical", "pop-at-injury"));

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        Assert.Equal("ligament-injury", assessment.LikelyCauses[0].Id);
        Assert.Equal(BookAppointmentStopLine, assessment.Advice.DoNow[1]);
        Assert.Contains(assessment.Advice.SelfCare[0].Steps, step => step.StartsWith("Do not run or play sport on it", StringComparison.Ordinal));
        Assert.DoesNotContain(LinesShown(assessment.Advice), line => line.Contains("Flat running is fine", StringComparison.Ordinal));
        AssertNoRunningGuidance(assessment.Advice);
    }

    [Fact]
    public void ASelfCareResultWithALigamentCardSaysDoNotRunInsteadOfReducingTheLoad()
    {
        // Without a pop or swelling the same knee is self-care, with the ligament's card beside it.
        var assessment = ShippedRanking.Engine.Assess(KneeForcedStraightAt30);

        Assert.Equal(Disposition.SelfCare, assessment.Disposition);
        Assert.Contains(assessment.Advice.SelfCare, card => card.ConditionId == "ligament-injury");
        Assert.True(assessment.Advice.ToldNotToRun);
        Assert.Contains("Do not run for now. Keep moving in ways that do not hurt.", assessment.Advice.DoNow);
        Assert.DoesNotContain("Reduce your running load rather than stopping all activity.", assessment.Advice.DoNow);
        AssertNoRunningGuidance(assessment.Advice);
    }

    [Fact]
    public void ABookedAppointmentWithNoStopLineKeepsThePainRule()
    {
        // The same groin pain at 55 is the hip's arthritis, whose line keeps to the pain rule.
        var assessment = ShippedRanking.Engine.Assess(GroinPainAfterMoreRunningAt(55));

        Assert.Equal(Disposition.BookAppointment, assessment.Disposition);
        Assert.False(assessment.Advice.ToldNotToRun);
        Assert.Equal("Until then, keep the pain during a run at 3 out of 10 or less, and avoid the movements that hurt.", assessment.Advice.DoNow[1]);
    }

    [Fact]
    public void EveryStopLineSaysDoNotRunAndNoRunningLineDoes()
    {
        // The flags are the engine's only guide: a stop line left unmarked would sit beside the pain rule again.
        Assert.All(StopLines, line => Assert.Matches(DoNotRun(), line));
        Assert.All(RunningGuidance, line => Assert.DoesNotMatch(DoNotRun(), line));
        var unmarked = KnowledgeBase.Conditions.SelectMany(c => c.SelfCareSteps)
            .Where(s => !s.StopsRunning && DoNotRun().IsMatch(s.Words))
            .Select(s => s.Words);
        Assert.Empty(unmarked);
    }

    [Fact]
    public void EveryStepWithThePainRuleForARunIsMarkedAsAboutRunning()
    {
        var unmarked = KnowledgeBase.Conditions.SelectMany(c => c.SelfCareSteps.Select(s => (c.Id, Step: s)))
            .Where(x => !x.Step.AboutRunning && PainDuringARun().IsMatch(x.Step.Words))
            .Select(x => $"{x.Id}: {x.Step.Words}");
        Assert.Empty(unmarked);
    }

    /// <summary>A knee forced straight two days ago, sharp pain behind it and at the back-outer corner, walking.</summary>
    private static AnswerSet KneeForcedStraightAt30 =>
        SampleAnswers.Calm.With("age", 30).With("injury", "overstretch").With("onset", "sudden").With("duration", "under-3-days")
            .With("pain-type", "sharp").With("pain-severity", 5).WithList("pain-location", "back-outer", "back-center").WithList("pain-triggers", "full-straighten", "downhill");

    /// <summary>A gradual ache at the front and inner knee with groin pain, during and after runs, after running further.</summary>
    private static AnswerSet GroinPainAfterMoreRunningAt(int age) =>
        SampleAnswers.Calm.With("age", age).With("duration", "2-to-6-weeks").WithList("pain-location", "front", "inner-side")
            .WithList("pain-triggers", "during-run", "after-run").With("hip-or-groin-pain", true).WithList("training-change", "more-distance");

    private static void AssertNoRunningGuidance(Advice advice)
    {
        var lines = LinesShown(advice).ToList();
        Assert.DoesNotContain(lines, line => line.Contains("3 out of 10", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, RunningGuidance.Contains);
    }

    /// <summary>The pain rule for a run, in the words the knowledge base uses for it.</summary>
    [GeneratedRegex(@"3 out of 10|Flat running is fine|how far and how hard you run|lighter training")]
    private static partial Regex PainDuringARun();

    [GeneratedRegex(@"\b[Dd]o not (run|exercise)\b|without running")]
    private static partial Regex DoNotRun();
}
