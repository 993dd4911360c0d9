namespace KneeTriage.Web.Submission;

/// <summary>
/// A part's answer in words, the same on the review page, the result's answers and the clinician
/// summary: "not sure" is never shown as "no" or left out, and says how it was read only where the
/// question's answer rests on it.
/// </summary>
public static class PartAnswerWords
{
    /// <summary>
    /// The runner's answer to the part's own words. A "not sure" read as the sign says which answer
    /// it was read as: "no" for a part asked the positive way round ("Can you take four steps on this
    /// leg now?"), where reading it as "yes" would be the reassuring answer.
    /// </summary>
    public static string AsAsked(PartAnswer answer, bool signWhen, bool notSureReadAsSign) => answer switch
    {
        PartAnswer.Yes => "Yes",
        PartAnswer.No => "No",
        _ when notSureReadAsSign => $"Not sure (treated as {(signWhen ? "yes" : "no")}, to be safe)",
        _ => "Not sure",
    };

    public static string AsAsked(AnswerPartLine part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return AsAsked(part.Answer, part.SignWhen, part.NotSureReadAsSign);
    }
}
