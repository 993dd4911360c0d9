using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Triage.Tests.Validation;

/// <summary>
/// Every contradiction in contradictions.yaml, on both sides of its line: the contradictory answers
/// are rejected under each question involved with a message naming both answers, and the nearest
/// answers that fit together are accepted.
/// </summary>
public sealed class ContradictionTests
{
    private static readonly AnswerSetValidator Validator = new(ShippedKnowledgeBase.Instance);

    /// <summary>Contradiction id, the contradictory answers, the questions it must be reported under, words the message must contain.</summary>
    public static TheoryData<string, AnswerSet, string[], string[]> Contradictory => new()
    {
        { "no-pain-with-severity", SampleAnswers.NoPain.With("pain-severity", 1), ["pain-type", "pain-severity"], ["'I have no pain'", "1 out of 10"] },
        { "no-pain-with-severity", SampleAnswers.NoPain.With("pain-severity", 10), ["pain-type", "pain-severity"], ["'I have no pain'", "10 out of 10"] },
        { "no-pain-with-location", SampleAnswers.NoPain.WithList("pain-location", "front"), ["pain-type", "pain-location"], ["'I have no pain'", "Front of the knee, around or under the kneecap"] },
        { "no-pain-with-location", SampleAnswers.NoPain.WithList("pain-location", "back-center", "inner-side"), ["pain-type", "pain-location"], ["Back of the knee, in the middle of the hollow; Inner side of the knee"] },
        { "no-pain-with-triggers", SampleAnswers.NoPain.WithList("pain-triggers", "stairs"), ["pain-type", "pain-triggers"], ["'I have no pain'", "Stairs"] },
        { "pain-without-severity", SampleAnswers.Calm.With("pain-severity", 0), ["pain-type", "pain-severity"], ["'A dull ache, throbbing or tightness'", "0 out of 10"] },
        { "pain-without-severity", SampleAnswers.Calm.With("pain-type", "sharp").With("pain-severity", 0), ["pain-type", "pain-severity"], ["'Sharp or stabbing'", "0 out of 10"] },
        { "swelling-within-hours-after-injury", SampleAnswers.Calm.With("injury", "twist").WithList("swelling", "whole-knee").With("swelling-onset", "within-hours"), ["swelling-onset", "injury"], ["'Within a few hours, with no injury'", "'A twist or turn on the leg'"] },
        { "swelling-within-hours-after-injury", SampleAnswers.Calm.With("injury", "push-off").WithList("swelling", "calf").With("swelling-onset", "within-hours"), ["swelling-onset", "injury"], ["'Sudden pain while sprinting or pushing off up a hill'"] },
    };

    /// <summary>The other side of each line: answers that fit together.</summary>
    public static TheoryData<string, AnswerSet> Coherent => new()
    {
        { "no pain, severity 0", SampleAnswers.NoPain },
        { "no pain, severity 0, an empty list of places", SampleAnswers.NoPain.WithList("pain-location", Array.Empty<string>()) },
        { "no pain, severity 0, an empty list of triggers", SampleAnswers.NoPain.WithList("pain-triggers", Array.Empty<string>()) },
        { "a dull ache, severity 1", SampleAnswers.Calm.With("pain-severity", 1) },
        { "a burning pain, severity 1", SampleAnswers.Calm.With("pain-type", "burning-or-tingling").With("pain-severity", 1) },
        { "a dull ache with a place and a trigger", SampleAnswers.Calm.WithList("pain-triggers", "stairs") },
        { "swelling within hours with no injury", SampleAnswers.Calm.With("injury", "none").WithList("swelling", "whole-knee").With("swelling-onset", "within-hours") },
        { "swelling within 2 hours of a twist", SampleAnswers.Calm.With("injury", "twist").WithList("swelling", "whole-knee").With("swelling-onset", "within-2-hours") },
    };

    [Theory]
    [MemberData(nameof(Contradictory))]
    public void ContradictoryAnswersAreRejectedUnderEachQuestionWithAMessageNamingBoth(string id, AnswerSet answers, string[] questionIds, string[] named)
    {
        var errors = Validator.Validate(answers).Errors;

        Assert.True(errors.Count == questionIds.Length, $"{id}: expected one error under each of {string.Join(", ", questionIds)}, got: {Describe(errors)}");
        Assert.Equal(questionIds, errors.Select(e => e.PropertyName));
        Assert.All(errors, e => Assert.Equal(AnswerErrorCodes.Contradiction, e.ErrorCode));
        Assert.All(errors, e => Assert.Equal(id, Assert.IsType<Contradiction>(e.CustomState).Id));
        Assert.Single(errors.Select(e => e.ErrorMessage).Distinct());
        foreach (var words in named)
        {
            Assert.Contains(words, errors[0].ErrorMessage, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Coherent))]
    public void AnswersThatFitTogetherAreAccepted(string @case, AnswerSet answers)
    {
        var result = Validator.Validate(answers);

        Assert.True(result.IsValid, $"{@case}: {Describe(result.Errors)}");
    }

    [Fact]
    public void EveryShippedContradictionHasATest()
    {
        var tested = Contradictory.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(ShippedKnowledgeBase.Instance.Contradictions, c => Assert.True(tested.Contains(c.Id), $"contradictions.yaml has '{c.Id}' but ContradictionTests does not test it."));
    }

    [Fact]
    public void NoPainWithASeverityAPlaceAndATriggerGivesEachContradictionOnce()
    {
        var answers = SampleAnswers.NoPain.With("pain-severity", 3).WithList("pain-location", "front").WithList("pain-triggers", "night");

        var errors = Validator.Validate(answers).Errors;

        Assert.Equal(3, errors.Count(e => e.PropertyName == "pain-type"));
        Assert.Single(errors, e => e.PropertyName == "pain-severity");
        Assert.Single(errors, e => e.PropertyName == "pain-location");
        Assert.Single(errors, e => e.PropertyName == "pain-triggers");
    }

    [Fact]
    public void AContradictionWithAnAnswerThatIsWrongOnItsOwnWaitsUntilThatAnswerIsFixed()
    {
        var errors = Validator.Validate(SampleAnswers.NoPain.With("pain-severity", 11)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("pain-severity", AnswerErrorCodes.OutOfRange), (error.PropertyName, error.ErrorCode));
    }

    [Fact]
    public void AMissingAnswerIsReportedAsMissingRatherThanAsAContradiction()
    {
        var errors = Validator.Validate(SampleAnswers.Calm.Without("pain-type").With("pain-severity", 0)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("pain-type", AnswerErrorCodes.Required), (error.PropertyName, error.ErrorCode));
    }

    private static string Describe(IEnumerable<ValidationFailure> errors) =>
        string.Join("; ", errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")) is { Length: > 0 } text ? text : "(none)";
}
