using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

public sealed class QuestionsFollowTheContractTests
{
    public static TheoryData<string, QuestionType, string[]> ContractQuestions => new()
    {
        { "age", QuestionType.Integer, [] },
        { "height-cm", QuestionType.Integer, [] },
        { "weight-kg", QuestionType.Integer, [] },
        { "pain-type", QuestionType.One, ["none", "dull-ache", "sharp", "burning-or-tingling"] },
        { "pain-severity", QuestionType.Integer, [] },
        { "pain-location", QuestionType.Many, ["back-center", "back-inner", "back-outer", "above-back", "below-back", "front", "inner-side", "outer-side"] },
        { "onset", QuestionType.One, ["sudden", "gradual"] },
        { "duration", QuestionType.One, ["under-3-days", "3-to-14-days", "2-to-6-weeks", "over-6-weeks"] },
        { "pain-triggers", QuestionType.Many, ["during-run", "after-run", "rest", "night", "stairs", "downhill", "uphill", "deep-bend", "full-straighten", "twisting", "sprinting", "sitting"] },
        { "injury", QuestionType.One, ["none", "twist", "blow-or-fall", "overstretch", "push-off", "landing"] },
        { "swelling", QuestionType.Many, ["lump-behind-knee", "whole-knee", "calf", "pulsing-lump"] },
        { "swelling-onset", QuestionType.One, ["within-2-hours", "next-day", "gradual", "comes-and-goes"] },
        { "stiffness", QuestionType.One, ["none", "tight-behind-knee", "morning-under-30-min", "morning-over-30-min", "after-sitting"] },
        { "mechanical", QuestionType.Many, ["painless-clicking", "painful-clicking", "grinding", "catching", "locking", "giving-way", "pop-at-injury"] },
        { "cannot-bear-weight", QuestionType.Boolean, [] },
        { "calf-signs", QuestionType.Many, ["swollen", "warm", "red", "tender"] },
        { "clot-risk", QuestionType.Many, ["long-travel", "surgery-or-immobilised", "hormones-or-pregnancy", "previous-clot", "active-cancer"] },
        { "fever", QuestionType.Boolean, [] },
        { "hot-red-knee", QuestionType.Boolean, [] },
        { "foot-signs", QuestionType.Many, ["numb-or-tingling", "cold-or-pale", "weak-foot"] },
        { "breathless-or-chest-pain", QuestionType.Boolean, [] },
        { "calf-cramp-on-exertion", QuestionType.Boolean, [] },
        { "deformity", QuestionType.Boolean, [] },
        { "training-change", QuestionType.Many, ["more-distance", "more-hills", "more-speed", "new-or-worn-shoes", "new-surface", "back-after-break"] },
        { "tight-muscles", QuestionType.Many, ["hamstrings", "calves", "quads"] },
        { "history", QuestionType.Many, ["previous-injury", "previous-surgery", "arthritis"] },
        { "not-settling-after-run", QuestionType.Boolean, [] },
        { "cannot-lift-straight-leg", QuestionType.Boolean, [] },
    };

    [Theory]
    [MemberData(nameof(ContractQuestions))]
    public void EveryContractQuestionIsAskedWithItsTypeAndEveryValue(string id, QuestionType type, string[] values)
    {
        var question = ShippedKnowledgeBase.Instance.FindQuestion(id);

        Assert.True(question is not null, $"The contract question '{id}' is missing from questions.yaml.");
        Assert.Equal(type, question.Type);
        var missing = values.Except(question.Options.Select(o => o.Value)).ToList();
        Assert.True(missing.Count == 0, $"'{id}' lacks the contract values: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("age", 12, 100)]
    [InlineData("height-cm", 100, 230)]
    [InlineData("weight-kg", 30, 250)]
    [InlineData("pain-severity", 0, 10)]
    public void NumberQuestionsHaveTheContractRange(string id, int min, int max)
    {
        var question = ShippedKnowledgeBase.Instance.FindQuestion(id);

        Assert.NotNull(question);
        Assert.Equal((min, max), (question.Min, question.Max));
    }

    [Theory]
    [InlineData("age")]
    [InlineData("pain-type")]
    [InlineData("pain-severity")]
    [InlineData("onset")]
    [InlineData("duration")]
    [InlineData("injury")]
    [InlineData("stiffness")]
    [InlineData("cannot-bear-weight")]
    [InlineData("fever")]
    [InlineData("hot-red-knee")]
    [InlineData("breathless-or-chest-pain")]
    [InlineData("calf-cramp-on-exertion")]
    [InlineData("deformity")]
    public void ContractRequiredQuestionsAreRequired(string id) =>
        Assert.True(ShippedKnowledgeBase.Instance.FindQuestion(id)?.Required, $"'{id}' must be required by the contract.");

    [Theory]
    [InlineData("not-settling-after-run")]
    [InlineData("cannot-lift-straight-leg")]
    public void QuestionsAddedInVersionOnePointOneAreOptionalSoVersionOneClientsStillValidate(string id) =>
        Assert.False(ShippedKnowledgeBase.Instance.FindQuestion(id)?.Required ?? true, $"'{id}' is a v1.1 addition and must stay optional.");

    [Fact]
    public void TheClotRiskLabelCoversGivingBirthInTheLastTwelveWeeks()
    {
        var option = ShippedKnowledgeBase.Instance.FindQuestion("clot-risk")?.Options.Single(o => o.Value == "hormones-or-pregnancy");

        Assert.Contains("gave birth in the last 12 weeks", option?.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryQuestionHelpsTheRunnerAnswerIt()
    {
        var withoutHelp = ShippedKnowledgeBase.Instance.Questions.Where(q => string.IsNullOrWhiteSpace(q.Help)).Select(q => q.Id).ToList();

        Assert.True(withoutHelp.Count == 0, $"Questions without help text: {string.Join(", ", withoutHelp)}");
    }

    [Fact]
    public void StepsRunFromWarningSignsToTrainingThenTheProgressScores()
    {
        var steps = ShippedKnowledgeBase.Instance.Steps.Select(s => s.Id);

        Assert.Equal(["warning-signs", "hot-knee", "about-the-injury", "walking", "calf", "pain", "swelling-stiffness", "clicking", "you-and-training", "how-it-is-going"], steps);
    }

    [Fact]
    public void EveryWarningQuestionIsAskedBeforeThePainItself()
    {
        var warningQuestions = ShippedKnowledgeBase.WarningQuestions.Select(q => q.Id).ToHashSet();
        string[] contractWarnings = ["cannot-bear-weight", "calf-signs", "clot-risk", "fever", "hot-red-knee", "foot-signs", "breathless-or-chest-pain", "calf-cramp-on-exertion", "deformity", "not-settling-after-run", "cannot-lift-straight-leg"];

        var askedLater = contractWarnings.Except(warningQuestions).ToList();
        Assert.True(askedLater.Count == 0, $"Warning questions asked after the pain step: {string.Join(", ", askedLater)}");
    }

    [Fact]
    public void TheFrontOfKneeOptionClaimsBehindTheKneecapSoItIsNotReadAsTheBackOfTheKnee()
    {
        var location = ShippedKnowledgeBase.Instance.FindQuestion("pain-location");
        Assert.NotNull(location);

        var front = location.Options.Single(o => o.Value == "front");
        Assert.Contains("kneecap", front.Label, StringComparison.Ordinal);
        Assert.Contains("behind the kneecap", front.Help, StringComparison.Ordinal);
        Assert.All(location.Options.Where(o => o.Value.StartsWith("back-", StringComparison.Ordinal)), back =>
            Assert.DoesNotContain("kneecap", back.Label + back.Help, StringComparison.Ordinal));
    }
}
