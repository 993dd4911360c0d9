using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>
/// Two walkers read the footer's "if you are worried, or the pain is not getting better, see a GP
/// or a physiotherapist" under "be seen today" and "call 999" as leave to wait and see (and a
/// physiotherapist is the wrong place for a possible clot). The footer keeps "does not replace a
/// clinician" on every page, but offers the GP only where the page's own action is no more urgent;
/// elsewhere it points back to that action.
/// </summary>
public sealed class FooterBesideTheActionTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    /// <summary>The footer's words where the page leads with a more urgent action.</summary>
    private const string FollowTheAction = "Follow the action at the top of this page.";

    public static TheoryData<string, string> ResultsByCountry()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "GB", "US" })
        {
            foreach (var disposition in Answers.Keys)
            {
                data.Add(code, disposition);
            }
        }

        return data;
    }

    /// <summary>A runner for each disposition, by its contract id.</summary>
    private static readonly Dictionary<string, AnswerSet> Answers = new(StringComparer.Ordinal)
    {
        ["self-care"] = RuleRaisingAnswers.Calm,
        ["book-appointment"] = RuleRaisingAnswers.Calm.With("pain-severity", new NumberAnswer(9)),
        ["same-day"] = RuleRaisingAnswers.Calm.With("cannot-bear-weight", new BooleanAnswer(true)),
        ["go-to-emergency-department"] = RuleRaisingAnswers.Calm.With("hot-red-knee", new BooleanAnswer(true)).With("fever", new BooleanAnswer(true)),
        ["call-emergency-number"] = RuleRaisingAnswers.Calm.With("breathless-or-chest-pain", new BooleanAnswer(true)),
    };

    [Theory]
    [MemberData(nameof(ResultsByCountry))]
    public async Task AResultsFooterOffersTheGpOnlyWhenTheResultLeavesTimeToWait(string code, string disposition)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var (body, page) = await ResultPosting.PostAndLoadAsync(client, Answers[disposition], disposition);
        Assert.Equal(disposition, body.GetProperty("disposition").GetString());

        AssertFooterFits(page, code, leavesTime: disposition is "self-care" or "book-appointment");
    }

    /// <summary>
    /// Walk 14: under "go to A&amp;E now" a runner with a hot, red, swollen knee and a fever found
    /// "a hot, red knee" and "a swollen knee with a fever" again in the footer's "get seen today"
    /// list. Beside a result's action the footer lists only the signs of that action or a more urgent one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ResultsByCountry))]
    public async Task AResultsFooterListsNoSignsUnderAGentlerActionThanTheResults(string code, string disposition)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var (_, page) = await ResultPosting.PostAndLoadAsync(client, Answers[disposition], disposition);
        Assert.True(DispositionIds.TryParse(disposition, out var resultAction));

        var listed = page.Document.QuerySelectorAll("footer .footer-warnings [data-action]")
            .Select(level => level.GetAttribute("data-action")!)
            .ToList();

        Assert.NotEmpty(listed);
        foreach (var action in listed)
        {
            Assert.True(DispositionIds.TryParse(action, out var signsAction), $"'{action}' is not a disposition");
            Assert.True(signsAction >= resultAction, $"a {disposition} result's footer lists signs under '{action}'");
        }

        // The signs of the result's own action and of every more urgent one stay.
        Assert.Contains("call-emergency-number", listed);
        Assert.Equal(resultAction <= Disposition.SameDay, listed.Contains("same-day"));
    }

    [Theory]
    [InlineData("GB", Urgency.Emergency, false)]
    [InlineData("US", Urgency.Urgent, false)]
    [InlineData("GB", Urgency.SeeClinician, true)]
    [InlineData("US", Urgency.SelfCare, true)]
    public async Task AResultStoredLongAgoFollowsTheSameRule(string code, Urgency urgency, bool leavesTime)
    {
        var token = await StoreEarlierResultAsync(urgency);
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var page = await HtmlPage.LoadAsync(client, $"/results/{token}");

        Assert.NotNull(page.Document.QuerySelector(".result-earlier-version"));
        AssertFooterFits(page, code, leavesTime);
    }

    [Theory]
    [InlineData("GB", "breathless-or-chest-pain", "yes", "/check/emergency")]
    [InlineData("US", "breathless-or-chest-pain", "yes", "/check/emergency")]
    [InlineData("GB", "four-steps-now", "no", "/check/urgent")]
    [InlineData("US", "four-steps-now", "no", "/check/urgent")]
    public async Task TheChecksWarningPageFooterPointsBackToItsAction(string code, string question, string answer, string expected)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var page = await CheckForm.AnswerEveryStepAsync(client, CheckForm.SelfCareAnswers.With(question, answer));

        Assert.Equal(expected, page.Url);
        AssertFooterFits(page, code, leavesTime: false);
    }

    /// <summary>A runner's story for the check's form that meets a warning page, by the action that page leads with.</summary>
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string[]>> WarningStories = new(StringComparer.Ordinal)
    {
        ["call-emergency-number"] = CheckForm.SelfCareAnswers.With("breathless-or-chest-pain", "yes"),
        ["go-to-emergency-department"] = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes").With("fever", "yes"),
        ["same-day"] = CheckForm.SelfCareAnswers.With("four-steps-now", "no"),
        // A possible clot: the same day, with a doctor (its action line's whenRaised words).
        ["same-day-clot"] = CheckForm.SelfCareAnswers.With("calf-signs", "swollen", "warm"),
    };

    public static TheoryData<string, string> WarningStoriesByCountry() => new()
    {
        { "GB", "call-emergency-number" },
        { "US", "call-emergency-number" },
        { "GB", "go-to-emergency-department" },
        { "IE", "go-to-emergency-department" },
        { "GB", "same-day" },
        { "US", "same-day" },
        { "GB", "same-day-clot" },
        { "IE", "same-day-clot" },
    };

    /// <summary>
    /// Walkers who carried on past "call 999 now" (or "be seen today") to finish the check met
    /// "if you are worried, see a GP" and the full "get seen today" list in the footer of every later
    /// step and of the review, and read them as leave to wait. Those pages lead with the warning
    /// page's action, which still stands, and the footer follows it as it does under a result.
    /// </summary>
    [Theory]
    [MemberData(nameof(WarningStoriesByCountry))]
    public async Task TheChecksLaterPagesLeadWithTheWarningPagesActionAndTheFooterFollowsIt(string code, string story)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var answers = WarningStories[story];
        var warning = await CheckForm.AnswerEveryStepAsync(client, answers);
        Assert.True(warning.Url is "/check/emergency" or "/check/urgent", $"The story '{story}' reached {warning.Url}, not a warning page");
        var action = Normalise(warning.Document.QuerySelector(".interruption-action li")?.TextContent ?? "");
        Assert.NotEmpty(action);
        Assert.True(DispositionIds.TryParse(story.Replace("-clot", "", StringComparison.Ordinal), out var disposition));

        using var carryOn = await CheckForm.SubmitAsIsAsync(client, warning, "main form");
        var nextStep = await HtmlPage.LoadAsync(client, carryOn.Headers.Location!.OriginalString);
        var review = await CheckForm.AnswerEveryStepAsync(client, answers, nextStep.Url);
        Assert.Equal("/check/review", review.Url);

        foreach (var page in new[] { nextStep, review })
        {
            // The warning page's action, in its words (and the country's), leads the page.
            var standing = page.Document.QuerySelector("main .action-still-stands");
            Assert.True(standing is not null, $"{page.Url} does not say the warning page's action still stands");
            Assert.Contains($"Your answers show a warning sign. {action}", Normalise(standing.TextContent), StringComparison.Ordinal);

            AssertFooterFits(page, code, leavesTime: false);
            var listed = page.Document.QuerySelectorAll("footer .footer-warnings [data-action]")
                .Select(level => DispositionIds.TryParse(level.GetAttribute("data-action"), out var signs) ? signs : Disposition.SelfCare)
                .ToList();
            Assert.NotEmpty(listed);
            Assert.All(listed, signs => Assert.True(signs >= disposition, $"{page.Url} after a {story} warning lists signs under '{signs.ToContractId()}'"));
        }

        if (story == "same-day-clot")
        {
            // The warning page itself, the steps after it and the review: each leads with a doctor today.
            foreach (var page in new[] { warning, nextStep, review })
            {
                AssertSameDayFooterNamesTheDoctor(page, code);
            }
        }
    }

    /// <summary>
    /// Walk 12's runner with a swollen, warm calf was told "be seen by a doctor today (NHS 111 or an
    /// urgent GP appointment)" at the top of the result, and "an urgent treatment centre or a minor
    /// injuries unit" in its footer, places that cannot arrange a scan for a clot. Under a result
    /// whose action comes from a clot rule, the footer's same-day words are the result's.
    /// </summary>
    [Theory]
    [InlineData("GB", "suspected-clot")]
    [InlineData("GB", "unexplained-calf-swelling")]
    [InlineData("GB", "lump-with-clot-risk")]
    [InlineData("IE", "suspected-clot")]
    [InlineData("US", "lump-with-clot-risk")]
    [InlineData("AU", "unexplained-calf-swelling")]
    public async Task APossibleClotsFooterSendsTheRunnerWhereItsResultDoes(string code, string ruleId)
    {
        var knowledgeBase = factory.Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>();
        var answers = RuleRaisingAnswers.For(knowledgeBase, knowledgeBase.WarningRules.Single(rule => rule.Id == ruleId));
        Assert.NotNull(answers);
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var (body, page) = await ResultPosting.PostAndLoadAsync(client, answers, $"{code}-{ruleId}");

        Assert.Equal("same-day", body.GetProperty("disposition").GetString());
        Assert.Contains(body.GetProperty("redFlags").EnumerateArray(), flag => flag.GetProperty("id").GetString() == ruleId);
        AssertSameDayFooterNamesTheDoctor(page, code);
    }

    /// <summary>The footer's same-day advice names the country's same-day doctor, as a clot's action does, and no injury unit.</summary>
    private static void AssertSameDayFooterNamesTheDoctor(HtmlPage page, string code)
    {
        var country = CountryTable.Default.Find(code);
        var advice = Normalise(page.Document.QuerySelector("footer [data-action='same-day'] .warning-level-advice")?.TextContent ?? "");
        Assert.Contains($"Be seen by a doctor today ({country.SameDayDoctor}).", advice, StringComparison.Ordinal);
        Assert.DoesNotContain(country.SameDayCare, advice, StringComparison.Ordinal);
        foreach (var words in new[] { "minor injur", "injury unit", "urgent treatment centre" })
        {
            Assert.DoesNotContain(words, advice, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static TheoryData<string, string> OtherPagesByCountry()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "GB", "US", "IE" })
        {
            data.Add(code, "/");
            foreach (var disposition in Answers.Keys)
            {
                data.Add(code, "result: " + disposition);
            }

            foreach (var story in WarningStories.Keys.Where(story => story != "same-day-clot"))
            {
                data.Add(code, "warning: " + story);
            }
        }

        return data;
    }

    /// <summary>
    /// Only a possible clot's pages change the footer's words: under every other page (no action,
    /// a result of each disposition, a warning page that is not a clot's) each action's advice in the
    /// footer is warning-signs.yaml's own, in the country's words, the same-day places included.
    /// </summary>
    [Theory]
    [MemberData(nameof(OtherPagesByCountry))]
    public async Task EveryOtherPagesFooterGivesEachActionTheWarningSignsOwnAdvice(string code, string what)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = what switch
        {
            _ when what.StartsWith("result: ", StringComparison.Ordinal) => (await ResultPosting.PostAndLoadAsync(client, Answers[what["result: ".Length..]], what)).Page,
            _ when what.StartsWith("warning: ", StringComparison.Ordinal) => await CheckForm.AnswerEveryStepAsync(client, WarningStories[what["warning: ".Length..]]),
            _ => await HtmlPage.LoadAsync(client, what),
        };
        var services = ServiceText.For(CountryTable.Default.Find(code));
        var knowledge = factory.Services.GetRequiredService<KneeTriage.Triage.Knowledge.KnowledgeBase>();
        var actions = knowledge.WarningSigns.SelectMany(group => group.Actions).ToList();
        var doctorsAdvice = knowledge.WarningSignsFor(Urgency.Urgent)!.ByService!.DoctorAdvice;

        var levels = page.Document.QuerySelectorAll("footer .footer-warnings [data-action]");
        Assert.NotEmpty(levels);
        foreach (var level in levels)
        {
            var action = actions.Single(a => a.Disposition.ToContractId() == level.GetAttribute("data-action"));
            var advice = Normalise(level.QuerySelector(".warning-level-advice")?.TextContent ?? "");
            // The same-day signs that are not injuries (a hot knee, calf signs) have a doctor's line of
            // their own above the injury signs' (NotAnInjuryGoesToADoctorTests).
            var doctorsLine = action.Disposition == Disposition.SameDay && !level.QuerySelectorAll(".sign-list li").Any(sign => sign.TextContent.Contains("cannot take four steps", StringComparison.Ordinal));
            Assert.Equal(Normalise(services.Plain(doctorsLine ? doctorsAdvice : action.Advice)), advice);
        }
    }

    [Theory]
    [InlineData("GB", "/")]
    [InlineData("US", "/")]
    [InlineData("GB", "/article/introduction")]
    [InlineData("US", "/check/warning-signs")]
    public async Task PagesWithoutAnActionKeepTheGp(string code, string path)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);

        AssertFooterFits(await HtmlPage.LoadAsync(client, path), code, leavesTime: true);
    }

    private static void AssertFooterFits(HtmlPage page, string code, bool leavesTime)
    {
        var disclaimer = Normalise(page.Document.QuerySelector("footer .disclaimer")?.TextContent ?? "");
        var clinician = CountryTable.Default.Find(code).Clinician;

        Assert.Contains("KneeTriage informs; it does not replace a clinician. It cannot examine you or make a diagnosis.", disclaimer, StringComparison.Ordinal);
        if (leavesTime)
        {
            Assert.Contains($"If you are worried, or the pain is not getting better, see {clinician}.", disclaimer, StringComparison.Ordinal);
            Assert.DoesNotContain(FollowTheAction, disclaimer, StringComparison.Ordinal);
        }
        else
        {
            Assert.EndsWith(FollowTheAction, disclaimer, StringComparison.Ordinal);
            Assert.DoesNotContain("worried", disclaimer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(clinician, disclaimer, StringComparison.Ordinal);
            Assert.DoesNotContain("physio", disclaimer, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A result stored before contract v1.2 (no contract version): shown under the older results' banner.</summary>
    private async Task<string> StoreEarlierResultAsync(Urgency urgency)
    {
        var result = new StoredResult
        {
            Urgency = urgency,
            SeeClinician = urgency >= Urgency.SeeClinician,
            KnowledgeBaseVersion = "long-ago",
            RedFlags = [],
            LikelyCauses = [],
            DoNow = [urgency >= Urgency.Urgent ? "Be seen by a clinician today." : "Rest for a few days."],
            SelfCare = [],
            ComeBackIf = [],
            Answers = [new AnswerLine { QuestionId = "age", StepId = "you-and-training", Question = "How old are you?", Answer = "35 years" }],
        };
        return await StoredResultsAsWritten.StoreAsync(factory.Services, result);
    }
}
