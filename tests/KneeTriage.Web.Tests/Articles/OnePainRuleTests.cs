using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// Issue #24: one pain rule for running, in the same words in the guide, the self-care advice and
/// the plan; no second threshold anywhere a runner reads; the advice cites the plan's sources.
/// </summary>
public sealed partial class OnePainRuleTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    private ArticleLibrary Library => factory.Services.GetRequiredService<ArticleLibrary>();

    private KnowledgeBase KnowledgeBase => factory.Services.GetRequiredService<KnowledgeBase>();

    private string Rule => KnowledgeBase.ReturnToRunning.PainRule.Text;

    private IReadOnlyList<string> SelfCareAdvice => KnowledgeBase.Advice.Action[Disposition.SelfCare];

    [Fact]
    public void TheTreatmentSectionGivesThePlansPainRuleWordForWord() =>
        Assert.Contains(Rule, PlainText(Library.Find("treatment")!.Html), StringComparison.Ordinal);

    [Fact]
    public void TheSelfCareAdviceGivesThePlansPainRuleWordForWord() =>
        Assert.Contains(SelfCareAdvice, line => WithoutCitations(line) == Rule);

    [Fact]
    public void EveryRunningPainThresholdARunnerReadsIsThreeOutOfTen()
    {
        var texts = Library.Sections.SelectMany(s => Blocks(s.Html).Select(b => (Where: s.SourceFile, Text: b)))
            .Concat(KnowledgeBase.Advice.Action.Values.SelectMany(lines => lines).Select(t => (Where: "advice.yaml", Text: t)))
            .Concat(KnowledgeBase.Conditions.SelectMany(c => c.SelfCare.Append(c.Summary)).Select(t => (Where: "conditions.yaml", Text: t)))
            .Concat(KnowledgeBase.ReturnToRunning.Items.Select(i => (Where: "return-to-running.yaml", Text: i.Text)));

        var offending = texts
            .SelectMany(t => Sentence().Matches(t.Text).Select(m => (t.Where, Sentence: m.Value)))
            .Where(s => s.Sentence.Contains("out of 10", StringComparison.Ordinal)
                && s.Sentence.Contains("run", StringComparison.OrdinalIgnoreCase)
                && !s.Sentence.Contains("3 out of 10", StringComparison.Ordinal))
            .ToList();

        Assert.True(offending.Count == 0, "A second pain threshold for running: " + string.Join(" | ", offending.Select(o => $"{o.Where}: {o.Sentence}")));
    }

    [Fact]
    public void EveryConditionsRunningAdviceKeepsToThePainRuleOrSaysWhyThatConditionNeedsNoRunning()
    {
        // The walkers read "stop when pain starts" (ITB), "rest first days" (calf) and "do not run"
        // (hip) beside the guide's one rule. A condition that truly needs no running says why.
        var problems = new List<string>();
        foreach (var condition in KnowledgeBase.Conditions)
        {
            foreach (var step in condition.SelfCare)
            {
                if (CompetingThreshold().Match(step) is { Success: true } competing)
                {
                    problems.Add($"{condition.Id}: a second pain rule ('{competing.Value}'): {step}");
                }
                else if (AboutRunning().IsMatch(step) && !step.Contains("3 out of 10", StringComparison.Ordinal) && !step.Contains("because", StringComparison.Ordinal))
                {
                    problems.Add($"{condition.Id}: running advice that neither keeps to the pain rule nor says why: {step}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NoTextCallsRunnersOverPronators()
    {
        var texts = Library.Sections.Select(s => PlainText(s.Html))
            .Concat(KnowledgeBase.Conditions.SelectMany(c => c.SelfCare.Append(c.Summary)))
            .Concat(KnowledgeBase.Evidence.Select(e => e.Reason));

        Assert.DoesNotContain(texts, t => t.Contains("over-pronat", StringComparison.OrdinalIgnoreCase) || t.Contains("overpronat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryCitationInTheAdviceNamesASourceThePlanLists()
    {
        var count = KnowledgeBase.ReturnToRunning.References.Count;
        var cited = KnowledgeBase.Advice.Action.Values.SelectMany(lines => lines).SelectMany(l => ArticleSources.Citations(l)).ToList();

        Assert.NotEmpty(cited);
        Assert.All(cited, n => Assert.InRange(n, 1, count));
    }

    private static string PlainText(string html) =>
        Whitespace().Replace(new HtmlParser().ParseDocument(html).Body!.TextContent, " ");

    /// <summary>Each paragraph, list item and table cell on its own, so a list never runs into one "sentence".</summary>
    private static IEnumerable<string> Blocks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("p, li, td, th").Select(e => Whitespace().Replace(e.TextContent, " "));

    private static string WithoutCitations(string text) => Citation().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(run|runs|running|runner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutRunning();

    /// <summary>Other pain thresholds for running than the one rule, and the 10 percent rule stated as fact.</summary>
    [GeneratedRegex(@"when (the )?(pain|symptoms|it) (starts|begins)|if it does not hurt|without pain|pain-free|rest from running|(?<!3 )out of 10|10 percent|10 ?%", RegexOptions.IgnoreCase)]
    private static partial Regex CompetingThreshold();

    [GeneratedRegex(@" \[\d+(, \d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"[^.!?;]+[.!?;]?")]
    private static partial Regex Sentence();
}
