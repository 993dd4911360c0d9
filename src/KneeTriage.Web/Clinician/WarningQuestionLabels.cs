namespace KneeTriage.Web.Clinician;

/// <summary>
/// Each warning question in a few words, as a clinician's form would name it, so every question
/// and its answer fit on the summary's one A4 page (issue 23). The runner's question (or its parts)
/// can run to two lines; a clinician reads "Fever, shivers or unwell all over in the last few days: No" at a glance.
/// Each label names the fact the runner was asked, positively, so the answer is the runner's own:
/// for most questions that fact is the sign ("Yes" means the sign is there); a question the form
/// asks the positive way round (<see cref="ReadsPositively"/>: "Can you take four steps?") is
/// labelled so too ("Could take four steps now: Yes"), never "Unable to take four steps: No", a
/// double negative a clinician had to turn round. A warning question added to the knowledge base
/// without a label here shows its own text; <c>ClinicianSummaryTests</c> fails until it has one.
/// </summary>
public static class WarningQuestionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["breathless-or-chest-pain"] = "New breathlessness, chest pain or coughed-up blood",
        ["deformity"] = "Knee or leg out of shape",
        ["foot-signs"] = "Foot on the painful side",
        ["not-settling-after-run"] = "Pain in the calf or behind the knee still severe after an hour or more of rest, in a hard or tight calf",
        ["hot-red-knee"] = "Knee feels hot",
        ["fever"] = "Fever, shivers or unwell all over in the last few days",
        ["cannot-bear-weight"] = "Could take four steps, now and straight after any injury",
        ["cannot-lift-straight-leg"] = "Could lift the straight leg, after an injury",
        ["calf-signs"] = "Calf on the painful side",
        ["clot-risk"] = "Clot risks",
        ["pain-triggers"] = "Pain brought on or made worse by",
        ["hip-or-groin-pain"] = "Hip, groin or front-of-thigh pain, or a new limp",
        ["back-pain"] = "Low back pain, or pain from the buttock down the thigh",
        ["bladder-or-saddle"] = "New saddle numbness, or new bladder or bowel trouble",
        ["both-legs"] = "Numbness, tingling or weakness in both legs",
        ["swelling"] = "Swelling",
        ["blood-thinners"] = "Anticoagulant or a bleeding disorder",
        ["mechanical"] = "Mechanical symptoms",
        // Not "of this knee": the arthritis box covers an arthritis of many joints too.
        ["history"] = "History",
        ["infection-risk"] = "Infection risks",
    };

    /// <summary>
    /// Each yes/no part the form asks in place of a warning question, named as the fact it asks
    /// about, so the answer shown is the runner's own ("Could take four steps now: Yes" for a runner
    /// who answered "Can you take four steps on this leg now?" with "Yes"). Shown joined in one line
    /// ("Hip, groin or front-of-thigh pain: No; a new limp: Yes"), so the parts after the first start
    /// in lower case and lean on it ("Could take four steps now: Yes; straight after the injury: No"). Kept short: with every
    /// part of every such question answered "not sure" beside the longest case's other signs, the
    /// summary still fits its one A4 page (measured in Chromium's print, 2026-12-07). A question
    /// asked as one part needs none: its merged answer says the same.
    /// </summary>
    private static readonly Dictionary<string, string> PartLabels = new(StringComparer.Ordinal)
    {
        ["newly-breathless"] = "New breathlessness",
        ["chest-pain"] = "chest pain",
        ["coughed-up-blood"] = "coughed-up blood",
        ["severe-pain-after-run"] = "Pain still severe after an hour or more of rest",
        ["tight-calf-after-run"] = "calf hard or tight when relaxed",
        ["has-fever"] = "Fever",
        ["shivers"] = "shivers",
        ["unwell-all-over"] = "unwell all over",
        ["four-steps-now"] = "Could take four steps now",
        ["four-steps-after-injury"] = "straight after the injury",
        ["hip-or-groin-ache"] = "Hip, groin or front-of-thigh pain",
        ["new-limp"] = "a new limp",
        ["low-back-pain"] = "Low back pain",
        ["buttock-to-thigh-pain"] = "buttock-to-thigh pain",
        ["saddle-numbness"] = "New saddle numbness",
        ["bladder-or-bowel-trouble"] = "bladder or bowel trouble",
        ["takes-blood-thinner"] = "Anticoagulant",
        ["bleeding-disorder"] = "a bleeding disorder",
    };

    /// <summary>
    /// A question the form asks only the positive way round (every part's sign is a "no": "Can you
    /// take four steps?"): its label names what the runner could do, and "No" is the sign.
    /// </summary>
    public static bool ReadsPositively(KneeTriage.Triage.Knowledge.Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Parts.Count > 0 && question.Parts.All(part => !part.SignWhen);
    }

    /// <summary>The label for a warning question, or null when it has none yet.</summary>
    public static string? For(string questionId) => Labels.GetValueOrDefault(questionId);

    /// <summary>The label for one part of a warning question asked in parts, or null when it has none (the part's own words show).</summary>
    public static string? ForPart(string partId) => PartLabels.GetValueOrDefault(partId);
}
