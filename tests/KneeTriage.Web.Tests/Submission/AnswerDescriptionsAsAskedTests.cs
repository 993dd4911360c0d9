using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Submission;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Submission;

/// <summary>
/// The answer list (check your answers, the stored result, the clinician summary) says a "no" to a
/// question the form asks in positive parts in those parts' words, so it never shows a double
/// negative such as "Unable to take four steps…? No" to a runner who answered "Can you…? Yes".
/// </summary>
public sealed class AnswerDescriptionsAsAskedTests
{
    private static readonly KnowledgeBase KnowledgeBase = ShippedKnowledgeBase.Instance;

    private static AnswerLine LineFor(string questionId, params (string Id, AnswerValue Value)[] answers) =>
        AnswerDescriptions.Describe(KnowledgeBase, AnswerSet.From(answers.Select(a => KeyValuePair.Create(a.Id, a.Value))))
            .Single(line => line.QuestionId == questionId);

    [Fact]
    public void ANoToFourStepsReadsAsTheRunnerAnsweredIt()
    {
        var line = LineFor("cannot-bear-weight", ("cannot-bear-weight", new BooleanAnswer(false)), ("injury", new TextAnswer("twist")));

        Assert.Equal("Can you take four steps on this leg now? Straight after the injury, could you take four steps?", line.Question);
        Assert.Equal("Yes", line.Answer);
        Assert.DoesNotContain("Unable", line.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnInjuryOnlyThePartAskedIsListed()
    {
        var line = LineFor("cannot-bear-weight", ("cannot-bear-weight", new BooleanAnswer(false)), ("injury", new TextAnswer("none")));

        Assert.Equal("Can you take four steps on this leg now?", line.Question);
        Assert.Equal("Yes", line.Answer);
    }

    [Fact]
    public void AYesKeepsTheQuestionsOwnWordsSinceWhichPartRaisedItIsNotStored()
    {
        var line = LineFor("cannot-bear-weight", ("cannot-bear-weight", new BooleanAnswer(true)), ("injury", new TextAnswer("twist")));

        Assert.Equal(KnowledgeBase.FindQuestion("cannot-bear-weight")!.Text, line.Question);
        Assert.Equal("Yes", line.Answer);
    }

    [Fact]
    public void ANoToASignThatNeedsBothPartsLeadsWithNoAndSaysNotBoth()
    {
        var line = LineFor("not-settling-after-run", ("not-settling-after-run", new BooleanAnswer(false)));

        // Not a bare "Not both": that reads as if one part was answered yes.
        Assert.Equal("No: not both of these", line.Answer);
        Assert.Contains("hard or tight", line.Question, StringComparison.Ordinal);
    }
}
