using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// A possible clot's result told the runner to call 999 only if she became breathless or had chest
/// pain. A clot that has reached the lung can also show as coughing up blood or feeling faint
/// (clinical-notes 2.4; the NHS on pulmonary embolism): the result's "call 999 at once if" line names
/// them, for each rule that can raise a possible clot. Not a racing heart or dizziness: the line shows
/// under every result below an emergency, and after a run both are ordinary.
/// </summary>
public sealed class LungClotSignsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] SignsOfAClotInTheLung = ["breathless", "chest pain", "cough up blood", "feel faint"];

    [Theory]
    [InlineData("suspected-clot")]
    [InlineData("unexplained-calf-swelling")]
    [InlineData("lump-with-clot-risk")]
    public async Task APossibleClotsCallNowLineNamesEverySignOfAClotInTheLung(string ruleId)
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var answers = RuleRaisingAnswers.For(knowledgeBase, knowledgeBase.WarningRules.Single(rule => rule.Id == ruleId));
        Assert.True(answers is not null, $"No answers could be built to raise '{ruleId}'.");
        var (_, result) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), answers, ruleId);

        var callNow = result.Document.QuerySelectorAll(".result-get-help .get-help-lead")
            .SingleOrDefault(lead => Normalise(lead.TextContent).StartsWith("Call ", StringComparison.Ordinal));
        Assert.True(callNow is not null, $"{ruleId}: the result has no \"call the emergency number at once if\" list");
        var lines = callNow.NextElementSibling!.QuerySelectorAll("li").Select(li => Normalise(li.TextContent)).ToList();

        var lungLine = lines.FirstOrDefault(line => line.Contains("breathless", StringComparison.Ordinal)) ?? "";
        var missing = SignsOfAClotInTheLung.Where(sign => !lungLine.Contains(sign, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{ruleId}: the call-now line \"{lungLine}\" leaves out {string.Join(", ", missing)}");
        foreach (var ordinaryAfterARun in new[] { "heart races", "dizzy" })
        {
            Assert.False(lungLine.Contains(ordinaryAfterARun, StringComparison.Ordinal), $"{ruleId}: \"{lungLine}\" sends a runner to 999 for what follows any run: {ordinaryAfterARun}");
        }
    }
}
