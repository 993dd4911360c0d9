using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Questionnaire;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>The form's adapter only translates; the validator judges.</summary>
public sealed class FormAnswersTests
{
    private static Question Ask(QuestionType type) => new()
    {
        Id = "q",
        Text = "?",
        Type = type,
        Step = "s",
        Required = true,
        Accepts = "anything",
        Min = 12,
        Max = 100,
    };

    [Theory]
    [InlineData("34", 34)]
    [InlineData("34.5", 34.5)]
    [InlineData("-3", -3)]
    public void NumbersTypedBecomeNumberAnswers(string typed, double expected) =>
        Assert.Equal(new NumberAnswer((decimal)expected), FormAnswers.ToAnswerValue(Ask(QuestionType.Integer), [typed]));

    [Fact]
    public void AWholeNumberTypedWithADecimalPointKeepsItsLiteralForTheValidator() =>
        Assert.Equal("34.0", Assert.IsType<NumberAnswer>(FormAnswers.ToAnswerValue(Ask(QuestionType.Integer), ["34.0"])).NonIntegerLiteral);

    [Theory]
    [InlineData("thirty")]
    [InlineData("1,000")]
    [InlineData("3e4")]
    public void AnythingElseTypedForANumberReachesTheValidatorAsText(string typed) =>
        Assert.Equal(new TextAnswer(typed), FormAnswers.ToAnswerValue(Ask(QuestionType.Integer), [typed]));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void YesAndNoBecomeBooleans(string posted, bool expected) =>
        Assert.Equal(new BooleanAnswer(expected), FormAnswers.ToAnswerValue(Ask(QuestionType.Boolean), [posted]));

    [Fact]
    public void TickedBoxesBecomeAListAndARadioBecomesText()
    {
        Assert.Equal(new ListAnswer(["a", "b"]), FormAnswers.ToAnswerValue(Ask(QuestionType.Many), ["a", "b"]));
        Assert.Equal(new TextAnswer("sharp"), FormAnswers.ToAnswerValue(Ask(QuestionType.One), ["sharp"]));
    }

    [Fact]
    public void NothingPostedIsNoAnswer() => Assert.Null(FormAnswers.ToAnswerValue(Ask(QuestionType.Many), []));
}
