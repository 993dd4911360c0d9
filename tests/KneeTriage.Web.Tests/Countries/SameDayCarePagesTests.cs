using System.Text.RegularExpressions;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// A runner in Boston with an urgent result was told to go to "a minor-injury unit or a same-day GP
/// appointment (an urgent care center can direct you)", and the footer named an urgent treatment
/// centre: places that do not exist where they live. The urgent and emergency results, the warning
/// signs and a result stored with yesterday's words name each country's own same-day services.
/// </summary>
public sealed partial class SameDayCarePagesTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    public static TheoryData<string> Codes => CountryPagesTests.Codes;

    private static Country CountryOf(string code) => CountryTable.Default.Find(code);

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AnUrgentResultAndTheWarningSignsNameOnlyTheCountrysServices(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        // Cannot take four steps, no injury: get it checked today.
        var (body, result) = await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("cannot-bear-weight", new BooleanAnswer(true)), code);
        Assert.Equal("same-day", body.GetProperty("disposition").GetString());

        foreach (var page in new[] { result, await HtmlPage.LoadAsync(client, "/check"), await HtmlPage.LoadAsync(client, "/article/introduction") })
        {
            AssertNamesOnlyTheCountrysServices(page.Url, page.Document.Body!.TextContent, code);
        }

        AssertTheSameDayActionNamesTheCountrysServices(result.Document.QuerySelector(".urgency-banner .do-now-list")?.TextContent ?? "", code);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AnEmergencyResultAfterAnInjuryNamesOnlyTheCountrysServices(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = RuleRaisingAnswers.Calm.With("cannot-bear-weight", new BooleanAnswer(true)).With("injury", new TextAnswer("twist")).With("onset", new TextAnswer("sudden"));
        var (body, result) = await ResultPosting.PostAndLoadAsync(client, answers, code);
        Assert.Equal("go-to-emergency-department", body.GetProperty("disposition").GetString());

        AssertNamesOnlyTheCountrysServices(result.Url, result.Document.Body!.TextContent, code);
        Assert.Contains(
            code == "GB" ? "emergency department (A&E)" : "emergency department",
            result.Document.QuerySelector(".urgency-banner .do-now-list")?.TextContent,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task TheGuideNamesTheCountrysSameDayServices(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var sameDay = CountryOf(code).SameDayCare;

        var clot = await HtmlPage.LoadAsync(client, "/article/causes");
        var whoToSee = await HtmlPage.LoadAsync(client, "/article/diagnosis");

        Assert.Contains($"Get seen the same day ({CountryOf(code).SameDayDoctor}).", Normalise(clot.Document.Body!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"Same-day care ({sameDay}) is for a knee that swelled", Normalise(whoToSee.Document.Body!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"Go to {(code == "GB" ? "A&E" : CountryOf(code).EmergencyDepartment)} now if you cannot take four steps on the leg after an injury", Normalise(whoToSee.Document.Body!.TextContent), StringComparison.Ordinal);
    }

    /// <summary>
    /// A possible clot needs a doctor, who arranges the scan: the clot rules' words (the API's
    /// message, the clinician's summary, older results' banner) send no runner to an injury unit,
    /// which cannot scan a calf, and every country reads its own same-day doctor there.
    /// </summary>
    [Theory]
    [InlineData("suspected-clot")]
    [InlineData("unexplained-calf-swelling")]
    public void APossibleClotSendsTheRunnerToADoctorTheSameDay(string ruleId)
    {
        var message = ShippedKnowledgeBase.Instance.WarningRules.Single(rule => rule.Id == ruleId).Message;

        Assert.Contains("(" + CountryOf("GB").SameDayDoctor + ")", message, StringComparison.Ordinal);
        foreach (var words in new[] { "minor injur", "minor-injury", "injury unit", "urgent treatment centre" })
        {
            Assert.DoesNotContain(words, message, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var country in CountryTable.Default.All)
        {
            Assert.Contains("(" + country.SameDayDoctor + ")", Normalise(System.Net.WebUtility.HtmlDecode(
                Regex.Replace(ServiceText.For(country).Encode(message), "<[^>]+>", ""))), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Walk 12: the result's own action, at the top of the page, still named the general same-day
    /// list (in the UK, an urgent treatment centre or a minor injuries unit) to a runner with a
    /// swollen, warm calf. It names the country's same-day doctor, like the clot rules beneath it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public async Task APossibleClotsResultLeadsWithTheCountrysSameDayDoctor(string code)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = RuleRaisingAnswers.Calm.With("calf-signs", new ListAnswer(["swollen", "warm"]));
        var (body, result) = await ResultPosting.PostAndLoadAsync(client, answers, code);
        Assert.Equal("same-day", body.GetProperty("disposition").GetString());

        var action = Normalise(result.Document.QuerySelector(".urgency-banner .do-now-list")?.TextContent ?? "");
        Assert.Contains($"Be seen by a doctor today ({CountryOf(code).SameDayDoctor}).", action, StringComparison.Ordinal);
        foreach (var words in new[] { "minor injur", "minor-injury", "injury unit", "urgent treatment centre", "injury clinic" })
        {
            Assert.DoesNotContain(words, action, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Contract v1.2: a stored result keeps its words; the old ones named the UK's services.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public async Task AResultStoredWithYesterdaysWordsNamesTheViewersServices(string code)
    {
        var token = await StoreAsync(YesterdaysUrgentResult);
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var page = await HtmlPage.LoadAsync(client, $"/results/{token}");

        var banner = page.Document.QuerySelector(".urgency-banner")?.TextContent ?? "";
        AssertNamesOnlyTheCountrysServices(page.Url, page.Document.Body!.TextContent, code);
        if (code == "GB")
        {
            // The UK reads the words as they were stored.
            Assert.All(YesterdaysUrgentResult.RedFlags, flag => Assert.Contains(flag.Message, Normalise(banner), StringComparison.Ordinal));
            Assert.Contains(YesterdaysUrgentResult.DoNow[0], Normalise(banner), StringComparison.Ordinal);
        }
        else
        {
            AssertTheSameDayActionNamesTheCountrysServices(page.Document.QuerySelector(".urgency-banner .do-now-list")?.TextContent ?? "", code);
            Assert.Contains("Be seen today for a scan (" + CountryOf(code).SameDayDoctor + ")", Normalise(banner), StringComparison.Ordinal);
        }
    }

    /// <summary>An urgent result stored before this change, with the words the knowledge base had then.</summary>
    private static StoredResult YesterdaysUrgentResult { get; } = new()
    {
        Urgency = Urgency.Emergency,
        SeeClinician = true,
        KnowledgeBaseVersion = "yesterday",
        RedFlags =
        [
            new StoredRedFlag { Id = "cannot-walk-after-injury", Urgency = Urgency.Emergency, Message = "Not being able to take four steps after a knee injury can mean a broken bone or a serious ligament injury. Go to an emergency department or urgent treatment centre now for an X-ray." },
            new StoredRedFlag { Id = "cannot-bear-weight", Urgency = Urgency.Urgent, Message = "You cannot take four steps on the leg. Get it checked today (urgent care, a minor-injury unit or a same-day appointment); an X-ray may be needed." },
            new StoredRedFlag { Id = "suspected-clot", Urgency = Urgency.Urgent, Message = "These calf signs could be a blood clot (DVT). Only a scan can tell. Be seen today for a scan (NHS 111, urgent GP or urgent care). Call 999 if you become breathless or have chest pain." },
            new StoredRedFlag { Id = "unexplained-calf-swelling", Urgency = Urgency.Urgent, Message = "A swollen calf without a clear injury can be a blood clot. Only a scan can tell. Be seen today (NHS 111, urgent GP or urgent care)." },
        ],
        LikelyCauses = [],
        DoNow =
        [
            "Be seen by a clinician today, at urgent care, a minor-injury unit or a same-day GP appointment (in the UK, NHS 111 can direct you).",
            "Do not run until you have been seen.",
        ],
        SelfCare = [],
        ComeBackIf = [],
        Answers = [new AnswerLine { QuestionId = "age", StepId = "you-and-training", Question = "How old are you?", Answer = "35 years" }],
    };

    private Task<string> StoreAsync(StoredResult result) => StoredResultsAsWritten.StoreAsync(factory.Services, result);

    private static void AssertTheSameDayActionNamesTheCountrysServices(string action, string code)
    {
        Assert.Contains("today (" + CountryOf(code).SameDayCare + ")", Normalise(action), StringComparison.Ordinal);
    }

    /// <summary>The UK's own services, and the bracket the old swap made of "(in the UK, NHS 111 can direct you)".</summary>
    private static void AssertNamesOnlyTheCountrysServices(string url, string text, string code)
    {
        text = Normalise(text);
        if (code == "GB")
        {
            Assert.Contains("NHS 111", text, StringComparison.Ordinal);
            return;
        }

        foreach (var words in new[] { "minor-injury unit", "minor injuries unit", "minor injury unit", "urgent treatment centre", "NHS 111", "A&E", "can direct you)", "in the UK" })
        {
            Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{url} for {code} names '{words}': {Around(text, words)}");
        }

        if (code is "US" or "CA" or "ZZ")
        {
            var gp = GeneralPractitioner().Match(text);
            Assert.False(gp.Success, $"{url} for {code} names a GP: {Around(text, "GP")}");
        }
    }

    private static string Around(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : text[Math.Max(0, at - 80)..Math.Min(text.Length, at + words.Length + 80)];
    }

    [GeneratedRegex(@"\bGPs?\b", RegexOptions.CultureInvariant)]
    private static partial Regex GeneralPractitioner();
}
