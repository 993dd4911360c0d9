namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// Which questions "check again" leaves blank is said in questions.yaml (<c>askedAfresh</c>), beside
/// the words that make each about a time that moves on, not in a list of ids in C#.
/// </summary>
public sealed class AskedAfreshTests
{
    [Fact]
    public void TheQuestionsAboutATimeThatMovesOnAreMarkedAskedAfresh()
    {
        var afresh = ShippedKnowledgeBase.Instance.Questions.Where(q => q.AskedAfresh).Select(q => q.Id).Order(StringComparer.Ordinal);

        // The worst pain "in the last week", the morning after the last run, how long it has hurt,
        // and what changed in training "lately".
        Assert.Equal(["duration", "pain-next-morning", "pain-severity", "training-change"], afresh);
    }
}
