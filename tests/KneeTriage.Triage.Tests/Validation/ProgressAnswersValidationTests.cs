using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Validation;

/// <summary>Contract v1.2's progress answers: pain-next-morning (0 to 10) and activities (1 to 3 entries, errors naming the entry).</summary>
public sealed class ProgressAnswersValidationTests
{
    private static readonly AnswerSetValidator Validator = new(ShippedKnowledgeBase.Instance);

    private static AnswerSet WithActivities(params ActivityEntry[] entries) => SampleAnswers.Calm.With("activities", new ActivitiesAnswer(entries));

    private static ValidationFailure ActivitiesError(AnswerSet answers)
    {
        var error = Assert.Single(Validator.Validate(answers).Errors);
        Assert.Equal("activities", error.PropertyName);
        return error;
    }

    [Fact]
    public void ThreeScoredActivitiesAndAMorningScoreAreAccepted()
    {
        var answers = WithActivities(ActivityEntry.Of("Run 5 km", 3), ActivityEntry.Of("Walk down stairs", 0), ActivityEntry.Of(new string('x', 60), 10))
            .With("pain-next-morning", 4);

        var result = Validator.Validate(answers);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void AMorningScoreOutOfRangeIsRefused(int score)
    {
        var error = Assert.Single(Validator.Validate(SampleAnswers.Calm.With("pain-next-morning", score)).Errors);

        Assert.Equal("pain-next-morning", error.PropertyName);
        Assert.Equal(AnswerErrorCodes.OutOfRange, error.ErrorCode);
    }

    [Fact]
    public void AScoreOutOfRangeIsNamedByItsEntry()
    {
        var error = ActivitiesError(WithActivities(ActivityEntry.Of("Run", 5), ActivityEntry.Of("Squat", 11)));

        Assert.StartsWith("entry 2: score must be 0 to 10.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void FourActivitiesAreTooMany()
    {
        var error = ActivitiesError(WithActivities(ActivityEntry.Of("a", 1), ActivityEntry.Of("b", 1), ActivityEntry.Of("c", 1), ActivityEntry.Of("d", 1)));

        Assert.Contains("At most 3 activities; 4 were sent.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyListIsRefusedRatherThanReadAsNone()
    {
        var error = ActivitiesError(SampleAnswers.Calm.With("activities", new ListAnswer([])));

        Assert.Contains("give 1 to 3", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActivityOf61CharactersIsNamedWithItsLengthButNotRepeated()
    {
        var tooLong = new string('y', 61);

        var error = ActivitiesError(WithActivities(ActivityEntry.Of(tooLong, 5)));

        Assert.Contains("entry 1: activity must be 1 to 60 characters (it has 61).", error.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(tooLong, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(error.AttemptedValue);
    }

    [Fact]
    public void MissingPartsBlankNamesRepeatsAndStrayFieldsAreEachNamed()
    {
        var error = ActivitiesError(WithActivities(
            new ActivityEntry(null, new NumberAnswer(4)),
            new ActivityEntry(new TextAnswer("Hop"), null),
            new ActivityEntry(new TextAnswer("  "), new NumberAnswer(2)) { OtherFields = ["note"] }));

        Assert.Contains("entry 1: activity is missing.", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("entry 2: score is missing.", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("entry 3: 'note' is not a field", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("entry 3: activity must not be blank.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameActivityTwiceIsRefused()
    {
        var error = ActivitiesError(WithActivities(ActivityEntry.Of("Run 5 km", 5), ActivityEntry.Of("run 5 km ", 6)));

        Assert.Contains("entry 2: the same activity as entry 1", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AScoreWithAFractionOrAsTextIsRefused()
    {
        var error = ActivitiesError(WithActivities(
            new ActivityEntry(new TextAnswer("Run"), new NumberAnswer(4.5m)),
            new ActivityEntry(new TextAnswer("Hop"), new TextAnswer("four"))));

        Assert.Contains("entry 1: score must be a whole number.", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("entry 2: score must be a whole number from 0 to 10.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMeanIsRoundedToOneDecimalPlace()
    {
        var answer = new ActivitiesAnswer([ActivityEntry.Of("a", 3), ActivityEntry.Of("b", 4), ActivityEntry.Of("c", 4)]);

        Assert.Equal(3.7m, answer.Mean);
    }
}
