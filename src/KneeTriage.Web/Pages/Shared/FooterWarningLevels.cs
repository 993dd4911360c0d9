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
    /// <param name="BelowAMoreUrgentLevel">Whether a more urgent level is listed above it (it then leads with <see cref="OnlyWithoutTheSignsAbove"/>).</param>
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

        return [.. listed.Select((level, index) => new Level(level.Urgency, level.Action, listed.Take(index).Any(above => above.Urgency > level.Urgency)))];
    }
}
