using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// What the form asks of a warning question beyond the validator (contract v1.2, "Form rules"):
/// every warning question the form shows gets an answer, Yes / No / Not sure or a tick, "None of
/// these" or "Not sure", so a sign is never missed because a box was simply left blank. The API
/// keeps v1's rule (left out means no): these are the form's words to the runner, keyed by field.
/// </summary>
public static class FormRules
{
    public static Dictionary<string, string> Problems(KnowledgeBase knowledgeBase, QuestionStep step, IReadOnlyDictionary<string, string[]> raw, AnswerSet answers)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in step.Questions.Where(q => FormAnswers.IsShown(q, answers)))
        {
            var isWarning = knowledgeBase.IsWarningQuestion(question.Id);
            if (question.Type == QuestionType.Many)
            {
                var ticked = raw.GetValueOrDefault(question.Id) ?? [];
                if (ticked.Contains(FormAnswers.NoneOfThese) && ticked.Length > 1)
                {
                    problems[question.Id] = $"You ticked \u201cNone of these\u201d and another answer to \u201c{question.Text}\u201d. Untick one of them.";
                }
                else if (isWarning && ticked.Length == 0)
                {
                    problems[question.Id] = $"Tick what applies to \u201c{question.Text}\u201d, or \u201cNone of these\u201d, or \u201cNot sure\u201d.";
                }

                continue;
            }

            if (!isWarning || question.Type != QuestionType.Boolean)
            {
                continue;
            }

            if (question.Parts.Count == 0 && !raw.ContainsKey(question.Id))
            {
                problems[question.Id] = $"Answer yes, no or not sure to \u201c{question.Text}\u201d";
            }

            foreach (var part in question.Parts.Where(p => FormAnswers.IsShown(p, answers) && !raw.ContainsKey(p.Id)))
            {
                problems[part.Id] = $"Answer yes, no or not sure to \u201c{part.Text}\u201d";
            }
        }

        return problems;
    }
}
