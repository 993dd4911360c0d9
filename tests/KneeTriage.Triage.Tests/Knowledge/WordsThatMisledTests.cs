using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// Issue #20: questions that readers who knew only a runner's story misread on the real form, and
/// how the knowledge base now asks them. Each test fails if the wording or order slides back.
/// </summary>
public sealed class WordsThatMisledTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    [Theory]
    [InlineData("fever", false)]
    [InlineData("breathless-or-chest-pain", false)]
    [InlineData("not-settling-after-run", true)]
    public void ACompoundWarningQuestionIsAskedOneFactAtATime(string questionId, bool everyPartNeeded)
    {
        var question = Shipped.FindQuestion(questionId)!;

        Assert.True(question.Parts.Count >= 2, $"{questionId} is asked as one compound question");
        Assert.Equal(everyPartNeeded, question.EveryPartNeeded);
        Assert.All(question.Parts, part =>
        {
            Assert.True(part.SignWhen, $"{part.Id} is not asked positively");
            Assert.DoesNotContain(", or ", part.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(", with ", part.Text, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Walk 16: a runner with a hot, red knee had shivers and a fever the night before, and would
    /// truthfully have answered "no" to "Are you shivering?", which took his result from "go to
    /// A&amp;E now" down to "be seen today". A fever comes and goes, and a painkiller hides it: each
    /// part of the fever question asks about the last few days, and the question itself does too.
    /// </summary>
    [Fact]
    public void TheFeverQuestionAsksAboutTheLastFewDaysNotOnlyNow()
    {
        var fever = Shipped.FindQuestion("fever")!;

        Assert.StartsWith("In the last few days, ", fever.Text, StringComparison.Ordinal);
        Assert.All(fever.Parts, part => Assert.True(
            part.Text.StartsWith("In the last few days, have you ", StringComparison.Ordinal),
            $"{part.Id} asks only about now: \"{part.Text}\""));
    }

    /// <summary>
    /// Walk 11: an X-ray sign said "even if you can walk" on a result whose emergency action says
    /// "Do not walk on it: get a lift", and the runner, who could walk, asked whether they could walk
    /// in. Being able to walk is said as what it is (no proof the bone is whole), never as leave to walk.
    /// </summary>
    [Fact]
    public void NoWarningSignReadsAsLeaveToWalkOnTheLeg()
    {
        var words = Shipped.WarningSigns.SelectMany(group => group.Signs.Select(sign => $"{sign.Id}: {sign.Sign} {sign.Why}"))
            .Concat(Shipped.WarningRules.Select(rule => $"{rule.Id}: {rule.Message}"));

        Assert.All(words, text => Assert.DoesNotMatch(@"(?i)\b(even )?if you can (still )?walk\b", text));
        Assert.Contains(Shipped.WarningSigns.SelectMany(group => group.Signs), sign => sign.Why?.Contains("Being able to walk does not rule one out", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// Walk 12: a runner told "only a scan can tell" (a clot) or "needs an X-ray" (a fall over 50)
    /// could not tell which of the same-day places could do it, and feared hours passed between
    /// services. The same-day action says the clinician who sees them arranges it.
    /// </summary>
    [Fact]
    public void TheSameDayActionSaysTheClinicianArrangesAnXRayOrAScan()
    {
        var lines = Shipped.Advice.Action[KneeTriage.Triage.Engine.Disposition.SameDay];

        Assert.Contains(lines.Skip(1), line => line.Contains("X-ray or a scan", StringComparison.Ordinal) && line.Contains("arrange", StringComparison.Ordinal));
    }

    [Fact]
    public void BloodThinnersAreAskedOnTheStepThatAsksAboutSwellingSoTheirEmergencyInterruptsThere()
    {
        var swellingStep = Shipped.FindQuestion("swelling")!.Step;

        Assert.Equal(swellingStep, Shipped.FindQuestion("blood-thinners")!.Step);
        // Every other answer the blood-thinner rules read is known by then.
        var steps = Shipped.Steps.Select(s => s.Id).ToList();
        Assert.All(new[] { "injury", "duration" }, id => Assert.True(steps.IndexOf(Shipped.FindQuestion(id)!.Step) <= steps.IndexOf(swellingStep)));
    }

    [Fact]
    public void TheSideQuestionAsksAboutTheLegSoARunnerWithCalfPainCanAnswer()
    {
        var side = Shipped.FindQuestion("side")!;

        Assert.Contains("leg", side.Text, StringComparison.Ordinal);
        Assert.All(side.Options, option => Assert.DoesNotContain("knee", option.Label, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheCalfCrampQuestionSaysItIsTheCalfDuringExerciseEasingWithRest()
    {
        var cramp = Shipped.FindQuestion("calf-cramp-on-exertion")!;

        Assert.Contains("calf", cramp.Text, StringComparison.Ordinal);
        Assert.Contains("exercise", cramp.Text, StringComparison.Ordinal);
        Assert.Contains("rest", cramp.Text, StringComparison.Ordinal);
        Assert.Contains("not the knee", cramp.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void TheButtockQuestionSaysWhichWayThePainTravels()
    {
        var part = Shipped.FindQuestion("back-pain")!.Parts.Single(p => p.Id == "buttock-to-thigh-pain");

        Assert.Contains("start in your buttock", part.Text, StringComparison.Ordinal);
        Assert.Contains("spreads up the thigh", part.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunPatternOffersAChoiceForPainThatNoOptionFits()
    {
        var pattern = Shipped.FindQuestion("run-pattern")!;

        Assert.Contains("nothing to do with running", pattern.NoneFits, StringComparison.Ordinal);
        Assert.Contains("during", pattern.Options.Single(o => o.Value == "builds-through-run").Label, StringComparison.Ordinal);
        Assert.Contains("afterwards", pattern.Options.Single(o => o.Value == "builds-through-run").Label, StringComparison.Ordinal);
    }

    [Fact]
    public void NoneFitsOnARequiredQuestionIsRejected()
    {
        using var copy = new KnowledgeBaseCopy();
        copy.Replace("questions.yaml", "        text: How long have you had it?\n", "        text: How long have you had it?\n        noneFits: None of these\n");

        var error = Assert.Throws<KnowledgeBaseException>(copy.Load);

        Assert.Contains("'noneFits' is only for a single-choice question that may be left unanswered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AskedAsNeedsMustSayAnyOrEvery()
    {
        using var copy = new KnowledgeBaseCopy();
        copy.Replace("questions.yaml", "        askedAsNeeds: every\n", "        askedAsNeeds: both\n");

        var error = Assert.Throws<KnowledgeBaseException>(copy.Load);

        Assert.Contains("'both' is not any or every", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A runner with a new limp and a hip that did not hurt read "a new limp ... may mean the hip is
    /// the cause" as a mistake and let it go. In young runners a slipped growth plate at the hip is
    /// felt in the knee, and the knee or thigh can be the only complaint (clinical-notes 7.3): the
    /// finding says plainly that the hip may not hurt at all.
    /// </summary>
    [Fact]
    public void TheHipFindingSaysTheHipMayNotHurtAtAll()
    {
        var message = Shipped.WarningRules.Single(rule => rule.Id == "hip-or-groin-pain").Message;

        Assert.Contains("even if your hip does not hurt", message, StringComparison.Ordinal);
        Assert.Contains("slipped growth plate", message, StringComparison.Ordinal);
        Assert.DoesNotContain("may mean the hip is the cause", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Under a same-day page for a hot knee, "Go to an emergency department now if: ... you have a
    /// replacement joint, diabetes ..." was read as a second action for a runner with diabetes. The
    /// infection risks are conditions beyond what she reported, which count only with the hot knee:
    /// the list's lead says they count as well as what she told the check ("if any of these is also
    /// true" left a tester asking "also as what?").
    /// </summary>
    [Fact]
    public void TheEmergencyDepartmentListSaysItsConditionsCountOnlyAlongsideWhatWasReported()
    {
        var group = Shipped.Advice.GetHelpIf.Single(g => g.Disposition == KneeTriage.Triage.Engine.Disposition.GoToEmergencyDepartment);

        Assert.Contains(group.Signs, sign => sign.Words.Contains("diabetes", StringComparison.Ordinal));
        Assert.EndsWith(" if, as well as what you have told us, any of these is true:", group.Lead, StringComparison.Ordinal);
        Assert.DoesNotContain("also true", group.Lead, StringComparison.Ordinal);
    }

    /// <summary>
    /// The urgent and result pages' emergency-department list said "the knee turns hot, even if it is
    /// not red" to runners with a fever or an infection risk, without naming either; beside the
    /// footer's "a hot knee: get seen today" it read as "a hot knee alone is A&amp;E". Every line of that
    /// list about the knee turning hot names what makes it an emergency (a fever, or the infection
    /// risk the runner reported), for every runner who sees it.
    /// </summary>
    [Theory]
    [InlineData("a fever", "fever", "")]
    [InlineData("diabetes", "", "diabetes-or-weak-immunity")]
    [InlineData("a knee injection", "", "joint-injection-or-surgery")]
    [InlineData("a hot calf after a pull", "", "")]
    public void EveryHotKneeLineOfTheEmergencyDepartmentListSaysWhatMakesItAnEmergency(string runner, string fever, string risk)
    {
        var answers = SampleAnswers.Calm.With("injury", "push-off").WithList("calf-signs", "swollen", "warm", "tender");
        answers = fever == "" ? answers : answers.With("fever", true);
        answers = risk == "" ? answers : answers.WithList("infection-risk", risk);

        var assessment = new KneeTriage.Triage.Engine.TriageEngine(Shipped).Assess(answers);

        var goNow = Assert.Single(assessment.Advice.GetHelpIf, g => g.Disposition == KneeTriage.Triage.Engine.Disposition.GoToEmergencyDepartment);
        var hotKnee = goNow.Signs.Where(sign => sign.Contains("knee turns hot", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hotKnee);
        Assert.All(hotKnee, sign => Assert.True(
            sign.Contains("you have a fever or feel unwell", StringComparison.Ordinal)
            || (sign.Contains("even without a fever", StringComparison.Ordinal) && sign.Contains("diabetes", StringComparison.Ordinal) && sign.Contains("injection or operation on this knee", StringComparison.Ordinal)),
            $"{runner}: \"{sign}\" does not say what makes a hot knee an emergency"));
    }

    /// <summary>
    /// The clot risk "hormones-or-pregnancy" was read back as "hormones or pregnancy", though it
    /// covers the pill, HRT, a pregnancy or a recent birth: its label and its short label (the
    /// clinician summary's) say all four. The id is the contract's and stays.
    /// </summary>
    [Fact]
    public void TheHormoneClotRiskSaysEverythingItCovers()
    {
        var option = Shipped.FindQuestion("clot-risk")!.Options.Single(o => o.Value == "hormones-or-pregnancy");

        Assert.All(new[] { option.Label, option.Short ?? "" }, words => Assert.All(new[] { "pill", "HRT", "pregnan", "birth" }, covered =>
            Assert.True(words.Contains(covered, StringComparison.Ordinal), $"\"{words}\" leaves out {covered}")));
    }

    /// <summary>
    /// Walk 21: a runner on methotrexate did not know her medicine meant "a weak immune system",
    /// ticked "None of these", and a hot knee's emergency department fell to the same day.
    /// </summary>
    [Fact]
    public void TheWeakImmunityRiskNamesTheMedicinesThatCauseOne()
    {
        var option = Shipped.FindQuestion("infection-risk")!.Options.Single(o => o.Value == "diabetes-or-weak-immunity");

        Assert.All(new[] { "steroid", "methotrexate", "biologic", "chemotherapy" }, medicine =>
            Assert.True(option.Label.Contains(medicine, StringComparison.Ordinal), $"\"{option.Label}\" leaves out {medicine}"));
    }

    /// <summary>
    /// The check's history box now reads "Arthritis in this knee, or an arthritis that affects many
    /// joints", since rheumatoid or psoriatic arthritis is an infection risk too. Every list that
    /// names arthritis among the infection risks (the footer's signs, the get-help lines) says the
    /// same, so a runner with rheumatoid arthritis and a hot knee does not read "arthritis in this
    /// knee" as not theirs and wait.
    /// </summary>
    [Fact]
    public void EveryInfectionRiskListNamesAnArthritisInManyJointsAsTheCheckDoes()
    {
        var label = Shipped.FindQuestion("history")!.Options.Single(o => o.Value == "arthritis").Label;
        Assert.Contains("many joints", label, StringComparison.Ordinal);

        var lists = Shipped.WarningSigns.SelectMany(group => group.Signs).SelectMany(sign => new[] { $"warning sign {sign.Id}: {sign.Sign}", $"warning sign {sign.Id}'s short form: {sign.Short}" })
            .Concat(Shipped.Advice.GetHelpIf.SelectMany(group => group.Signs).Select(sign => $"get-help line: {sign.Words}"))
            .Where(text => text.Contains("weak immune system", StringComparison.Ordinal) && text.Contains("arthritis", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, text => Assert.True(
            System.Text.RegularExpressions.Regex.IsMatch(text.ReplaceLineEndings(" "), "arthritis in (this|that) knee or in many joints"),
            $"Names arthritis as an infection risk without the check's \"many joints\": {text}"));
    }

    /// <summary>
    /// Walk 24: the footer's short form said "a hot knee with a fever" where the check asks "a fever,
    /// shivers or feeling unwell": a runner who felt unwell but had no temperature read it as not hers.
    /// </summary>
    [Fact]
    public void TheHotKneeWithAFeverShortFormSaysWhatTheCheckAsks()
    {
        var sign = Shipped.WarningSigns.SelectMany(group => group.Signs).Single(s => s.Id == "hot-red-knee-with-fever");

        Assert.EndsWith("with a fever, shivers or feeling unwell", sign.Short, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walk 23: a booked result ("book in the next few days") showed a self-care card's "See a
    /// physiotherapist if it is not better after about 2 weeks", a slower timeline beside the booking.
    /// A self-care step that sets a wait before seeing someone says the booking comes sooner.
    /// </summary>
    [Fact]
    public void ASelfCareStepThatSetsAWaitSaysABookingComesSooner()
    {
        var waits = Shipped.Conditions.SelectMany(condition => condition.SelfCare.Select(step => (condition.Id, step)))
            .Where(pair => pair.step.Contains("if it is not better after", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(waits);
        Assert.All(waits, pair => Assert.True(pair.step.Contains("or sooner if this check says to book", StringComparison.Ordinal),
            $"{pair.Id}: \"{pair.step}\" sets a wait beside a result that may say to book"));
    }
}
