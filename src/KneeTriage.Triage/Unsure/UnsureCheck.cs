using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Unsure;

/// <summary>
/// Checks the body's "unsure" list: each id once, each a warning question of the loaded knowledge
/// base, and no yes/no question both "not sure" and answered no. Every message is keyed
/// <see cref="Key"/>, so a client is told plainly which list is wrong.
/// </summary>
public static class UnsureCheck
{
    public const string Key = "unsure";

    public static IReadOnlyList<string> Problems(KnowledgeBase knowledgeBase, AnswerSet answers, IReadOnlyList<string> unsure)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(unsure);
        var warningQuestions = string.Join(", ", knowledgeBase.Questions.Where(q => knowledgeBase.IsWarningQuestion(q.Id)).Select(q => q.Id));
        var problems = new List<string>();
        foreach (var repeated in unsure.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"'{repeated.Key}' is listed more than once; list each question once.");
        }

        foreach (var id in unsure.Distinct(StringComparer.Ordinal))
        {
            var question = knowledgeBase.FindQuestion(id);
            if (question is null)
            {
                problems.Add($"'{id}' is not a question of this symptom check. List only warning questions answered 'not sure': {warningQuestions}.");
            }
            else if (!knowledgeBase.IsWarningQuestion(id))
            {
                problems.Add($"'{id}' is not a warning question, so it cannot be 'not sure'. The warning questions are: {warningQuestions}.");
            }
            else if (question.Type == QuestionType.Boolean && answers.GetValueOrDefault(id) is BooleanAnswer { Value: false })
            {
                problems.Add($"'{id}' is listed as not sure but answered false. 'Not sure' is read as yes: send true, or leave the answer out.");
            }
        }

        return problems;
    }
}
