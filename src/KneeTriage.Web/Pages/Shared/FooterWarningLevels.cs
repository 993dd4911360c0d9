using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KneeTriage.Web.Pages.Shared;

/// <summary>
/// The warning levels the footer of every page lists (warning-signs.yaml), most urgent first. Many
/// symptoms sit at two levels ("a hot knee" today, "a hot knee with a fever" now; "calf signs with a
/// higher clot risk" today, breathlessness with them now), and walkers looking for leave to wait
/// stopped at the gentler line, whose words matched theirs best. So the emergency lines always come
/// first, and a same-day line below them says it holds only when none of their signs is there.
/// </summary>
public static class FooterWarningLevels
{
    /// <summary>Leads a level below a more urgent one: its signs count only without those above.</summary>
    public const string OnlyWithoutTheSignsAbove = "If you have none of the signs above:";

    /// <param name="Urgency">The level of the group the signs come from.</param>
    /// <param name="Action">The one action these signs lead to, with its heading, advice and signs.</param>
    /// <param name="BelowAMoreUrgentLevel">Whether a more urgent level, or the same action's doctor line, is listed above it (it then leads with <see cref="OnlyWithoutTheSignsAbove"/>).</param>
    public sealed record Level(Urgency Urgency, WarningSignAction Action, bool BelowAMoreUrgentLevel);

    /// <summary>
    /// The emergency and urgent levels, most urgent action first; beside a page's own action, none
    /// under a gentler one (<see cref="PageAction.ListsSignsBeside"/>).
    /// </summary>
    public static IReadOnlyList<Level> For(ViewDataDictionary viewData, KnowledgeBase knowledge)
    {
        var listed = knowledge.WarningSigns
            .Where(group => group.Urgency >= Urgency.Urgent)
            .SelectMany(group => group.Actions.Select(action => (group.Urgency, Action: action)))
            .Where(level => viewData.ListsSignsBeside(level.Action.Disposition))
            .OrderByDescending(level => level.Action.Disposition)
            .ToList();

        listed = [.. listed.SelectMany(level => level.Action.Disposition == Disposition.SameDay && !viewData.LeadsWithADoctorToday()
            ? ByService(level.Action, knowledge).Select(action => (level.Urgency, Action: action))
            : [level])];
        return [.. listed.Select((level, index) => new Level(level.Urgency, level.Action, listed.Take(index).Any(above => above.Urgency > level.Urgency || above.Action.Disposition == level.Action.Disposition)))];
    }

    /// <summary>
    /// The same-day signs in two lines, by where they are seen: first those whose rules send the
    /// runner to a doctor (advice.yaml's <c>whenRaised</c> rules of the same-day action: a possible
    /// clot, a hot knee...), under the doctor's words; then the injury signs, under the group's own
    /// words, which name injury units. A tester's runner with a hot knee found "an injury unit"
    /// beside it in the footer of every guide page. The doctor's line comes first, since a runner with
    /// signs of both goes to the doctor (as the result's action does); a page that already leads
    /// with a doctor today keeps one line (<see cref="PageAction.FooterAdvice"/>).
    /// </summary>
    private static IEnumerable<WarningSignAction> ByService(WarningSignAction sameDay, KnowledgeBase knowledge)
    {
        var doctorRules = knowledge.Advice.ActionLines.TryGetValue(Disposition.SameDay, out var lines) && lines.Count > 0 && lines[0].WhenRaised is { } raised
            ? raised.Rules
            : [];
        var doctor = sameDay.Signs.Where(sign => sign.Rules.Any(doctorRules.Contains)).ToList();
        var injury = sameDay.Signs.Where(sign => !doctor.Contains(sign)).ToList();
        if (doctor.Count > 0)
        {
            yield return sameDay with { Signs = doctor, Advice = PageAction.SeenByADoctorToday };
        }

        if (injury.Count > 0)
        {
            yield return sameDay with { Signs = injury };
        }
    }
}
