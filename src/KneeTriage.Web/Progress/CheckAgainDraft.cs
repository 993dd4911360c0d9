using System.Text.Json;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Questionnaire;

namespace KneeTriage.Web.Progress;

/// <summary>
/// "Check again": a new questionnaire draft holding an earlier result's answers as the form would
/// have posted them, so every step opens filled in and the runner changes only what changed. No
/// step counts as done: the warning signs are asked again, on purpose. The draft remembers which
/// result it follows; it is data-protected, so that claim, made only after the earlier result's
/// delete key was checked, cannot be forged by the browser.
/// </summary>
public static class CheckAgainDraft
{
    public static QuestionnaireDraft From(KnowledgeBase knowledgeBase, StoredAssessment earlier) => new()
    {
        Values = FormValues(knowledgeBase, earlier.AnswersJson),
        Follows = earlier.Token,
    };

    /// <summary>The stored answers as raw form values; questions the knowledge base no longer asks are left out.</summary>
    public static IReadOnlyDictionary<string, string[]> FormValues(KnowledgeBase knowledgeBase, string answersJson)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var answers = JsonDocument.Parse(answersJson);
        if (answers.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var answer in answers.RootElement.EnumerateObject())
        {
            if (knowledgeBase.FindQuestion(answer.Name) is null)
            {
                continue;
            }

            string[] formValue = answer.Value.ValueKind switch
            {
                JsonValueKind.Number => [answer.Value.GetRawText()],
                JsonValueKind.True => [FormAnswers.Yes],
                JsonValueKind.False => [FormAnswers.No],
                JsonValueKind.String => [answer.Value.GetString() ?? string.Empty],
                JsonValueKind.Array => [.. answer.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? string.Empty)],
                _ => [],
            };
            if (formValue.Length > 0)
            {
                values[answer.Name] = formValue;
            }
        }

        return values;
    }
}
