namespace KneeTriage.Triage.Knowledge;

public sealed partial class KnowledgeBase
{
    private HashSet<string>? _stopLines;

    /// <summary>
    /// Whether any of a result's lines (its action and its cards' steps, as stored) is one this
    /// knowledge base marks as telling the runner not to run: a self-care step or action line with
    /// <c>stopsRunning: true</c>, or an action line's <c>whenNotRunning</c> words. A stored result keeps
    /// words, not flags, so its page asks this before it offers a plan to run again.
    /// </summary>
    public bool TellsNotToRun(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _stopLines ??=
        [
            .. Conditions.SelectMany(c => c.SelfCareSteps).Where(step => step.StopsRunning).Select(step => step.Words),
            .. Advice.ActionLines.Values.SelectMany(action => action).Where(line => line.StopsRunning).Select(line => line.Words),
            .. Advice.ActionLines.Values.SelectMany(action => action).Select(line => line.WhenNotRunning).OfType<string>(),
        ];
        return lines.Any(_stopLines.Contains);
    }
}
