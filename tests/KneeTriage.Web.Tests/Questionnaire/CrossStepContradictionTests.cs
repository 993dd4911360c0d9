using System.Net;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// The app with a copy of the shipped knowledge base plus one test-only contradiction between
/// answers on different steps: "no injury" (You, and how it started) and "a pop when it was injured" (Clicking).
/// The shipped contradictions all sit on one step; this one checks the form for those that will not.
/// </summary>
public sealed class CrossStepContradictionFactory : RateLimitsOffAppFactory
{
    private const string TestContradiction = """

          - id: test-pop-without-injury
            questions: [injury, mechanical]
            when:
              all:
                - {question: injury, has: none}
                - {question: mechanical, has: pop-at-injury}
            message: You said there was no injury but ticked a pop when it was injured. Change one of them.
        """;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kt-kb-cross-step-" + Guid.NewGuid().ToString("N"));

    public CrossStepContradictionFactory()
        : base(new Dictionary<string, string?> { ["Triage:ContentPath"] = CopyWithTestContradiction() })
    {
    }

    public const string Message = "You said there was no injury but ticked a pop when it was injured. Change one of them.";

    private static string CopyWithTestContradiction()
    {
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "content", "triage")))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)), overwrite: true);
        }

        File.AppendAllText(Path.Combine(Folder, "contradictions.yaml"), TestContradiction);
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

public sealed class CrossStepContradictionTests(CrossStepContradictionFactory factory) : IClassFixture<CrossStepContradictionFactory>
{
    private static async Task SaveStepAsync(HttpClient client, string url, IReadOnlyDictionary<string, string[]> answers)
    {
        var page = await HtmlPage.LoadAsync(client, url);
        using var response = await CheckForm.SubmitAsync(client, page, answers);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Saving {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(HttpStatusCode Status, HtmlPage Page)> PostStepAsync(HttpClient client, string url, IReadOnlyDictionary<string, string[]> answers)
    {
        var page = await HtmlPage.LoadAsync(client, url);
        using var response = await CheckForm.SubmitAsync(client, page, answers);
        return (response.StatusCode, HtmlPage.Parse(url, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TheStepWithTheSecondAnswerShowsTheContradictionAndLinksToTheFirstAnswer()
    {
        var client = factory.CreatePlainClient();
        await SaveStepAsync(client, "/check/warning-signs", CheckForm.SelfCareAnswers);
        await SaveStepAsync(client, "/check/about-the-injury", CheckForm.SelfCareAnswers);
        await SaveStepAsync(client, "/check/swelling-stiffness", CheckForm.SelfCareAnswers);

        var (status, page) = await PostStepAsync(client, "/check/clicking", CheckForm.SelfCareAnswers.With("mechanical", "pop-at-injury"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Error: " + CrossStepContradictionFactory.Message, page.Document.QuerySelector("#mechanical-error")?.TextContent.Trim());
        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent.Trim())).ToList();
        Assert.Equal([("#mechanical", CrossStepContradictionFactory.Message), ("/check/about-the-injury#injury", "Or change your answer to \u201cDid it start with an injury?\u201d")], links);

        await SaveStepAsync(client, "/check/about-the-injury", CheckForm.SelfCareAnswers.With("injury", "twist"));
        await SaveStepAsync(client, "/check/swelling-stiffness", CheckForm.SelfCareAnswers);
        await SaveStepAsync(client, "/check/clicking", CheckForm.SelfCareAnswers.With("mechanical", "pop-at-injury"));
    }

    [Fact]
    public async Task ChangingTheFirstAnswerFromReviewShowsTheContradictionOnThatStepWithALinkBack()
    {
        var client = factory.CreatePlainClient();
        var review = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With("injury", "twist").With("mechanical", "pop-at-injury"));
        Assert.Equal("Check your answers", review.H1);

        var (status, page) = await PostStepAsync(client, "/check/about-the-injury?change=true", CheckForm.SelfCareAnswers);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Error: " + CrossStepContradictionFactory.Message, page.Document.QuerySelector("#injury-error")?.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("#onset-error"));
        var hrefs = page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#injury", "/check/clicking?change=true#mechanical"], hrefs);
    }
}
