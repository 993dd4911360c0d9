using System.Net;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Issues #20 and #22, one voice: the page that interrupts the check states exactly the action the
/// result will lead with (the disposition by the contract's precedence, its words from advice.yaml),
/// for every urgent and emergency rule of the loaded knowledge base (rules added later included),
/// and a runner never meets two interruptions with the same or a gentler action.
/// </summary>
public sealed class InterruptionOneVoiceTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task EveryInterruptionSpeaksWithTheResultsOneVoice()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var problems = new List<string>();
        var rules = knowledgeBase.WarningRules.Where(rule => rule.Urgency >= Urgency.Urgent).ToList();
        Assert.NotEmpty(rules);

        foreach (var rule in rules)
        {
            var answers = RuleRaisingAnswers.For(knowledgeBase, rule);
            Assert.True(answers is not null, $"No answers could be built to raise '{rule.Id}': extend RuleRaisingAnswers for its criterion.");
            var client = factory.CreatePlainClient();
            var (interruptions, resultUrl) = await WalkAsync(client, FormPlan.From(knowledgeBase, answers));
            var result = await HtmlPage.LoadAsync(client, resultUrl);
            var resultAction = result.Document.QuerySelectorAll(".urgency-banner .do-now-list li").Select(li => li.TextContent.Trim()).ToList();
            var resultHeading = result.Document.QuerySelector(".urgency-banner .urgency-level")?.TextContent.Trim();

            if (interruptions.Count == 0)
            {
                problems.Add($"{rule.Id}: the check was never interrupted");
                continue;
            }

            var last = interruptions[^1];
            if (!last.Action.SequenceEqual(resultAction) || last.Heading != resultHeading)
            {
                problems.Add($"{rule.Id}: the interruption says '{last.Heading}: {string.Join(" / ", last.Action)}' but the result leads with '{resultHeading}: {string.Join(" / ", resultAction)}'");
            }

            // A same-day line ends with the viewer's route for the evening and the weekend (countries.yaml), in the same line.
            if (resultAction.FirstOrDefault()?.Replace(" " + CountryTable.Default.Find("GB").OutOfHours, "", StringComparison.Ordinal) is not { } lead
                || !knowledgeBase.Advice.ActionLines.Values.Any(action => action[0].Words == lead || action[0].WhenRaised?.Words == lead))
            {
                problems.Add($"{rule.Id}: the result does not lead with an action from advice.yaml");
            }

            if (interruptions.Select(i => i.Heading).Distinct().Count() != interruptions.Count)
            {
                problems.Add($"{rule.Id}: the same action was shown on {interruptions.Count} interruptions: {string.Join(" | ", interruptions.Select(i => i.Heading))}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Answers every step, reading and carrying on past each interruption; returns them in order and the result's path.</summary>
    private static async Task<(List<(string Heading, List<string> Action)> Interruptions, string ResultUrl)> WalkAsync(HttpClient client, IReadOnlyDictionary<string, string[]> plan)
    {
        var interruptions = new List<(string, List<string>)>();
        var page = await CheckForm.AnswerEveryStepAsync(client, plan);
        for (var guard = 0; guard < 10 && page.Url is "/check/emergency" or "/check/urgent"; guard++)
        {
            interruptions.Add((
                page.H1 ?? string.Empty,
                [.. page.Document.QuerySelectorAll(".interruption-action li").Select(li => li.TextContent.Trim())]));
            using var carryOn = await CheckForm.SubmitAsIsAsync(client, page, "main form");
            page = await CheckForm.AnswerEveryStepAsync(client, plan, carryOn.Headers.Location!.OriginalString);
        }

        using var submitted = await CheckForm.SubmitAsIsAsync(client, page, "main form.actions");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        return (interruptions, submitted.Headers.Location!.OriginalString);
    }
}
