using AngleSharp.Dom;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Issue #22, contract v1.2 "What to do: disposition, one voice": for every warning rule of the
/// loaded knowledge base (so rules added later are covered too), a runner who raises it gets a result
/// that leads with one disposition and carries no advice of a lower level.
/// </summary>
public sealed class OneActionPerResultTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>Words of a gentler level than an emergency's or a same-day visit's.</summary>
    private static readonly string[] GentlerThanSameDay = ["coming days", "next few days", "book ", "book a", "if it is not improving", "safe to manage yourself"];

    private static readonly string[] GentlerThanEmergency = [.. GentlerThanSameDay, "today", "same day", "same-day", "urgent care"];

    [Fact]
    public async Task EveryWarningRulesResultLeadsWithOneDispositionAndNothingOfALowerLevel()
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var client = factory.CreatePlainClient();
        var problems = new List<string>();

        foreach (var rule in knowledgeBase.WarningRules)
        {
            var answers = RuleRaisingAnswers.For(knowledgeBase, rule);
            Assert.True(answers is not null, $"No answers could be built to raise '{rule.Id}': extend RuleRaisingAnswers for its criterion.");
            var (body, page) = await ResultPosting.PostAndLoadAsync(client, answers, rule.Id);
            Assert.True(DispositionIds.TryParse(body.GetProperty("disposition").GetString(), out var disposition), $"{rule.Id}: no disposition in the body.");
            problems.AddRange(ProblemsOf(rule.Id, knowledgeBase, disposition, page).Select(p => $"{rule.Id} ({disposition.ToContractId()}): {p}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<string> ProblemsOf(string ruleId, KnowledgeBase knowledgeBase, Disposition disposition, HtmlPage page)
    {
        var result = page.Document.QuerySelector("article.result");
        if (result is null)
        {
            yield return "no result on the page";
            yield break;
        }

        // One disposition, first after the page's header.
        var panels = result.QuerySelectorAll(".urgency-banner");
        if (panels.Length != 1 || result.Children.ElementAtOrDefault(1) != panels[0])
        {
            yield return $"{panels.Length} disposition panels, or the first is not the first thing after the header";
            yield break;
        }

        var panel = panels[0];
        if (!panel.ClassList.Contains($"disposition-{disposition.ToContractId()}"))
        {
            yield return $"the panel is '{panel.ClassName}', not the body's disposition";
        }

        if (panel.QuerySelector(".urgency-level")?.TextContent != DispositionPanel.Heading(disposition))
        {
            yield return $"the heading is '{panel.QuerySelector(".urgency-level")?.TextContent}'";
        }

        var ownAction = knowledgeBase.Advice.Action[disposition];
        // The first line as written, or its words for the rules raised (a possible clot: a doctor today).
        var leadLine = knowledgeBase.Advice.ActionLines[disposition][0];
        // A same-day line ends with the viewer's route for the evening and the weekend (countries.yaml), in the same line.
        var first = panel.QuerySelector(".do-now-list li")?.TextContent.Replace(" " + CountryTable.Default.Find("GB").OutOfHours, "", StringComparison.Ordinal);
        if (first is null || (first != leadLine.Words && first != leadLine.WhenRaised?.Words))
        {
            yield return "the first line is not the disposition's action";
        }

        var text = result.TextContent;

        // No action line of a gentler disposition anywhere in the result.
        foreach (var gentler in Enum.GetValues<Disposition>().Where(d => d < disposition))
        {
            foreach (var line in knowledgeBase.Advice.Action[gentler].Except(ownAction).Where(line => text.Contains(line, StringComparison.Ordinal)))
            {
                yield return $"it shows '{line}', the action of {gentler.ToContractId()}";
            }
        }

        // A lower-level sign's message never appears whole; its finding sits under "also tell the clinician".
        foreach (var lower in knowledgeBase.WarningRules.Where(r => r.Urgency < disposition.Level()))
        {
            if (text.Contains(lower.Message.Trim(), StringComparison.Ordinal))
            {
                yield return $"it shows the whole message of the lower rule '{lower.Id}'";
            }
        }

        var tellClinician = panel.QuerySelectorAll(".tell-clinician-list li").Select(li => li.TextContent).ToList();
        var why = panel.QuerySelectorAll(".warning-sign-list li").Select(li => li.TextContent).ToList();
        var ownFinding = WarningFinding.Of(knowledgeBase.WarningRules.Single(r => r.Id == ruleId).Message);
        if (!why.Contains(ownFinding) && !tellClinician.Contains(ownFinding))
        {
            yield return "the rule's own finding is not on the page";
        }

        foreach (var line in why.Where(w => knowledgeBase.WarningRules.Any(r => r.Urgency < disposition.Level() && WarningFinding.Of(r.Message) == w)))
        {
            yield return $"a lower sign sits beside the action, not under 'also tell the clinician': {line}";
        }

        // Get-help lists only actions of a higher level: never a second emergency action beside an emergency.
        foreach (var lead in result.QuerySelectorAll(".get-help-lead").Select(h => h.TextContent))
        {
            var group = knowledgeBase.Advice.GetHelpIf.FirstOrDefault(g => g.Lead == lead);
            if (group is null || group.Disposition.Level() <= disposition.Level())
            {
                yield return $"'when to get help' has '{lead}', not of a higher level than the disposition";
            }
        }

        if (disposition >= Disposition.SameDay)
        {
            if (result.QuerySelector(".result-self-care") is not null)
            {
                yield return "self-care steps beside a same-day or emergency action";
            }

            if (result.QuerySelector(".return-to-running") is not null)
            {
                yield return "the return-to-running plan beside a warning sign";
            }

            foreach (var line in knowledgeBase.Advice.CheckAgain.Where(line => text.Contains(line, StringComparison.Ordinal)))
            {
                yield return $"it shows '{line}'";
            }

            // The action, what its signs mean and when to get help: in words of its own level or higher.
            var leading = string.Join('\n', new[] { panel.QuerySelector(".do-now-list"), panel.QuerySelector(".warning-sign-list"), result.QuerySelector(".result-get-help") }
                .Where(e => e is not null).Select(e => e!.TextContent));
            foreach (var word in (disposition.Level() == Urgency.Emergency ? GentlerThanEmergency : GentlerThanSameDay).Where(w => leading.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"'{word}' beside the action";
            }
        }
    }
}
