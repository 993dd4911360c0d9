using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// A runner recognises a cause or a sign by its name and its number. The inflammatory-arthritis
/// cause named gout, pseudogout, reactive and psoriatic arthritis but not rheumatoid arthritis
/// (clinical-notes 1.20 names all of them), so a runner with rheumatoid arthritis did not see
/// herself in it. And the check gives a fever as 38 °C (100.4 °F): the guide gives the same
/// threshold wherever it gives a temperature.
/// </summary>
public sealed partial class GuideNamesWhatTheCheckNamesTests(KneeTriageAppFactory factory) : IClassFixture<KneeTriageAppFactory>
{
    private static readonly string ArticleFolder = Path.Combine(AppContext.BaseDirectory, "content", "article");

    private KnowledgeBase KnowledgeBase => factory.Services.GetRequiredService<KnowledgeBase>();

    [Fact]
    public async Task TheInflammatoryArthritisCauseNamesRheumatoidArthritisOnTheResultAndInTheGuide()
    {
        var cause = KnowledgeBase.Conditions.Single(c => c.Id == "inflammatory-arthritis");
        Assert.Contains("rheumatoid", cause.Name, StringComparison.Ordinal);
        Assert.Contains("rheumatoid", cause.Summary, StringComparison.Ordinal);

        var causes = await HtmlPage.LoadAsync(factory.CreateClient(), "/article/causes");
        Assert.Contains("rheumatoid", Normalise(causes.Document.GetElementById("inflammatory-arthritis")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTemperatureTheGuideGivesIsTheChecksFeverThreshold()
    {
        var check = Temperatures(KnowledgeBase.FindQuestion("fever")!.Help ?? "").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["100.4 °F", "38 °C"], check.Order(StringComparer.Ordinal));

        var guide = Directory.GetFiles(ArticleFolder, "*.md")
            .SelectMany(file => Temperatures(File.ReadAllText(file)).Select(t => (File: Path.GetFileName(file), Temperature: t)))
            .ToList();

        Assert.Contains(guide, g => g.Temperature == "38 °C");
        Assert.Contains(guide, g => g.Temperature == "100.4 °F");
        var other = guide.Where(g => !check.Contains(g.Temperature)).Select(g => $"{g.File}: {g.Temperature}").ToList();
        Assert.True(other.Count == 0, "A temperature that is not the check's fever threshold: " + string.Join(", ", other));
    }

    /// <summary>Every temperature in a text, written as "38 °C" or "100.4 °F" whatever its spacing.</summary>
    private static IEnumerable<string> Temperatures(string text) =>
        Temperature().Matches(text).Select(m => $"{m.Groups["value"].Value} °{m.Groups["unit"].Value.ToUpperInvariant()}");

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?)\s*(?:°|degrees?)\s*(?<unit>[CF])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Temperature();
}
