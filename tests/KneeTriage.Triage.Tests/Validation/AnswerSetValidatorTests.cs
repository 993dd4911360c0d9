using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Validation;

public sealed class AnswerSetValidatorTests
{
    private static readonly AnswerSetValidator Validator = new(ShippedKnowledgeBase.Instance);

    private static string AcceptsOf(string id) =>
        ShippedKnowledgeBase.Instance.FindQuestion(id)?.Accepts ?? throw new InvalidOperationException($"No question '{id}' in the shipped knowledge base.");

    private static ValidationFailure SingleError(AnswerSet answers, string expectedId)
    {
        var result = Validator.Validate(answers);
        var error = Assert.Single(result.Errors);
        Assert.True(error.PropertyName == expectedId, $"Expected one error on '{expectedId}', got: {error.PropertyName}: {error.ErrorMessage}");
        return error;
    }

    [Fact]
    public void ACompleteCalmAnswerSetIsAccepted()
    {
        var result = Validator.Validate(SampleAnswers.Calm);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void AnUnknownQuestionIdIsNamedAndSaidNotToBeAQuestion()
    {
        var error = SingleError(SampleAnswers.Calm.With("favourite-colour", "blue"), "favourite-colour");

        Assert.Equal(AnswerErrorCodes.UnknownQuestion, error.ErrorCode);
        Assert.Contains("is not a question of this symptom check", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age")]
    [InlineData("pain-type")]
    [InlineData("cannot-bear-weight")]
    [InlineData("stiffness")]
    public void AMissingRequiredAnswerSaysWhatIsAccepted(string id)
    {
        var error = SingleError(SampleAnswers.Calm.Without(id), id);

        Assert.Equal(AnswerErrorCodes.Required, error.ErrorCode);
        Assert.Contains("required", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(AcceptsOf(id), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWhereANumberIsExpectedIsAWrongType()
    {
        var error = SingleError(SampleAnswers.Calm.With("age", new TextAnswer("thirty")), "age");

        Assert.Equal(AnswerErrorCodes.WrongType, error.ErrorCode);
        Assert.Contains("a whole number from 12 to 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AListWhereOneChoiceIsExpectedIsAWrongType()
    {
        var error = SingleError(SampleAnswers.Calm.WithList("onset", "sudden", "gradual"), "onset");

        Assert.Equal(AnswerErrorCodes.WrongType, error.ErrorCode);
    }

    [Fact]
    public void ANumberWhereYesOrNoIsExpectedIsAWrongType()
    {
        var error = SingleError(SampleAnswers.Calm.With("fever", 1), "fever");

        Assert.Equal(AnswerErrorCodes.WrongType, error.ErrorCode);
        Assert.Contains("yes or no", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableAnswerIsAWrongTypeNamingWhatWasSent()
    {
        var error = SingleError(SampleAnswers.Calm.With("pain-severity", new UnreadableAnswer("a JSON object")), "pain-severity");

        Assert.Equal(AnswerErrorCodes.WrongType, error.ErrorCode);
        Assert.Contains("a JSON object", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AFractionIsNotAWholeNumber()
    {
        var error = SingleError(SampleAnswers.Calm.With("age", new NumberAnswer(34.5m)), "age");

        Assert.Equal(AnswerErrorCodes.NotWholeNumber, error.ErrorCode);
    }

    [Theory]
    [InlineData("12.0")]
    [InlineData("1.2e1")]
    [InlineData("12.000")]
    [InlineData("120E-1")]
    public void AWholeNumberWrittenAsADecimalIsNotAnInteger(string literal)
    {
        var answers = SampleAnswers.Calm.With("age", NumberAnswer.FromLiteral(12m, literal));

        var error = Assert.Single(Validator.Validate(answers).Errors);

        Assert.Equal(("age", AnswerErrorCodes.NotWholeNumber), (error.PropertyName, error.ErrorCode));
        Assert.Contains($"{literal} is not written as a whole number", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("a whole number from 12 to 100", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("-0")]
    public void AnIntegerLiteralIsAnInteger(string literal)
    {
        var value = decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(NumberAnswer.FromLiteral(value, literal).NonIntegerLiteral);
    }

    [Fact]
    public void AFractionKeepsItsOwnMessage()
    {
        var error = Assert.Single(Validator.Validate(SampleAnswers.Calm.With("age", NumberAnswer.FromLiteral(34.5m, "34.5"))).Errors);

        Assert.Equal(AnswerErrorCodes.NotWholeNumber, error.ErrorCode);
        Assert.StartsWith("34.5 is not a whole number.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age", 11)]
    [InlineData("age", 101)]
    [InlineData("pain-severity", -1)]
    [InlineData("pain-severity", 11)]
    [InlineData("height-cm", 99)]
    [InlineData("weight-kg", 251)]
    public void ANumberOutsideTheRangeIsRejectedWithTheRange(string id, int value)
    {
        var error = SingleError(SampleAnswers.Calm.With(id, value), id);

        Assert.Equal(AnswerErrorCodes.OutOfRange, error.ErrorCode);
        Assert.Contains(AcceptsOf(id), error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age", 12)]
    [InlineData("age", 100)]
    [InlineData("pain-severity", 0)]
    [InlineData("pain-severity", 10)]
    public void TheEndsOfTheRangeAreAccepted(string id, int value)
    {
        // A severity of 0 means no pain, so it goes with "I have no pain" (see contradictions.yaml).
        var answers = id == "pain-severity" && value == 0 ? SampleAnswers.NoPain : SampleAnswers.Calm;

        Assert.True(Validator.Validate(answers.With(id, value)).IsValid);
    }

    [Fact]
    public void AnUnknownOptionListsTheAllowedValues()
    {
        var error = SingleError(SampleAnswers.Calm.With("duration", "a-year"), "duration");

        Assert.Equal(AnswerErrorCodes.UnknownOption, error.ErrorCode);
        Assert.Contains("under-3-days, 3-to-14-days, 2-to-6-weeks, over-6-weeks", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownValueInAListIsNamed()
    {
        var error = SingleError(SampleAnswers.Calm.WithList("pain-location", "back-center", "elbow"), "pain-location");

        Assert.Equal(AnswerErrorCodes.UnknownOption, error.ErrorCode);
        Assert.Contains("'elbow'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedValueInAListIsRejected()
    {
        var error = SingleError(SampleAnswers.Calm.WithList("pain-triggers", "stairs", "stairs"), "pain-triggers");

        Assert.Equal(AnswerErrorCodes.RepeatedValue, error.ErrorCode);
        Assert.Contains("'stairs'", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleTickedBoxArrivingAsAListOfOneIsAccepted() =>
        Assert.True(Validator.Validate(SampleAnswers.Calm.WithList("mechanical", "grinding")).IsValid);

    [Fact]
    public void PainLocationIsRequiredWhenThereIsPain()
    {
        var error = SingleError(SampleAnswers.Calm.Without("pain-location"), "pain-location");

        Assert.Equal(AnswerErrorCodes.Required, error.ErrorCode);
        Assert.Contains("unless pain-type is none", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPainLocationCountsAsMissingWhenThereIsPain() =>
        SingleError(SampleAnswers.Calm.WithList("pain-location", Array.Empty<string>()), "pain-location");

    [Fact]
    public void PainLocationMayBeLeftOutWhenThereIsNoPain()
    {
        var answers = SampleAnswers.Calm.With("pain-type", "none").With("pain-severity", 0).Without("pain-location");

        Assert.True(Validator.Validate(answers).IsValid);
    }

    [Fact]
    public void SwellingOnsetIsRequiredWhenSwellingIsTicked()
    {
        var error = SingleError(SampleAnswers.Calm.WithList("swelling", "whole-knee"), "swelling-onset");

        Assert.Equal(AnswerErrorCodes.Required, error.ErrorCode);
    }

    [Fact]
    public void SwellingOnsetWithSwellingIsAccepted() =>
        Assert.True(Validator.Validate(SampleAnswers.Calm.WithList("swelling", "whole-knee").With("swelling-onset", "next-day")).IsValid);

    [Fact]
    public void SwellingOnsetWithoutSwellingIsRejected()
    {
        var error = SingleError(SampleAnswers.Calm.With("swelling-onset", "next-day"), "swelling-onset");

        Assert.Equal(AnswerErrorCodes.NotApplicable, error.ErrorCode);
        Assert.Contains("only when swelling has at least one value", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SwellingOnsetWithAnEmptySwellingListIsRejected() =>
        Assert.Equal(AnswerErrorCodes.NotApplicable, SingleError(SampleAnswers.Calm.WithList("swelling", Array.Empty<string>()).With("swelling-onset", "gradual"), "swelling-onset").ErrorCode);

    [Fact]
    public void SeveralProblemsAreReportedOncePerQuestion()
    {
        var answers = SampleAnswers.Calm.Without("age").With("duration", "forever").With("nonsense", true);

        var ids = Validator.Validate(answers).Errors.Select(e => e.PropertyName).ToList();

        Assert.Equal(3, ids.Count);
        Assert.Contains("age", ids);
        Assert.Contains("duration", ids);
        Assert.Contains("nonsense", ids);
    }
}
