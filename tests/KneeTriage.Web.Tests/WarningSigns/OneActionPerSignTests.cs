using AngleSharp.Dom;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// A same-day result said "go to an emergency department now (get a lift) if the knee turns hot and
/// red and you have a fever", while the footer on the same page listed "a hot, red knee with a
/// fever" under "call 999 or go to A&amp;E now": one sign, two actions. On real result pages, every
/// sign the result's "when to get help" list names (through advice.yaml's warningSigns) and the
/// footer lists sits under the same action in both.
/// </summary>
public sealed class OneActionPerSignTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private KnowledgeBase Knowledge => factory.Services.GetRequiredService<KnowledgeBase>();

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    public async Task EverySignOnTheResultsListAndInTheFooterHasOneAction(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var compared = new HashSet<string>(StringComparer.Ordinal);
        var services = ServiceText.For(CountryTable.Default.Find(code));

        foreach (var (what, answers) in Runners())
        {
            var (_, page) = await ResultPosting.PostAndLoadAsync(client, answers, what);
            var footer = FooterActions(page.Document);
            foreach (var (lead, signWords) in GetHelpLists(page.Document))
            {
                // By lead and words: "you cannot take four steps on the leg" is in two groups, for different runners.
                var getHelpSign = Knowledge.Advice.GetHelpIf
                    .Where(group => Normalise(services.Plain(group.Lead)) == lead)
                    .SelectMany(group => group.Signs)
                    .FirstOrDefault(sign => Normalise(services.Plain(sign.Words)) == signWords);
                Assert.True(getHelpSign is not null, $"{what} ({code}): the list '{lead}' names '{signWords}', which advice.yaml does not hold.");
                foreach (var id in getHelpSign.WarningSigns)
                {
                    var sign = Knowledge.WarningSigns.SelectMany(group => group.Signs).Single(s => s.Id == id);
                    if (sign.Short is null || !footer.TryGetValue(sign.Short, out var footerLead))
                    {
                        continue;
                    }

                    compared.Add(id);
                    Assert.True(
                        ActionOf(lead) == ActionOf(footerLead),
                        $"{what} ({code}): the result says '{lead} {signWords}', the footer says '{footerLead} {sign.Short}'.");
                }
            }
        }

        // The hot knee with a fever, which the walkers found, and a sign of every action the footer lists.
        Assert.Contains("hot-red-knee-with-fever", compared);
        Assert.Contains("breathless-or-chest-pain", compared);
        Assert.Contains("hot-red-knee", compared);
    }

    /// <summary>A calm runner, a runner at risk of a joint infection, and a runner for every warning rule the builder can raise.</summary>
    private IEnumerable<(string What, AnswerSet Answers)> Runners()
    {
        yield return ("calm", RuleRaisingAnswers.Calm);
        yield return ("diabetes", RuleRaisingAnswers.Calm.With("infection-risk", new ListAnswer(["diabetes-or-weak-immunity"])));
        foreach (var rule in Knowledge.WarningRules)
        {
            if (RuleRaisingAnswers.For(Knowledge, rule) is { } answers)
            {
                yield return (rule.Id, answers);
            }
        }
    }

    /// <summary>Each sign of the result's "when to get help" lists, with the lead it sits under.</summary>
    private static List<(string Lead, string Sign)> GetHelpLists(IDocument page) =>
    [
        .. page.QuerySelectorAll("main .result-get-help h3.get-help-lead")
            .SelectMany(lead => (lead.NextElementSibling?.QuerySelectorAll("li") ?? Enumerable.Empty<IElement>())
                .Select(li => (Normalise(lead.TextContent), Normalise(li.TextContent)))),
    ];

    /// <summary>The footer's signs (their short words), each with the lead of the block it sits in.</summary>
    private static Dictionary<string, string> FooterActions(IDocument page)
    {
        var actions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var li in page.QuerySelectorAll("footer [data-urgency] li"))
        {
            var lead = li.Closest("[data-urgency]")!.QuerySelector(".warning-level-lead")!.TextContent;
            Assert.True(actions.TryAdd(Normalise(li.TextContent), Normalise(lead)), $"The footer lists '{Normalise(li.TextContent)}' twice.");
        }

        return actions;
    }

    /// <summary>The action a lead gives, by its opening words: call the number, go to an emergency department, or get help the same day.</summary>
    private static string ActionOf(string lead) =>
        lead.StartsWith("Call ", StringComparison.Ordinal) ? "call the emergency number"
        : lead.StartsWith("Go to ", StringComparison.Ordinal) ? "go to an emergency department"
        : lead.Contains("today", StringComparison.OrdinalIgnoreCase) || lead.Contains("same day", StringComparison.OrdinalIgnoreCase) ? "same day"
        : lead;
}
