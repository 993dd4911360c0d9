using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Knowledge;

public sealed class ShippedKnowledgeBaseTests
{
    private static readonly string[] ContractConditions =
    [
        "hamstring-tendinopathy", "calf-strain", "popliteus-tendinopathy", "bakers-cyst", "meniscus-tear",
        "ligament-injury", "overuse-overload", "knee-osteoarthritis", "patellofemoral-pain", "itb-syndrome",
        "deep-vein-thrombosis", "popliteal-artery-entrapment", "nerve-irritation", "septic-arthritis", "fracture",
    ];

    [Fact]
    public void TheShippedKnowledgeBaseLoadsWithAShortHexVersion()
    {
        var knowledgeBase = ShippedKnowledgeBase.Instance;

        Assert.Matches("^[0-9a-f]{12}$", knowledgeBase.Version);
    }

    [Fact]
    public void EveryContractConditionIsKnownAndLinksToItsArticleAnchor()
    {
        var knowledgeBase = ShippedKnowledgeBase.Instance;

        foreach (var id in ContractConditions)
        {
            var condition = knowledgeBase.FindCondition(id);
            Assert.True(condition is not null, $"The contract condition '{id}' is missing from conditions.yaml.");
            Assert.Equal($"/article/causes#{id}", condition.LearnMore);
            Assert.NotEmpty(condition.SelfCare);
        }
    }

    [Fact]
    public void TheWarningSignsSayWhatEachLevelMeansHighestFirst()
    {
        var groups = ShippedKnowledgeBase.Instance.WarningSigns;

        Assert.Equal([Urgency.Emergency, Urgency.Urgent, Urgency.SeeClinician], groups.Select(g => g.Urgency));
        Assert.Contains("999", groups[0].Heading, StringComparison.Ordinal);
        Assert.Contains("today", groups[1].Heading, StringComparison.Ordinal);
        Assert.DoesNotContain("999", groups[1].Heading, StringComparison.Ordinal);
        Assert.DoesNotContain("111", groups[0].Heading + groups[0].Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEmergencyAndUrgentRuleIsSummedUpByASignOfItsOwnLevel()
    {
        var knowledgeBase = ShippedKnowledgeBase.Instance;

        foreach (var rule in knowledgeBase.WarningRules.Where(r => r.Urgency >= Urgency.Urgent))
        {
            var signs = knowledgeBase.WarningSignsFor(rule.Urgency)!.Signs.Where(s => s.Rules.Contains(rule.Id)).ToList();
            Assert.True(signs.Count > 0, $"No {rule.Urgency} warning sign sums up the rule '{rule.Id}'.");
        }
    }
}
