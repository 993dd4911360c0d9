using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Engine;

/// <summary>Chooses the advice for a disposition, the leading causes and the runner's answers.</summary>
internal static class AdviceWriter
{
    /// <param name="raisedRules">The ids of the warning rules raised: an action line may read differently for some (<see cref="ActionLine.WhenRaised"/>).</param>
    public static Advice Write(AdviceText text, IReadOnlyList<Condition> conditions, Disposition disposition, IReadOnlyList<LikelyCause> causes, AnswerFacts facts, IReadOnlyCollection<string> raisedRules)
    {
        // With urgent or emergency, care comes first: self-care steps could read as "wait and see".
        var cards = disposition <= Disposition.BookAppointment
            ? causes.Take(text.SelfCareCauses).Select(cause => StepsFor(conditions, cause, facts)).ToList()
            : [];
        var action = text.ActionLines.GetValueOrDefault(disposition) ?? [];
        // One voice about running: a line that says how to run beside one that says not to (the
        // hip's stress fracture, a torn ligament) leaves a worried runner to pick the gentler one.
        var toldNotToRun = action.Any(line => line.StopsRunning) || cards.Any(card => card.Steps.Any(step => step.StopsRunning));
        var selfCare = cards
            .Select(card => new CauseAdvice
            {
                ConditionId = card.Cause.Id,
                ConditionName = card.Cause.Name,
                Steps = [.. card.Steps.Where(step => !(toldNotToRun && step.AboutRunning)).Select(step => step.Words)],
            })
            .Where(card => card.Steps.Count > 0)
            .ToList();
        var getHelp = GetHelpIf(text, disposition, facts);
        // "Check again if anything changes" would be a second, gentler voice beside a same-day or emergency action.
        var checkAgain = disposition.LeavesTimeToCheckAgain() ? text.CheckAgain : [];

        return new Advice
        {
            DoNow = [.. action.Select(line => WordsFor(line, toldNotToRun, raisedRules)).OfType<string>()],
            ToldNotToRun = toldNotToRun,
            SelfCare = selfCare,
            ComeBackIf = [.. getHelp.Select(g => $"{g.Lead} {string.Join("; ", g.Signs)}."), .. checkAgain],
            GetHelpIf = getHelp,
            ParentOrCarer = text.ParentOrCarer is { } young && young.When.IsMetBy(facts) ? young.Words : null,
        };
    }

    private static string? WordsFor(ActionLine line, bool toldNotToRun, IReadOnlyCollection<string> raisedRules) =>
        line.WhenRaised is { } raised && raised.Rules.Any(raisedRules.Contains) ? raised.Words
        : toldNotToRun && line.AboutRunning ? line.WhenNotRunning
        : line.Words;

    /// <summary>
    /// Only actions of a higher level than the result's (a lower one beside it is a gentler line a
    /// worried runner would pick; "call 999" beside "get a lift" is a second emergency action to
    /// choose between), and only signs the runner did not report ("if the calf becomes swollen" to a
    /// runner whose calf is swollen reads as "it is not that yet").
    /// </summary>
    private static List<GetHelpGroup> GetHelpIf(AdviceText text, Disposition disposition, AnswerFacts facts) =>
    [
        .. text.GetHelpIf
            .Where(group => group.Disposition.Level() > disposition.Level())
            .OrderByDescending(group => group.Disposition)
            .Select(group => new GetHelpGroup
            {
                Disposition = group.Disposition,
                Lead = group.Lead,
                Signs = [.. group.Signs
                    .Where(sign => (sign.OnlyWhen?.IsMetBy(facts) ?? true) && !(sign.ReportedWhen?.IsMetBy(facts) ?? false))
                    .Select(sign => sign.Words)],
            })
            .Where(group => group.Signs.Count > 0),
    ];

    /// <summary>The cause's steps for this runner: a step for young runners is not shown at 62.</summary>
    private static (LikelyCause Cause, List<SelfCareStep> Steps) StepsFor(IReadOnlyList<Condition> conditions, LikelyCause cause, AnswerFacts facts) =>
        (cause, [.. conditions.First(c => c.Id == cause.Id).SelfCareSteps.Where(step => step.OnlyWhen?.IsMetBy(facts) ?? true)]);
}
