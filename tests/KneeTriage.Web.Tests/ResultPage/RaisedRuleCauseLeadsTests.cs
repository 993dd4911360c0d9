using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Contract v1.2, "Causes that agree with the new rules": the cause a raised urgent or emergency
/// rule names leads the list, for every such rule of the loaded knowledge base (rules added later
/// included), and the page never calls a gentler cause the best fit beside it.
/// </summary>
public sealed class RaisedRuleCauseLeadsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public void EveryUrgentOrEmergencyRulesCauseIsToBeRuledOutNowAndAFirstCauseLeads()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var engine = new TriageEngine(knowledgeBase);
        var problems = new List<string>();

        foreach (var rule in knowledgeBase.WarningRules.Where(r => r.Urgency >= Urgency.Urgent && r.PointsTo.Count > 0))
        {
            var answers = RuleRaisingAnswers.For(knowledgeBase, rule);
            Assert.True(answers is not null, $"No answers could be built to raise '{rule.Id}': extend RuleRaisingAnswers for its criterion.");
            var causes = engine.Assess(answers).LikelyCauses;
            var named = rule.PointsTo.Select(p => p.ConditionId).ToHashSet(StringComparer.Ordinal);

            // The page shows the rule-out-now band first (CauseList); a "first" pointer leads the list itself.
            var first = rule.PointsTo.Where(p => p.First && p.When is null).Select(p => p.ConditionId).ToList();
            if (first.Count > 0 && (causes.Count == 0 || !first.Contains(causes[0].Id)))
            {
                problems.Add($"{rule.Id}: the list leads with '{(causes.Count > 0 ? causes[0].Id : "nothing")}', not {string.Join(" or ", first)}");
            }

            if (!causes.Any(c => named.Contains(c.Id) && c.Band == CauseBand.RuleOutNow))
            {
                problems.Add($"{rule.Id}: none of {string.Join(", ", named)} is listed to rule out now ({string.Join(", ", causes.Select(c => $"{c.Id}:{c.Band}"))})");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    public async Task AYoungRunnersHipProblemLeadsTheResultAndNoOtherCauseIsCalledTheBestFit(int age)
    {
        var answers = RuleRaisingAnswers.Calm
            .With("age", new NumberAnswer(age))
            .With("hip-or-groin-pain", new BooleanAnswer(true))
            .With("pain-location", new ListAnswer(["front"]))
            .With("pain-triggers", new ListAnswer(["stairs", "deep-bend", "sitting"]));

        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), answers, "a young runner's hip");

        Assert.Equal("cause-hip-referred-pain", page.Document.QuerySelector(".cause")?.Id);
        Assert.DoesNotContain("Fits your answers best", page.Document.QuerySelector(".result-causes")!.TextContent, StringComparison.Ordinal);
        var getHelp = page.Document.QuerySelector(".result-get-help")?.TextContent ?? string.Empty;
        Assert.Contains("you cannot take four steps on the leg", getHelp, StringComparison.Ordinal);
    }
}
