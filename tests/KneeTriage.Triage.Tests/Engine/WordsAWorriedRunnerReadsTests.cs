using System.Text.RegularExpressions;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Issues #22 and #24: words readers who knew only a runner's story found wrong on real results.
/// Each test fails on the old words or behaviour.
/// </summary>
public sealed partial class WordsAWorriedRunnerReadsTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;
    private static readonly TriageEngine Engine = new(Shipped);

    [Fact]
    public void AYoungRunnersLinesOnTheHipCardAreNotShownToA62YearOld()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("age", 62).With("hip-or-groin-pain", true));

        var hip = Assert.Single(assessment.Advice.SelfCare, a => a.ConditionId == "hip-referred-pain");
        Assert.NotEmpty(hip.Steps);
        Assert.All(hip.Steps, step => Assert.DoesNotContain("16", step, StringComparison.Ordinal));
        Assert.All(hip.Steps, step => Assert.DoesNotContain("growth plate", step, StringComparison.Ordinal));
    }

    [Fact]
    public void EverySelfCareStepThatNamesAnAgeGroupIsShownOnlyAtThoseAges()
    {
        foreach (var condition in Shipped.Conditions)
        {
            foreach (var step in condition.SelfCareSteps.Where(s => AgeGroup().IsMatch(s.Words)))
            {
                Assert.True(step.OnlyWhen is not null, $"{condition.Id}: '{step.Words}' speaks to an age group but is shown at every age");
            }
        }
    }

    [Fact]
    public void ASelfCareResultDoesNotListAClotItWouldLeaveWithoutAnAction()
    {
        // The walkers' runner: a calf strain with a tender calf, self-care, "also possible: blood clot".
        var assessment = Engine.Assess(SampleAnswers.Calm.With("injury", "push-off").With("onset", "sudden").WithList("pain-location", "below-back").WithList("calf-signs", "tender"));

        Assert.Equal(Disposition.SelfCare, assessment.Disposition);
        Assert.DoesNotContain(assessment.LikelyCauses, c => c.Id == "deep-vein-thrombosis");
    }

    [Fact]
    public void NoResultListsACauseThatNeedsMoreThanItsActionUnlessAWarningNamesIt()
    {
        var needsMore = Shipped.Conditions.Where(c => c.NotListedBelow is not null).ToDictionary(c => c.Id, c => c.NotListedBelow!.Value);
        Assert.Contains("deep-vein-thrombosis", needsMore.Keys);

        foreach (var answers in new AnswerSetGenerator(Shipped, 20261207).Generate(400))
        {
            var assessment = Engine.Assess(answers);
            var named = assessment.RedFlags.SelectMany(f => Shipped.WarningRules.Single(r => r.Id == f.Id).PointsTo).Select(p => p.ConditionId).ToHashSet();
            foreach (var cause in assessment.LikelyCauses.Where(c => needsMore.TryGetValue(c.Id, out var least) && least > assessment.Disposition && !named.Contains(c.Id)))
            {
                Assert.Fail($"'{cause.Id}' is listed on a {assessment.Disposition.ToContractId()} result with no warning naming it");
            }
        }
    }

    [Fact]
    public void ARunnerWithPainFromTheBackIsNotToldAboutAnArtery()
    {
        // Back pain with a numb foot: the finding beside the sciatica card named "a squeezed artery".
        var assessment = Engine.Assess(SampleAnswers.Calm.With("back-pain", true).WithList("foot-signs", "numb-or-tingling").With("pain-type", "burning-or-tingling"));

        Assert.Contains(assessment.LikelyCauses, c => c.Id == "lumbar-referred-pain");
        Assert.All(assessment.RedFlags, f => Assert.DoesNotContain("artery", f.Finding, StringComparison.OrdinalIgnoreCase));
        Assert.All(assessment.LikelyCauses.Single(c => c.Id == "lumbar-referred-pain").ReasonsFor, r => Assert.DoesNotContain("artery", r, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheAdviceShownBesideEveryCardNamesNoRecoveryTimeOfItsOwn()
    {
        // "Most knee pain gets better within 6 to 12 weeks" sat beside a card's "about 2 weeks":
        // each condition's card gives its own time frame, the general advice none.
        foreach (var disposition in new[] { Disposition.SelfCare, Disposition.BookAppointment })
        {
            Assert.All(Shipped.Advice.Action[disposition], line => Assert.False(RecoveryTime().IsMatch(line), $"{disposition.ToContractId()}: '{line}' names a recovery time"));
        }
    }

    [GeneratedRegex(@"under 1\d|over \d\d|older runners|young runners|children", RegexOptions.IgnoreCase)]
    private static partial Regex AgeGroup();

    [GeneratedRegex(@"\d+ (to \d+ )?weeks", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryTime();
}
