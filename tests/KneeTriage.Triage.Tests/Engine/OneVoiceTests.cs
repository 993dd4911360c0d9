using KneeTriage.Triage.Engine;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// Nothing of a lower level beside the disposition: "when to get help" lists only more pressing
/// actions, and only signs the runner did not report; young runners are told to show a parent or carer.
/// </summary>
public sealed class OneVoiceTests
{
    private static readonly TriageEngine Engine = new(ShippedKnowledgeBase.Instance);

    [Fact]
    public void AClotResultDoesNotSayGetHelpIfTheCalfSwellsWhenItIs()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.WithList("calf-signs", "swollen", "warm").WithList("clot-risk", "long-travel"));

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        var signs = assessment.Advice.GetHelpIf.SelectMany(g => g.Signs).ToList();
        Assert.DoesNotContain("the calf swells", signs);
        Assert.DoesNotContain("the calf feels hotter than the other calf", signs);
        Assert.DoesNotContain(assessment.Advice.ComeBackIf, line => line.Contains("calf swells", StringComparison.Ordinal));
        Assert.DoesNotContain(assessment.Advice.ComeBackIf, line => line.Contains("2 weeks", StringComparison.Ordinal));
    }

    /// <summary>
    /// Walk 16: a hot knee with no fever is "be seen today" at the check's second step, and the
    /// infection risks that make it "go to A&amp;E now" are asked at its ninth. The runner who stops at
    /// the second step must already read them under "go to an emergency department now if".
    /// </summary>
    [Fact]
    public void AHotKneeSaysWhichInfectionRisksMakeItAnEmergency()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("hot-red-knee", true));

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        var goNow = Assert.Single(assessment.Advice.GetHelpIf, g => g.Disposition == Disposition.GoToEmergencyDepartment);
        Assert.Contains(goNow.Signs, sign => sign.Contains("injection or operation on this knee", StringComparison.Ordinal)
            && sign.Contains("diabetes", StringComparison.Ordinal));
        Assert.Contains("you get a fever or feel unwell", goNow.Signs);
    }

    [Fact]
    public void ASelfCareResultListsOnlyTheCalfSignsNotReported()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("injury", "overstretch").WithList("calf-signs", "tender"));

        var sameDay = Assert.Single(assessment.Advice.GetHelpIf, g => g.Disposition == Disposition.SameDay);
        Assert.Contains("the calf swells", sameDay.Signs);
        Assert.DoesNotContain("the calf becomes tender", sameDay.Signs);
    }

    [Fact]
    public void GetHelpListsOnlyMorePressingActionsMostPressingFirst()
    {
        foreach (var answers in new[] { SampleAnswers.Calm, SampleAnswers.Calm.With("pain-severity", 8), SampleAnswers.Calm.With("hot-red-knee", true), SampleAnswers.Calm.With("hot-red-knee", true).With("fever", true) })
        {
            var assessment = Engine.Assess(answers);

            Assert.All(assessment.Advice.GetHelpIf, g => Assert.True(g.Disposition.Level() > assessment.Disposition.Level(), $"{g.Disposition} beside {assessment.Disposition}"));
            Assert.Equal(assessment.Advice.GetHelpIf.OrderByDescending(g => g.Disposition), assessment.Advice.GetHelpIf);
        }
    }

    [Fact]
    public void AGoToTheEmergencyDepartmentResultNamesNoSecondEmergencyAction()
    {
        // "Get a lift; do not walk on it" beside "call 999 at once if" is two emergency actions side by side.
        var assessment = Engine.Assess(SampleAnswers.Calm.With("hot-red-knee", true).With("fever", true));

        Assert.Equal(Disposition.GoToEmergencyDepartment, assessment.Disposition);
        Assert.Empty(assessment.Advice.GetHelpIf);
        Assert.DoesNotContain(assessment.Advice.ComeBackIf, line => line.Contains("999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    public void AYoungRunnerWithHipPainIsToldToGoToTheEmergencyDepartmentIfTheyCannotWalkOnTheLeg(int age)
    {
        // Contract v1.2: hip or groin pain under 16 with a leg that cannot bear weight is an
        // emergency (a possibly unstable slipped growth plate), injury or not.
        var assessment = Engine.Assess(SampleAnswers.Calm.With("age", age).With("hip-or-groin-pain", true));

        Assert.Equal(Disposition.SameDay, assessment.Disposition);
        var emergency = Assert.Single(assessment.Advice.GetHelpIf, g => g.Disposition == Disposition.GoToEmergencyDepartment);
        Assert.Contains("you cannot take four steps on the leg", emergency.Signs);
    }

    [Fact]
    public void AnAdultWithHipPainAndNoInjuryIsNotToldToGoToTheEmergencyDepartmentForALimp()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("age", 62).With("hip-or-groin-pain", true));

        Assert.DoesNotContain(assessment.Advice.GetHelpIf, g => g.Disposition == Disposition.GoToEmergencyDepartment && g.Signs.Contains("you cannot take four steps on the leg"));
    }

    [Fact]
    public void ACallResultHasNothingMorePressingToAdd()
    {
        var assessment = Engine.Assess(SampleAnswers.Calm.With("breathless-or-chest-pain", true));

        Assert.Empty(assessment.Advice.GetHelpIf);
        Assert.Empty(assessment.Advice.ComeBackIf);
    }

    [Fact]
    public void NumbnessAfterARecentInjuryIsAnEmergencySignAndWithoutOneAMatterForAGp()
    {
        var injured = Engine.Assess(SampleAnswers.Calm.With("injury", "twist"));
        var uninjured = Engine.Assess(SampleAnswers.Calm);

        Assert.Contains("the foot goes numb, tingles or goes weak after a knee injury in the last two weeks", injured.Advice.GetHelpIf.Single(g => g.Disposition == Disposition.CallEmergencyNumber).Signs);
        Assert.DoesNotContain(injured.Advice.GetHelpIf.SelectMany(g => g.Signs), s => s.StartsWith("the foot goes numb or tingles", StringComparison.Ordinal));
        Assert.Contains("the foot goes numb or tingles, with no knee injury in the last two weeks", uninjured.Advice.GetHelpIf.Single(g => g.Disposition == Disposition.BookAppointment).Signs);
    }

    [Fact]
    public void CheckingAgainIsOfferedOnlyBelowSameDay()
    {
        Assert.Contains("Take the symptom check again if anything changes.", Engine.Assess(SampleAnswers.Calm).Advice.ComeBackIf);
        Assert.DoesNotContain("Take the symptom check again if anything changes.", Engine.Assess(SampleAnswers.Calm.With("hot-red-knee", true)).Advice.ComeBackIf);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(35, false)]
    public void UnderSixteenTheResultSpeaksToAParentOrCarer(int age, bool spoken)
    {
        var advice = Engine.Assess(SampleAnswers.Calm.With("age", age)).Advice;

        Assert.Equal(spoken, advice.ParentOrCarer?.Contains("parent or carer", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void AFindingIsTheMessageWithoutItsAction()
    {
        Assert.Equal(
            "New breathlessness, chest pain or coughing up blood can mean a blood clot has reached the lungs.",
            WarningFinding.Of("New breathlessness, chest pain or coughing up blood can mean a blood clot has reached the lungs. Call 999 (or your local emergency number) now; do not drive yourself."));
        Assert.Equal("A knee. It may be hurt.", WarningFinding.Of("A knee. It may be hurt. Book a doctor. Be seen today."));
        Assert.Equal("Go now.", WarningFinding.Of("Go now."));
    }

    [Fact]
    public void EveryRulesFindingSaysWhatItMayMeanWithNoActionOfItsOwn()
    {
        // The result page shows a rule's finding beside the disposition's one action; an action left in
        // it would be a second voice. A new rule must put its action in sentences of their own.
        var actionWords = new[] { "999", "emergency department", "Book ", "book a", "Be seen", "today", "same day", "same-day", "next few days", "GP" };
        foreach (var rule in ShippedKnowledgeBase.Instance.WarningRules)
        {
            var finding = WarningFinding.Of(rule.Message);
            Assert.All(actionWords, word => Assert.False(finding.Contains(word, StringComparison.Ordinal), $"The finding of '{rule.Id}' holds an action ('{word}'): {finding}"));
        }
    }
}
