using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>The shipped return-to-running plan loads whole and cites the notes; a broken copy names the file, line and entry.</summary>
public sealed class ReturnToRunningPlanTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "kt-rtr-" + Guid.NewGuid().ToString("N"));

    public ReturnToRunningPlanTests()
    {
        Directory.CreateDirectory(_copy);
        foreach (var file in Directory.GetFiles(ShippedKnowledgeBase.Directory))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private static ReturnToRunningPlanText Plan => ShippedKnowledgeBase.Instance.ReturnToRunning;

    private string LoadErrorAfter(string find, string replaceWith)
    {
        var path = Path.Combine(_copy, "return-to-running.yaml");
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"The test expected '{find}' in return-to-running.yaml; the shipped file has changed.");
        File.WriteAllText(path, text.Replace(find, replaceWith, StringComparison.Ordinal));
        return Assert.Throws<KnowledgeBaseException>(() => KnowledgeBaseLoader.Load(_copy)).Message;
    }

    [Fact]
    public void TheShippedPlanStartsWithThirtyMinutesOfPainFreeBriskWalking()
    {
        Assert.Contains("walk briskly for 30 minutes without pain", Plan.Gate[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedPlanHasSixWalkRunPhasesFromTheSoldiersTrial()
    {
        Assert.Equal(6, Plan.Phases.Count);
        Assert.Contains(99, Plan.Phases[0].SourceIds);
        Assert.Contains(99, Plan.Phases[^1].SourceIds);
        Assert.Contains("Walk 2 minutes, then run 3 minutes", Plan.Phases[0].Text, StringComparison.Ordinal);
        Assert.Contains("without walking", Plan.Phases[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedRulesSayWhenToMoveOnStayRestAndHowOftenToRun()
    {
        Assert.Contains("pain rule", Plan.Advance.Text, StringComparison.Ordinal);
        Assert.Contains("next morning", Plan.PainRule.Text, StringComparison.Ordinal);
        Assert.Contains("3 out of 10", Plan.PainRule.Text, StringComparison.Ordinal);
        Assert.Contains("go back one phase", Plan.StepBack.Text, StringComparison.Ordinal);
        Assert.Contains("never run two days in a row", Plan.RestDays.Text, StringComparison.Ordinal);
        Assert.Equal(4, Plan.MaxRunsPerWeek);
        Assert.Equal([100], Plan.RunsPerWeek.SourceIds);
    }

    [Fact]
    public void EveryItemCitesASectionOfTheClinicalNotes()
    {
        PlanItem[] items = [.. Plan.Items];

        Assert.All(items, item => Assert.StartsWith("clinical-notes ", item.Source, StringComparison.Ordinal));
        Assert.All(items.Where(i => i.SourceIds.Count == 0), item => Assert.Contains("no source number", item.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlanIsPartOfTheVersion()
    {
        Assert.Equal(ShippedKnowledgeBase.Instance.Version, KnowledgeBaseLoader.Load(_copy).Version);
        var path = Path.Combine(_copy, "return-to-running.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Keep it easy", "Keep it very easy", StringComparison.Ordinal));

        Assert.NotEqual(ShippedKnowledgeBase.Instance.Version, KnowledgeBaseLoader.Load(_copy).Version);
    }

    [Fact]
    public void AnItemWithoutASourceIsRejectedWithFileLineAndEntry()
    {
        var message = LoadErrorAfter("    source: clinical-notes 3.3; src 98\n  - text: You can do a slow squat", "  - text: You can do a slow squat");

        Assert.Matches(@"^return-to-running\.yaml line \d+, gate item 3: 'source' is missing", message);
    }

    [Fact]
    public void ASourceThatIsNotTheNotesIsRejectedWithWhatToWrite()
    {
        var message = LoadErrorAfter("source: clinical-notes 3.3; src 100\n\nmaxRunsPerWeek", "source: a blog I read\n\nmaxRunsPerWeek");

        Assert.Matches(@"^return-to-running\.yaml line \d+, runsPerWeek > source: 'a blog I read' is not a source; write 'clinical-notes 3.3; src 97, 98'", message);
    }

    [Fact]
    public void ANumberOfRunsTheSentenceDoesNotSayIsRejected()
    {
        var message = LoadErrorAfter("maxRunsPerWeek: 4", "maxRunsPerWeek: 5");

        Assert.Contains("return-to-running.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("does not state maxRunsPerWeek (5)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKeyIsRejected()
    {
        var message = LoadErrorAfter("stepBack:", "stepback:");

        Assert.Contains("unknown key 'stepback'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileStopsStartUp()
    {
        File.Delete(Path.Combine(_copy, "return-to-running.yaml"));

        var message = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBaseLoader.Load(_copy)).Message;

        Assert.StartsWith("return-to-running.yaml: the file is missing", message, StringComparison.Ordinal);
    }
}
