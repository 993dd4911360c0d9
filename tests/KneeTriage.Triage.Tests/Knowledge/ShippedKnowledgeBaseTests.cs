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
}
