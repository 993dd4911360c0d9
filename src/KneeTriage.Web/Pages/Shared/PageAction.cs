using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KneeTriage.Web.Pages.Shared;

/// <summary>
/// The one action a page leads with (a result, the check's warning page, or a step after the
/// runner carried on past one), told to the layout so the footer says nothing gentler beside it
/// (contract v1.2: one action per result). Walkers read "if you are worried, see a GP or a
/// physiotherapist" under "be seen today" as leave to wait.
/// </summary>
public static class PageAction
{
    private const string Key = "KneeTriage.PageAction";

    /// <summary>Said by a page whose action is set; stays on every page: no page can examine the runner.</summary>
    public const string FollowTheAction = "Follow the action at the top of this page.";

    /// <summary>
    /// Called by a page that leads with <paramref name="disposition"/>'s action. <paramref name="actionLine"/>
    /// is the action as the page words it (its first line from advice.yaml, a line's whenRaised words
    /// included), when the page shows one: the footer's words for the same action follow it.
    /// </summary>
    public static void SetPageAction(this ViewDataDictionary viewData, Disposition disposition, string? actionLine = null) =>
        viewData[Key] = new Led(disposition, actionLine);

    /// <summary>
    /// Whether "see a GP or a physiotherapist if worried or not better" fits the page: no action
    /// (the guide, the check's steps before any warning), or one that leaves time to wait (self-care, an appointment).
    /// </summary>
    public static bool LeavesTimeToSeeAGp(this ViewDataDictionary viewData) =>
        viewData[Key] is not Led led || led.Disposition.LeavesTimeToCheckAgain();

    /// <summary>
    /// Whether the footer lists the warning signs whose action is <paramref name="signsAction"/>:
    /// on a page with an action, only those of the same or a more urgent one. Walk 14: under "go to
    /// A&amp;E now" a runner found her own signs again in the footer's "get seen today" list, and
    /// read it as a choice.
    /// </summary>
    public static bool ListsSignsBeside(this ViewDataDictionary viewData, Disposition signsAction) =>
        viewData[Key] is not Led led || signsAction >= led.Disposition;

    /// <summary>
    /// The footer's advice for the signs of <paramref name="signs"/>' action. Beside a page that
    /// leads with that same action in other words (a possible clot: "be seen by a doctor today",
    /// since an injury unit cannot arrange a scan), the action's usual line in the advice gives way
    /// to the page's, so the footer never sends the runner somewhere the page does not.
    /// </summary>
    public static string FooterAdvice(this ViewDataDictionary viewData, WarningSignAction signs, AdviceText advice) =>
        viewData[Key] is Led { ActionLine: { } pageLine } led
            && led.Disposition == signs.Disposition
            && advice.Action.TryGetValue(signs.Disposition, out var lines) && lines is [var usualLine, ..]
            ? signs.Advice.Replace(usualLine, pageLine, StringComparison.Ordinal)
            : signs.Advice;

    private sealed record Led(Disposition Disposition, string? ActionLine);
}
