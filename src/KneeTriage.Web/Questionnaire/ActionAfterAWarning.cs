using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// What the check's later pages (the steps, the review) lead with once the runner has read a
/// warning page and carried on: that page's action, which still stands. A runner told "call 999
/// now" who chose to finish the check then met "if you are worried, see a GP" in the footer of every
/// step, and the full "get seen today" list, and read them as leave to wait. The draft carries the
/// warning (the rule ids read, decision 0004), so any instance can tell.
/// </summary>
public sealed class ActionAfterAWarning(KnowledgeBase knowledgeBase, DraftCookie drafts, InterruptingSigns signs)
{
    public StandingAction? For(HttpRequest request)
    {
        var draft = drafts.Read(request).Draft;
        return signs.StillStanding(FormAnswers.ToAssessedAnswers(knowledgeBase, draft.Values), draft);
    }
}
