using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// A worried runner reads the words beside an urgent or emergency action as the likely story.
/// "A hot knee can be an infection or gout", "it is most often a stress fracture" and "overload
/// pain is usually mild" offered the mildest explanation beside "be seen today": the words name
/// what is ruled out first, and the milder cause comes after it, never as the likely one.
/// </summary>
public sealed class WordsBesideAnUrgentActionTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    /// <summary>Words that offered the mild cause as the likely one beside an urgent action.</summary>
    private static readonly string[] MildAsTheLikelyOne = ["infection or gout", "most often a stress fracture", "usually mild"];

    [Fact]
    public void NoTextBesideAnUrgentActionOffersTheMildestCauseAsTheLikelyOne()
    {
        var urgentRules = Shipped.WarningRules.Where(rule => rule.Urgency >= Urgency.Urgent).ToList();
        // Every cause's reasons can show on an urgent result (the causes are listed beneath its action).
        var texts = urgentRules.Select(rule => ($"rule '{rule.Id}'", rule.Message))
            .Concat(urgentRules.SelectMany(rule => rule.PointsTo.Select(p => ($"rule '{rule.Id}' > {p.ConditionId}", p.Reason))))
            .Concat(Shipped.WarningSigns.Where(group => group.Urgency >= Urgency.Urgent)
                .SelectMany(group => group.Signs.Select(sign => ($"sign '{sign.Id}'", $"{sign.Sign}. {sign.Why}"))))
            .Concat(Shipped.Evidence.Select(e => ($"evidence for '{e.ConditionId}'", e.Reason)));

        var mild = texts
            .SelectMany(t => MildAsTheLikelyOne.Where(words => t.Item2.Contains(words, StringComparison.OrdinalIgnoreCase)).Select(words => $"{t.Item1}: '{words}' in \"{t.Item2}\""))
            .ToList();

        Assert.True(mild.Count == 0, "The mildest cause offered as the likely one:\n" + string.Join('\n', mild));
    }

    [Theory]
    [InlineData("hot-red-knee", "A hot knee can be a joint infection")]
    [InlineData("young-unexplained-bone-pain", "to rule out a rare bone problem")]
    public void AnUrgentSignsFirstSentenceNamesWhatIsRuledOutFirst(string ruleId, string words)
    {
        var message = Shipped.WarningRules.Single(rule => rule.Id == ruleId).Message;
        var firstSentence = message[..(message.IndexOf(". ", StringComparison.Ordinal) + 1)];

        Assert.Contains(words, firstSentence, StringComparison.Ordinal);
    }
}
