namespace KneeTriage.Web.Submission;

/// <summary>
/// What a runner answered to one yes/no part of a question the form asks in parts (askedAs): the
/// runner's own answer to the part's own words, before the parts are merged into the contract's one
/// answer. Written into the stored result as "yes", "no" or "not-sure".
/// </summary>
public enum PartAnswer
{
    Yes,
    No,
    NotSure,
}
