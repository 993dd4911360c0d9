using System.Net;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// Walkers on a US page read "How tall are you?" and "How much do you weigh?" with no unit; "170"
/// meant as pounds was kept and read back as "170 kg", and "5'10" was refused in "(centimetres)".
/// The form asks in the viewer's units (feet, inches and pounds on a US page; cm and kg, each named,
/// elsewhere), keeps the contract's cm and kg, and reads back in the viewer's units. Bad input is
/// said in the units asked and nothing typed is lost. The API still speaks cm and kg.
/// </summary>
public sealed class HeightAndWeightUnitsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private const string StepUrl = "/check/you-and-training";
    private const string Height = "How tall are you?";
    private const string Weight = "How much do you weigh?";

    private static string AnswerTo(HtmlPage page, string listSelector, string question)
    {
        var rows = page.Document.QuerySelectorAll($"{listSelector} .summary-list-row")
            .Where(row => PageText.Normalise(row.QuerySelector(".summary-list-key")!.TextContent) == question)
            .Select(row => PageText.Normalise(row.QuerySelector(".summary-list-value")!.TextContent))
            .ToList();
        Assert.True(rows.Count == 1, $"{page.Url} should list \u201c{question}\u201d once in {listSelector}; found {rows.Count}.");
        return rows[0];
    }

    /// <summary>The words a screen reader gives a field: its label(s), and what its aria-describedby names.</summary>
    private static string FieldWords(HtmlPage page, string inputId)
    {
        var input = page.Document.GetElementById(inputId) ?? throw new Xunit.Sdk.XunitException($"{page.Url} has no field #{inputId}.");
        var labels = page.Document.QuerySelectorAll($"label[for='{inputId}']").Select(l => l.TextContent);
        var described = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => page.Document.GetElementById(id)?.TextContent ?? "");
        return PageText.Normalise(string.Join(" ", labels.Concat(described)));
    }

    /// <summary>
    /// Walk 20: 135 pounds is kept as 61 kg, which is 134.5 pounds; read back as "134 pounds" it
    /// looked like a number the runner never typed. The kept kilograms come first, the pounds as "about".
    /// </summary>
    [Fact]
    public async Task AWeightTypedInPoundsIsReadBackAsTheKilogramsKeptAndAboutHowManyPounds()
    {
        using var runner = await CountryViewer.ChoosingAsync(factory, "US");
        var review = await CheckForm.ReachReviewAsync(runner, CheckForm.SelfCareAnswers.With("height-cm-feet", "5").With("height-cm-inches", "6").With("weight-kg-pounds", "135"));
        Assert.Equal("61 kg (about 134 pounds)", AnswerTo(review, "#answers", Weight));
        Assert.Equal("168 cm (about 5 feet 6 inches)", AnswerTo(review, "#answers", Height));
    }

    [Theory]
    [InlineData("5", "10")]
    [InlineData("5'10\"", "")]
    [InlineData("5 ft 10 in", "")]
    public async Task AUsPageAsksInFeetInchesAndPoundsKeepsCentimetresAndKilogramsAndReadsBackInFeetAndPounds(string feet, string inches)
    {
        using var runner = await CountryViewer.ChoosingAsync(factory, "US");
        var answers = CheckForm.SelfCareAnswers.With("height-cm-feet", feet).With("height-cm-inches", inches).With("weight-kg-pounds", "170");

        var review = await CheckForm.ReachReviewAsync(runner, answers);
        Assert.Equal("178 cm (about 5 feet 10 inches)", AnswerTo(review, "#answers", Height));
        Assert.Equal("77 kg (about 170 pounds)", AnswerTo(review, "#answers", Weight));

        var step = await HtmlPage.LoadAsync(runner, StepUrl);
        Assert.Equal("feet", FieldWords(step, "height-cm-feet"));
        Assert.Equal("inches", FieldWords(step, "height-cm-inches"));
        Assert.Equal("pounds", FieldWords(step, "weight-kg-pounds"));
        Assert.Null(step.Document.GetElementById("weight-kg"));
        // Back on the step, what was typed, never kilograms.
        Assert.Equal("170", step.Document.GetElementById("weight-kg-pounds")!.GetAttribute("value"));
        Assert.Equal(feet, step.Document.GetElementById("height-cm-feet")!.GetAttribute("value"));
        Assert.Equal(inches, step.Document.GetElementById("height-cm-inches")!.GetAttribute("value"));

        using var submitted = await CheckForm.SubmitAsIsAsync(runner, review, "main form.actions");
        var resultPath = submitted.Headers.Location!.OriginalString;
        var result = await HtmlPage.LoadAsync(runner, resultPath);
        Assert.Equal("178 cm (about 5 feet 10 inches)", AnswerTo(result, ".answer-summary", Height));
        Assert.Equal("77 kg (about 170 pounds)", AnswerTo(result, ".answer-summary", Weight));

        // The contract's units in the API, and for a viewer in the UK.
        using var stored = await runner.GetAsync($"/api/assessments/{resultPath["/results/".Length..]}");
        var storedAnswers = (await ApiClient.JsonAsync(stored)).GetProperty("answers");
        Assert.Equal(178, storedAnswers.GetProperty("height-cm").GetInt32());
        Assert.Equal(77, storedAnswers.GetProperty("weight-kg").GetInt32());
        using var inTheUk = await CountryViewer.ChoosingAsync(factory, "GB");
        Assert.Equal("77 kg", AnswerTo(await HtmlPage.LoadAsync(inTheUk, resultPath), ".answer-summary", Weight));
    }

    [Fact]
    public async Task AMetricPageNamesTheUnitOfEachField()
    {
        using var runner = await CountryViewer.ChoosingAsync(factory, "GB");
        await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers);

        var step = await HtmlPage.LoadAsync(runner, StepUrl);

        Assert.Equal("How tall are you? Optional. cm", FieldWords(step, "height-cm"));
        Assert.Equal("How much do you weigh? Optional. kg", FieldWords(step, "weight-kg"));
        Assert.Null(step.Document.GetElementById("weight-kg-pounds"));
    }

    [Theory]
    [InlineData("170 kg", "Enter your weight in pounds, a number from 66 to 552, or leave it empty.")]
    [InlineData("600", "Enter your weight in pounds, a number from 66 to 552, or leave it empty.")]
    public async Task AWeightThatCannotBeKeptIsSaidInPoundsAndWhatWasTypedStays(string typed, string message)
    {
        using var runner = await CountryViewer.ChoosingAsync(factory, "US");
        await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers);
        var step = await HtmlPage.LoadAsync(runner, StepUrl);

        using var posted = await CheckForm.SubmitAsync(runner, step, CheckForm.SelfCareAnswers.With("height-cm-feet", "5").With("height-cm-inches", "10").With("weight-kg-pounds", typed));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var shown = HtmlPage.Parse(StepUrl, await posted.Content.ReadAsStringAsync());
        Assert.Contains(message, PageText.Normalise(shown.Document.GetElementById("weight-kg-error")!.TextContent), StringComparison.Ordinal);
        Assert.Contains(shown.Document.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#weight-kg-pounds");
        Assert.Equal(typed, shown.Document.GetElementById("weight-kg-pounds")!.GetAttribute("value"));
        Assert.Equal("5", shown.Document.GetElementById("height-cm-feet")!.GetAttribute("value"));
        Assert.Equal("checked", shown.Document.QuerySelector("input[name='training-change'][value='more-distance']")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task AHeightThatIsNotFeetAndInchesIsSaidInFeetAndInches()
    {
        using var runner = await CountryViewer.ChoosingAsync(factory, "US");
        await CheckForm.AnswerEveryStepAsync(runner, CheckForm.SelfCareAnswers);
        var step = await HtmlPage.LoadAsync(runner, StepUrl);

        using var posted = await CheckForm.SubmitAsync(runner, step, CheckForm.SelfCareAnswers.With("height-cm-feet", "five").With("height-cm-inches", "10"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var shown = HtmlPage.Parse(StepUrl, await posted.Content.ReadAsStringAsync());
        Assert.Contains("Enter your height in feet and inches, from 3 feet 4 inches to 7 feet 6 inches, or leave both boxes empty.", PageText.Normalise(shown.Document.GetElementById("height-cm-error")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("five", shown.Document.GetElementById("height-cm-feet")!.GetAttribute("value"));
    }
}
