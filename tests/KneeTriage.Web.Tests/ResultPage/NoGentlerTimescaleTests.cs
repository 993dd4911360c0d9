using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// A runner with a hot, red knee and a fever was told "go to an emergency department (A&amp;E) now",
/// and further down the same page read that an infection "can damage the joint within days" and that
/// a fever with knee pain "should be checked by a doctor": a worried runner reads a gentler timescale
/// as leave to wait. No line anywhere on an emergency or same-day result (the action, what the signs
/// mean, what to tell the clinician, the causes and their reasons) speaks of a later time than the
/// action's, for every urgent and emergency rule of the loaded knowledge base and the walkers' runner.
/// </summary>
public sealed class NoGentlerTimescaleTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>Words that give more time than "today" (or "now").</summary>
    private static readonly string[] LaterThanToday =
    [
        "within days", "within a few days", "few days", "coming days", "in the next", "within 48 hours", "48 hours",
        "72 hours", "tomorrow", "this week", "next week", "within a week", "within weeks", "soon", "when you can",
        "checked by a doctor", "worth having checked", "worth checking", "no rush", "not urgent", "book a", "book an",
    ];

    [Fact]
    public async Task NoEmergencyOrSameDayResultSpeaksOfALaterTimeThanItsAction()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var client = factory.CreatePlainClient();
        var runners = knowledgeBase.WarningRules
            .Where(rule => rule.Urgency >= Urgency.Urgent)
            .Select(rule => (What: rule.Id, Answers: RuleRaisingAnswers.For(knowledgeBase, rule)))
            .Append(("the walkers' hot, red, swollen knee with a fever", RuleRaisingAnswers.Calm
                .With("hot-red-knee", new BooleanAnswer(true)).With("fever", new BooleanAnswer(true))
                .With("swelling", new ListAnswer(["whole-knee"])).With("swelling-onset", new TextAnswer("gradual"))));
        var problems = new List<string>();

        foreach (var (what, answers) in runners)
        {
            Assert.True(answers is not null, $"No answers could be built to raise '{what}': extend RuleRaisingAnswers for its criterion.");
            var (body, page) = await ResultPosting.PostAndLoadAsync(client, answers, what);
            Assert.True(DispositionIds.TryParse(body.GetProperty("disposition").GetString(), out var disposition));
            Assert.True(disposition >= Disposition.SameDay, $"{what}: a {disposition.ToContractId()} result");
            var result = page.Document.QuerySelector("article.result")!;
            // The runner's own answers ("3 to 14 days"), here and in the clinician summary ("fever in
            // the last few days: no"), are theirs, not advice.
            foreach (var ownAnswers in result.QuerySelectorAll(".result-answers, .clinician-facts, .clinician-warnings"))
            {
                ownAnswers.Remove();
            }

            foreach (var line in result.QuerySelectorAll("li, p, h2, h3, h4, dd").Where(e => e.QuerySelector("li, p, dd") is null).Select(e => Normalise(e.TextContent)))
            {
                problems.AddRange(LaterThanToday
                    .Where(words => line.Contains(words, StringComparison.OrdinalIgnoreCase))
                    .Select(words => $"{what} ({disposition.ToContractId()}): '{words}' in \"{line}\""));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }
}
