using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Issue #22: no internal note reaches a reader. The knowledge base's source: lines ("clinical
/// notes 3.3 (no source number; the notes give ...)", "src 97") are for engineers; a page cites a
/// published source or nothing. Checked over the crawled site, a result of each disposition and a
/// result stored before v1.2. A v1.2 result also shows no percentage.
/// </summary>
public sealed partial class NoInternalNotesTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] InternalNotes = ["clinical notes", "clinical-notes", "src ", "notes give"];

    public static TheoryData<string> Runners => ["self-care", "book-appointment", "same-day", "go-to-emergency-department", "call-emergency-number"];

    private static AnswerSet Runner(string disposition)
    {
        var calm = RuleRaisingAnswers.Calm;
        return disposition switch
        {
            "self-care" => calm,
            "book-appointment" => calm.With("pain-severity", new NumberAnswer(8)),
            "same-day" => calm.With("hot-red-knee", new BooleanAnswer(true)),
            "go-to-emergency-department" => calm.With("hot-red-knee", new BooleanAnswer(true)).With("fever", new BooleanAnswer(true)),
            _ => calm.With("breathless-or-chest-pain", new BooleanAnswer(true)),
        };
    }

    [Fact]
    public async Task NoCrawledPageShowsAnInternalNote()
    {
        var report = await new SiteCrawler(factory).CrawlAsync("/");

        Assert.True(report.Pages.Count > 10, $"The crawl found only {report.Pages.Count} pages.");
        Assert.All(report.Pages, page => AssertNoInternalNote(page.Value));
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public async Task AResultOfEachDispositionShowsNoInternalNoteAndNoPercentage(string disposition)
    {
        var (body, page) = await ResultPosting.PostAndLoadAsync(factory.CreatePlainClient(), Runner(disposition), disposition);

        Assert.Equal(disposition, body.GetProperty("disposition").GetString());
        AssertNoInternalNote(page);
        var result = page.Document.QuerySelector("article.result")!.TextContent;
        Assert.False(Percentage().IsMatch(result), $"{page.Url} shows a percentage: {Percentage().Match(result).Value}");
        if (disposition == "self-care")
        {
            // The plan whose source lines the issue found is on this page.
            Assert.NotNull(page.Document.QuerySelector(".return-to-running .plan-references"));
        }
    }

    [Fact]
    public async Task AResultStoredBeforeVersionOnePointTwoShowsNoInternalNote()
    {
        var stored = new StoredResult
        {
            Urgency = Urgency.SelfCare,
            SeeClinician = false,
            KnowledgeBaseVersion = "before-1.2",
            RedFlags = [],
            LikelyCauses = [new StoredCause { Id = "hamstring-tendinopathy", Name = "Hamstring tendinopathy", Probability = 0.46, ReasonsFor = ["An old reason."], ReasonsAgainst = [], LearnMore = "/article/causes#hamstring-tendinopathy" }],
            DoNow = ["Old self-care advice."],
            SelfCare = [],
            ComeBackIf = ["Old come-back advice."],
            Answers = [new AnswerLine { QuestionId = "age", StepId = "you-and-training", Question = "How old are you?", Answer = "38 years" }],
        };
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AssessmentStore>().SaveAsync(
                new AssessmentToStore { KnowledgeBaseVersion = "before-1.2", AnswersJson = "{\"age\":38}", ResultJson = StoredResultJson.Serialize(stored), Urgency = Urgency.SelfCare, SeeClinician = false },
                CancellationToken.None);
            token = saved.Record.Token;
        }

        var page = await HtmlPage.LoadAsync(factory.CreatePlainClient(), $"/results/{token}");

        Assert.NotNull(page.Document.QuerySelector(".result-earlier-version"));
        Assert.NotNull(page.Document.QuerySelector(".return-to-running"));
        AssertNoInternalNote(page);
    }

    private static void AssertNoInternalNote(HtmlPage page)
    {
        var text = page.Document.Body?.TextContent ?? string.Empty;
        foreach (var note in InternalNotes)
        {
            var at = text.IndexOf(note, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{page.Url} shows an internal note ('{note}'): ...{text.Substring(Math.Max(0, at - 60), Math.Min(140, text.Length - Math.Max(0, at - 60)))}...");
        }
    }

    [GeneratedRegex(@"\d\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();
}
