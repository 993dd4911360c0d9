using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>Contract v1.2's form rules as the knowledge base states them: positive questions, the two-part four-steps question, derived warning questions.</summary>
public sealed class FormRulesTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    [Fact]
    public void NoStepAsksANegatedQuestion()
    {
        var negated = NegatedQuestions.In(Shipped);

        Assert.True(negated.Count == 0, "Negated questions: " + string.Join(" | ", negated));
    }

    [Theory]
    [InlineData("Could you not take four steps on this leg straight after an injury, or can you not now?")]
    [InlineData("can you NOT lift the leg?")]
    [InlineData("Do you not feel it?")]
    [InlineData("Are you not able to walk?")]
    [InlineData("Is it not swollen?")]
    public void TheNegationTestFindsEveryNegatedForm(string text) => Assert.True(NegatedQuestions.IsNegated(text));

    [Theory]
    [InlineData("Can you take four steps on this leg now?")]
    [InlineData("Is it notably swollen?")]
    [InlineData("If you cannot, call 999.")]
    public void ThePositiveFormsPass(string text) => Assert.False(NegatedQuestions.IsNegated(text));

    [Fact]
    public void TheNegationTestFailsOnAKnowledgeBaseWithANegatedPart()
    {
        using var copy = new KnowledgeBaseCopy();
        copy.Replace("questions.yaml", "text: Can you take four steps on this leg now?", "text: Can you not take four steps on this leg now?");

        var negated = NegatedQuestions.In(copy.Load());

        Assert.Equal(["'cannot-bear-weight' part 'four-steps-now' text: Can you not take four steps on this leg now?"], negated);
    }

    [Fact]
    public void FourStepsIsAskedAsNowAndOnlyAfterAnInjuryStraightAfter()
    {
        var question = Shipped.FindQuestion("cannot-bear-weight")!;

        Assert.Equal(["Can you take four steps on this leg now?", "Straight after the injury, could you take four steps?"], question.Parts.Select(p => p.Text));
        Assert.All(question.Parts, part => Assert.False(part.SignWhen));
        Assert.Null(question.Parts[0].ShownWhen);
        var afterInjury = question.Parts[1].ShownWhen!.When;
        Assert.False(afterInjury.IsMetBy(SampleAnswers.Calm.With("injury", "none")));
        Assert.True(afterInjury.IsMetBy(SampleAnswers.Calm.With("injury", "twist")));
    }

    [Fact]
    public void TheStraightLegLiftIsAskedPositivelyAndOnlyAfterAnInjury()
    {
        var question = Shipped.FindQuestion("cannot-lift-straight-leg")!;

        var part = Assert.Single(question.Parts);
        Assert.Equal("Lying on your back, can you lift the leg off the bed with the knee straight?", part.Text);
        Assert.False(part.SignWhen);
        Assert.False(question.ShownWhen!.When.IsMetBy(SampleAnswers.Calm.With("injury", "none")));
        Assert.True(question.ShownWhen.When.IsMetBy(SampleAnswers.Calm.With("injury", "landing")));
    }

    [Fact]
    public void TheInjuryIsAskedBeforeTheStepThatDependsOnIt()
    {
        var steps = Shipped.Steps.Select(s => s.Id).ToList();

        Assert.True(steps.IndexOf(Shipped.FindQuestion("injury")!.Step) < steps.IndexOf(Shipped.FindQuestion("cannot-bear-weight")!.Step));
    }

    [Fact]
    public void BladderAndBothLegsAreShownWithBackPainOrAFootSignButNeverRefused()
    {
        foreach (var id in new[] { "bladder-or-saddle", "both-legs" })
        {
            var question = Shipped.FindQuestion(id)!;
            Assert.Null(question.OnlyWhen);
            Assert.False(question.ShownWhen!.When.IsMetBy(SampleAnswers.Calm));
            Assert.True(question.ShownWhen.When.IsMetBy(SampleAnswers.Calm.With("back-pain", true)));
            Assert.True(question.ShownWhen.When.IsMetBy(SampleAnswers.Calm.WithList("foot-signs", "weak-foot")));
        }
    }

    [Fact]
    public void WarningQuestionsAreTheSignsOfUrgentAndEmergencyRules()
    {
        string[] signs = ["breathless-or-chest-pain", "deformity", "foot-signs", "not-settling-after-run", "hot-red-knee", "fever", "cannot-bear-weight", "cannot-lift-straight-leg", "calf-signs", "clot-risk", "swelling", "mechanical",
            // v1.2: back pain with bladder or saddle symptoms; a hot knee with an infection risk (arthritis in history counts).
            "back-pain", "bladder-or-saddle", "both-legs", "hip-or-groin-pain", "blood-thinners", "infection-risk", "history"];

        Assert.All(signs, id => Assert.True(Shipped.IsWarningQuestion(id), $"{id} should be a warning question"));
        // Context, not signs: numbers and single choices; and a sign that raises at most see-clinician.
        Assert.All(new[] { "age", "injury", "duration", "pain-severity", "swelling-onset", "calf-cramp-on-exertion", "tight-muscles" }, id => Assert.False(Shipped.IsWarningQuestion(id), $"{id} should not be a warning question"));
    }

    [Fact]
    public void ANewUrgentRuleMakesItsQuestionAWarningQuestionWithNoOtherChange()
    {
        using var copy = new KnowledgeBaseCopy();
        Assert.False(copy.Load().IsWarningQuestion("tight-muscles"));
        copy.Replace(
            "warning-rules.yaml",
            "  - id: locked-knee\n",
            "  - id: test-tight-calves\n    urgency: urgent\n    when: {question: tight-muscles, has: calves}\n    message: A test rule.\n    source: test\n\n  - id: locked-knee\n");
        copy.Replace("warning-signs.yaml", "rules: [locked-knee]", "rules: [locked-knee, test-tight-calves]");

        Assert.True(copy.Load().IsWarningQuestion("tight-muscles"));
    }

    [Fact]
    public void PartsOnAQuestionThatIsNotYesOrNoAreRejected()
    {
        using var copy = new KnowledgeBaseCopy();
        copy.Replace("questions.yaml", "        text: Which leg hurts?\n", "        text: Which leg hurts?\n        askedAs:\n          - {id: left-knee, text: Is it the left knee?, signWhen: \"yes\"}\n");

        var error = Assert.Throws<KnowledgeBaseException>(copy.Load);

        Assert.Contains("only a boolean question can be asked as yes/no parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APartNamedLikeAQuestionIsRejected()
    {
        using var copy = new KnowledgeBaseCopy();
        copy.Replace("questions.yaml", "id: four-steps-now", "id: fever");

        var error = Assert.Throws<KnowledgeBaseException>(copy.Load);

        Assert.Contains("the part id 'fever' is already a question's or another part's id", error.Message, StringComparison.Ordinal);
    }
}
