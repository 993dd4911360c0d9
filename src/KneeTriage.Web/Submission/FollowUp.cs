namespace KneeTriage.Web.Submission;

/// <summary>
/// Which earlier result a new check follows, and how the caller proved the runner made it. A
/// follow-up joins the earlier result's series ("Check again").
/// </summary>
public abstract record FollowUp(string? EarlierToken)
{
    /// <summary>The API: the caller sent the earlier result's delete key. A wrong key or a result that is gone stores nothing.</summary>
    public static FollowUp ProvenByKey(string? earlierToken, string? deleteKey) => new ByKey(earlierToken, deleteKey);

    /// <summary>
    /// The form: the protected draft cookie names the earlier result, and only the browser holding
    /// that result's key can start such a draft. A result deleted since lets the check start a series of its own.
    /// </summary>
    public static FollowUp ProvenByDraft(string earlierToken) => new ByDraft(earlierToken);

    internal sealed record ByKey(string? EarlierToken, string? DeleteKey) : FollowUp(EarlierToken);

    internal sealed record ByDraft(string EarlierToken) : FollowUp(EarlierToken);
}

/// <summary>A follow-up proven by key named a result that is not there or not the caller's: nothing was stored.</summary>
public sealed record EarlierResultNotFound : RecordingOutcome;
