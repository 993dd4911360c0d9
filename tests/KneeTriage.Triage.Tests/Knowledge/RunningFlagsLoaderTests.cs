using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// The flags that keep "do not run" and "how to run" apart (conditions.yaml and advice.yaml:
/// stopsRunning, aboutRunning, whenNotRunning) load as written, and a wrong one stops start-up
/// with a message naming the file, the entry and the field.
/// </summary>
public sealed class RunningFlagsLoaderTests : IDisposable
{
    private const string LigamentStop = "      - words: Do not run or play sport on it until a clinician has checked the ligaments, because a torn ligament can let the knee give way.\n        stopsRunning: true";

    private readonly KnowledgeBaseCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private string LoadError() => Assert.Throws<KnowledgeBaseException>(_copy.Load).Message;

    [Fact]
    public void TheShippedFlagsLoadOnTheStepsAndLinesThatCarryThem()
    {
        var kb = ShippedKnowledgeBase.Instance;
        var ligament = kb.Conditions.Single(c => c.Id == "ligament-injury").SelfCareSteps;
        var hip = kb.Conditions.Single(c => c.Id == "hip-referred-pain").SelfCareSteps;
        var bookAppointment = kb.Advice.ActionLines[Disposition.BookAppointment];

        Assert.True(ligament[0].StopsRunning);
        Assert.False(ligament[1].StopsRunning || ligament[1].AboutRunning);
        Assert.Equal(2, hip.Count(s => s.StopsRunning));
        Assert.True(bookAppointment[1].AboutRunning);
        Assert.Equal("Until then, do not run, and avoid the movements that hurt.", bookAppointment[1].WhenNotRunning);
        Assert.Equal(bookAppointment[1].Words, kb.Advice.Action[Disposition.BookAppointment][1]);
    }

    [Fact]
    public void AStepWithAFlagThatIsNotTrueOrFalseIsRejectedNamingTheField()
    {
        _copy.Replace("conditions.yaml", LigamentStop, LigamentStop.Replace("stopsRunning: true", "stopsRunning: yes please", StringComparison.Ordinal));

        var message = LoadError();

        Assert.Contains("conditions.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("'ligament-injury'", message, StringComparison.Ordinal);
        Assert.Contains("'stopsRunning' must be true or false, found 'yes please'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepThatBothStopsRunningAndSaysHowToRunIsRejected()
    {
        _copy.Replace("conditions.yaml", LigamentStop, LigamentStop + "\n        aboutRunning: true");

        Assert.Contains("cannot both stop running ('stopsRunning') and say how to run ('aboutRunning')", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspelledFlagIsRejected()
    {
        _copy.Replace("conditions.yaml", LigamentStop, LigamentStop.Replace("stopsRunning", "stopRunning", StringComparison.Ordinal));

        var message = LoadError();

        Assert.Contains("conditions.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("stopRunning", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActionLineWithAWrongFlagIsRejectedNamingTheDispositionAndLine()
    {
        _copy.Replace("advice.yaml", "      aboutRunning: true\n      whenNotRunning: Until then", "      aboutRunning: maybe\n      whenNotRunning: Until then");

        var message = LoadError();

        Assert.Contains("advice.yaml line", message, StringComparison.Ordinal);
        Assert.Contains("book-appointment > line 2", message, StringComparison.Ordinal);
        Assert.Contains("'aboutRunning' must be true or false, found 'maybe'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsForARunnerToldNotToRunNeedALineAboutRunning()
    {
        _copy.Replace("advice.yaml", "    - words: Do not run until you have been seen.\n      stopsRunning: true", "    - words: Do not run until you have been seen.\n      whenNotRunning: Do not run.");

        Assert.Contains("only a line with 'aboutRunning: true' has words for a runner told not to run", LoadError(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstLineOfAnActionCannotBeALineAboutRunning()
    {
        _copy.Replace("advice.yaml", "    - This sounds safe to manage yourself for now.", "    - words: This sounds safe to manage yourself for now.\n      aboutRunning: true");

        Assert.Contains("the first line is the action itself", LoadError(), StringComparison.Ordinal);
    }
}
