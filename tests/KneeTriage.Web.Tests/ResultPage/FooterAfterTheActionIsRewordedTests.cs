using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// The app with a copy of the shipped knowledge base whose same-day action lines in advice.yaml
/// are worded differently ("Get seen by … today" for "Be seen by … today"), as anyone editing the
/// words may do. The service each line names, its bracket, is unchanged.
/// </summary>
public sealed class RewordedSameDayActionFactory : RateLimitsOffAppFactory
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kt-kb-reworded-same-day-" + Guid.NewGuid().ToString("N"));

    public RewordedSameDayActionFactory()
        : base(new Dictionary<string, string?> { ["Triage:ContentPath"] = CopyWithRewordedSameDayAction() })
    {
    }

    private static string CopyWithRewordedSameDayAction()
    {
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "content", "triage")))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)), overwrite: true);
        }

        var advice = Path.Combine(Folder, "advice.yaml");
        var words = File.ReadAllText(advice);
        var reworded = words
            .Replace("Be seen by a clinician today (", "Get seen by a clinician today (", StringComparison.Ordinal)
            .Replace("Be seen by a doctor today (", "Get seen by a doctor today (", StringComparison.Ordinal);
        // The shipped words changed: this copy must still differ from them, or the test proves nothing.
        Assert.NotEqual(words, reworded);
        File.WriteAllText(advice, reworded);
        return Folder;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>
/// The footer's same-day words follow a possible clot's action by the service the action names,
/// not by its sentence: reworded, the action still takes the footer to the country's same-day
/// doctor. (When the footer found the action's usual sentence in its own advice and swapped it,
/// new words in either file silently put the injury units back under a clot's result.)
/// </summary>
public sealed class FooterAfterTheActionIsRewordedTests(RewordedSameDayActionFactory factory) : IClassFixture<RewordedSameDayActionFactory>
{
    [Theory]
    [InlineData("GB", "suspected-clot")]
    [InlineData("US", "unexplained-calf-swelling")]
    [InlineData("IE", "lump-with-clot-risk")]
    public async Task APossibleClotsResultStillTakesTheFooterToTheSameDayDoctor(string code, string ruleId)
    {
        var knowledgeBase = factory.Services.GetRequiredService<KnowledgeBase>();
        var answers = RuleRaisingAnswers.For(knowledgeBase, knowledgeBase.WarningRules.Single(rule => rule.Id == ruleId));
        Assert.NotNull(answers);
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var (body, page) = await ResultPosting.PostAndLoadAsync(client, answers, $"{code}-{ruleId}");

        Assert.Equal("same-day", body.GetProperty("disposition").GetString());
        AssertLeadsWithTheRewordedDoctor(page, code);
        AssertFooterNamesOnlyTheSameDayDoctor(page, code);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("AU")]
    public async Task APossibleClotsWarningPageAndTheStepsAfterItStillTakeTheFooterToTheSameDayDoctor(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = CheckForm.SelfCareAnswers.With("calf-signs", "swollen", "warm");

        var warning = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.Equal("/check/urgent", warning.Url);
        using var carryOn = await CheckForm.SubmitAsIsAsync(client, warning, "main form");
        var nextStep = await HtmlPage.LoadAsync(client, carryOn.Headers.Location!.OriginalString);

        foreach (var page in new[] { warning, nextStep })
        {
            AssertLeadsWithTheRewordedDoctor(page, code);
            AssertFooterNamesOnlyTheSameDayDoctor(page, code);
        }
    }

    private static void AssertLeadsWithTheRewordedDoctor(HtmlPage page, string code)
    {
        var main = Normalise(page.Document.QuerySelector("main")?.TextContent ?? "");
        Assert.Contains($"Get seen by a doctor today ({CountryTable.Default.Find(code).SameDayDoctor}).", main, StringComparison.Ordinal);
    }

    /// <summary>The footer's same-day advice names the country's same-day doctor and none of the places that cannot arrange a scan.</summary>
    private static void AssertFooterNamesOnlyTheSameDayDoctor(HtmlPage page, string code)
    {
        var country = CountryTable.Default.Find(code);
        var advice = Normalise(page.Document.QuerySelector("footer [data-action='same-day'] .warning-level-advice")?.TextContent ?? "");
        Assert.True(advice.Contains($"({country.SameDayDoctor})", StringComparison.Ordinal), $"{page.Url}'s footer says \"{advice}\", not the same-day doctor ({country.SameDayDoctor})");
        Assert.DoesNotContain(country.SameDayCare, advice, StringComparison.Ordinal);
        foreach (var words in new[] { "minor injur", "injury unit", "urgent treatment centre" })
        {
            Assert.DoesNotContain(words, advice, StringComparison.OrdinalIgnoreCase);
        }
    }
}
