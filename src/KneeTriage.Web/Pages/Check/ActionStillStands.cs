namespace KneeTriage.Web.Pages.Check;

/// <summary>The words beside a warning page's action on the check's later pages (<c>_ActionStillStands</c>).</summary>
public static class ActionStillStands
{
    /// <summary>
    /// Why the action is repeated: the runner chose to finish the check, which must not read as
    /// waiting for its result. "Less urgent", not "change": a later answer can still make it more
    /// urgent, and the check says so at once (UrgentModel.LaterQuestionsMayRaiseIt).
    /// </summary>
    public const string FinishingDoesNotChangeIt = "Finishing the check does not make this less urgent.";
}
