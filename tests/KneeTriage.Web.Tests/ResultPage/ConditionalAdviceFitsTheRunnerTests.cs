using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Issue 22, contract v1.2 ("when to get help" lists only signs the runner did not report), applied
/// to every line of the result: no "if the knee turns hot" to a runner whose knee is hot. A tester
/// read "go to A&amp;E if the knee turns hot and red and you have a fever" on a hot, red knee's result.
/// </summary>
public sealed partial class ConditionalAdviceFitsTheRunnerTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>A sign the runner can report, and the words that name it in a conditional line.</summary>
    private static readonly (Func<AnswerSet, bool> Reported, string Words)[] Signs =
    [
        (a => a.IsTrue("hot-red-knee"), "hot"),
        (a => a.IsTrue("fever"), "fever"),
        (a => a.IsTrue("breathless-or-chest-pain"), "breathless"),
        (a => a.IsTrue("deformity"), "out of shape"),
        (a => a.Has("calf-signs", "swollen"), "calf swells"),
        (a => a.Has("calf-signs", "warm"), "warm"),
        (a => a.Has("calf-signs", "tender"), "tender"),
        (a => a.Has("foot-signs", "cold-or-pale"), "cold or pale"),
        (a => a.Has("mechanical", "locking"), "locks"),
        (a => a.Has("swelling", "pulsing-lump"), "throbs"),
    ];

    [Fact]
    public async Task AHotRedKneeWithoutAFeverIsNotToldToActIfTheKneeTurnsHot()
    {
        var answers = RuleRaisingAnswers.Calm.With("hot-red-knee", new BooleanAnswer(true));

        var problems = await ProblemsAsync(answers, "a hot knee without a fever");

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task AFeverWithoutAHotKneeIsNotToldToActIfAFeverComes()
    {
        var answers = RuleRaisingAnswers.Calm.With("fever", new BooleanAnswer(true));

        var problems = await ProblemsAsync(answers, "a fever without a hot knee");

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task NoRulesResultNamesAReportedSignInAConditionalLine()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var problems = new List<string>();
        foreach (var rule in knowledgeBase.WarningRules)
        {
            var answers = RuleRaisingAnswers.For(knowledgeBase, rule);
            Assert.True(answers is not null, $"No answers could be built to raise '{rule.Id}'.");
            problems.AddRange(await ProblemsAsync(answers, rule.Id));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private async Task<List<string>> ProblemsAsync(AnswerSet answers, string what)
    {
        var (_, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), answers, what);
        var result = page.Document.QuerySelector("article.result");
        Assert.True(result is not null, $"{what}: no result on the page");

        // Every sign under "when to get help" is the condition of an "if"; elsewhere, the clause after "if" or "when".
        // A "while you have a fever" clause names a reported sign as present, which is what makes the
        // line true for this runner ("the knee turns hot ... while you have a fever"), not as one to come.
        var conditions = result.QuerySelectorAll(".result-get-help li").Select(li => WhileItHolds().Replace(li.TextContent, ""))
            .Concat(result.QuerySelectorAll("li, p").SelectMany(e => Conditional().Matches(e.TextContent).Select(m => m.Value)));
        var reported = Signs.Where(sign => sign.Reported(answers)).Select(sign => sign.Words).ToList();
        return [.. conditions.SelectMany(line => reported
            .Where(words => line.Contains(words, StringComparison.OrdinalIgnoreCase))
            .Select(words => $"{what}: '{line.Trim()}' names '{words}', which the runner already reported"))
            .Distinct()];
    }

    // "while you have a fever or feel unwell": a sign stated as present, to the end of the clause.
    [GeneratedRegex(@"\bwhile you have\b[^,;]*", RegexOptions.IgnoreCase)]
    private static partial Regex WhileItHolds();

    // "if the knee gets hot", "when it turns red": a clause that waits for a sign to appear.
    [GeneratedRegex(@"\b(if|when)\b[^.:;]*\b(turns?|gets?|becomes?|goes|swells)\b[^.;]*", RegexOptions.IgnoreCase)]
    private static partial Regex Conditional();
}
