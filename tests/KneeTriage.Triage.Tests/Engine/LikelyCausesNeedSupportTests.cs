using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Contract v1.2, "Causes in bands, not percentages": a band names a likely cause, and a page shows
/// the band without the share. Runners walking the form found a self-care result listing a blood
/// clot, compartment syndrome or artery entrapment as "also possible" at 2 to 3%, with nothing in
/// their answers pointing there. So a cause that no raised warning names is listed only with a share
/// of at least 5% and answers that, taken together, point toward it.
/// </summary>
public sealed class LikelyCausesNeedSupportTests
{
    private const int Seed = 20261206;

    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    [Fact]
    public void ASelfCareCalfAcheAfterHillsListsNoClotCompartmentOrArtery()
    {
        // A 38-year-old with a mild ache at the top of the calf after more hill running and tight calves.
        var answers = SampleAnswers.Calm.With("age", 38).WithList("pain-location", "below-back").WithList("pain-triggers", "after-run", "uphill")
            .WithList("training-change", "more-hills", "new-or-worn-shoes").WithList("tight-muscles", "calves");

        var assessment = Engine.Assess(answers);

        Assert.Equal(Urgency.SelfCare, assessment.Urgency);
        Assert.Contains(assessment.LikelyCauses, c => c.Id == "calf-strain");
        Assert.DoesNotContain(assessment.LikelyCauses, c => c.Id is "deep-vein-thrombosis" or "compartment-syndrome" or "popliteal-artery-entrapment");
    }

    [Fact]
    public void AClotIsStillListedWhenTheCalfSignsPointThere()
    {
        // The same ache with a swollen, warm calf and no injury: the clot rule names it, however small its share.
        var answers = SampleAnswers.Calm.WithList("pain-location", "below-back").WithList("calf-signs", "swollen", "warm");

        var clot = Assert.Single(Engine.Assess(answers).LikelyCauses, c => c.Id == "deep-vein-thrombosis");

        Assert.Equal(CauseBand.RuleOutNow, clot.Band);
    }

    [Fact]
    public void EveryCauseNoWarningNamesHasAShareWorthNamingAndAReasonForIt()
    {
        var rules = ShippedKnowledgeBase.Instance.WarningRules;
        foreach (var answers in new AnswerSetGenerator(ShippedKnowledgeBase.Instance, Seed).Generate(1500))
        {
            var assessment = Engine.Assess(answers);
            var raised = assessment.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var named = rules.Where(r => raised.Contains(r.Id))
                .SelectMany(r => r.PointsTo.Where(p => p.When?.IsMetBy(answers) ?? true))
                .Select(p => p.ConditionId)
                .ToHashSet(StringComparer.Ordinal);

            foreach (var cause in assessment.LikelyCauses.Where(c => !named.Contains(c.Id)))
            {
                Assert.True(cause.Probability >= 0.05, $"{cause.Id} listed at {cause.Probability:0.000} with no warning naming it, for {answers}");
                Assert.True(cause.ReasonsFor.Count > 0, $"{cause.Id} listed with nothing pointing to it, for {answers}");
            }
        }
    }
}
