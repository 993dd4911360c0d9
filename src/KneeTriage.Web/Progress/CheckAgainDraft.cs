using System.Text.Json;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Data;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Submission;

namespace KneeTriage.Web.Progress;

/// <summary>
/// "Check again": a new questionnaire draft holding an earlier result's answers as the form would
/// have posted them, so every step opens filled in and the runner changes only what changed, except
/// the warning questions (contract v1.2): those are asked afresh, with the earlier answer as a hint
/// ("last time: no") and never filled in, so a new swollen calf is not one careless tap from being
/// missed. Answers about a time that has moved on (questions.yaml's <c>askedAfresh</c>: the worst
/// pain this week, the morning after the last run, how long it has hurt, what changed in training
/// lately) are left blank too. No step counts as done. The draft remembers which result it follows; it is
/// data-protected, so that claim, made only after the earlier result's delete key was checked,
/// cannot be forged by the browser.
/// </summary>
public static class CheckAgainDraft
{
    public static QuestionnaireDraft From(KnowledgeBase knowledgeBase, StoredAssessment earlier)
    {
        var values = FormValues(knowledgeBase, earlier.AnswersJson);
        var earlierResult = ResultOf(earlier.ResultJson);
        var unsure = earlierResult?.Unsure?.ToHashSet(StringComparer.Ordinal) ?? [];
        var partsAsked = earlierResult?.Answers.Where(l => l.Parts is { Count: > 0 }).ToDictionary(l => l.QuestionId, l => l.Parts!, StringComparer.Ordinal) ?? [];
        var lastTime = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in knowledgeBase.Questions.Where(q => q.AskedAfresh))
        {
            // Asked afresh: last week's pain carried over reads as "about the same" whatever this
            // week was, and last time's duration could keep a longer pain under a rule's line. A
            // choice keeps last time's answer as a hint ("Last time: 3 to 14 days"), a score none,
            // so this week's pain is scored for itself.
            if (values.Remove(question.Id, out var earlierAnswer) && question.Type != QuestionType.Integer)
            {
                lastTime[question.Id] = Words(question, earlierAnswer);
            }
        }

        foreach (var question in knowledgeBase.Questions.Where(q => q.Parts.Count > 0 && !knowledgeBase.IsWarningQuestion(q.Id)))
        {
            // The form asks these in parts: fill each part whose answer the stored yes or no tells.
            if (values.Remove(question.Id, out var stored))
            {
                foreach (var (part, answer) in PartAnswers(question, stored is [FormAnswers.Yes]))
                {
                    values[part] = [answer];
                }

                if (stored is [FormAnswers.Yes] && question.Parts.Count > 1)
                {
                    question.Parts.ToList().ForEach(part => lastTime[part.Id] = "yes to one of these");
                }
            }
        }

        foreach (var question in knowledgeBase.Questions.Where(q => knowledgeBase.IsWarningQuestion(q.Id)))
        {
            // A tick-box question left out was "none of these"; a yes/no one left out may not have been asked.
            var asked = values.Remove(question.Id, out var earlierValues) || question.Type == QuestionType.Many;
            var hints = partsAsked.TryGetValue(question.Id, out var parts) ? PartHints(parts)
                : asked ? Hints(question, earlierValues ?? [], unsure.Contains(question.Id))
                : [];
            foreach (var (field, hint) in hints)
            {
                lastTime[field] = hint;
            }
        }

        // Activities (contract v1.2) keep their names and are scored afresh, last time's score as the hint.
        foreach (var question in knowledgeBase.Questions.Where(q => q.Type == QuestionType.Activities))
        {
            var (rows, hints) = ActivityFields.CarriedOver(AnswersJson.Deserialize(earlier.AnswersJson).Activities(question.Id));
            foreach (var (field, value) in rows)
            {
                values[field] = value;
            }

            foreach (var (field, hint) in hints)
            {
                lastTime[field] = hint;
            }
        }

        return new QuestionnaireDraft { Values = values, LastTime = lastTime, Follows = earlier.Token };
    }

    /// <summary>
    /// The draft with the activities' names left for the runner to type again (their scores' hints
    /// stay): only names the API took that the form would not (60 letters under piles of accents)
    /// make a follow-up too long for the browser to keep, and the check must still join the series.
    /// </summary>
    public static QuestionnaireDraft WithoutActivityNames(QuestionnaireDraft draft) => draft with
    {
        Values = draft.Values.Where(v => !ActivityFields.All.Contains(v.Key, StringComparer.Ordinal)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
    };

    /// <summary>The stored answers as raw form values; questions the knowledge base no longer asks are left out.</summary>
    public static Dictionary<string, string[]> FormValues(KnowledgeBase knowledgeBase, string answersJson)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var answers = JsonDocument.Parse(answersJson);
        if (answers.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var answer in answers.RootElement.EnumerateObject())
        {
            // Activities are carried over row by row by From, never as one field.
            if (knowledgeBase.FindQuestion(answer.Name) is null or { Type: QuestionType.Activities })
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

    /// <summary>
    /// What the runner said to each part last time, where the result kept it: "not sure" only on
    /// the parts answered so, never on a part answered yes or no beside it, and never a "no" for a
    /// "not sure" that a "no" to the other part outweighed.
    /// </summary>
    private static IEnumerable<(string Field, string Hint)> PartHints(IReadOnlyList<AnswerPartLine> parts) =>
        parts.Select(part => (part.PartId, part.Answer switch
        {
            PartAnswer.Yes => "yes",
            PartAnswer.No => "no",
            _ => "not sure",
        }));

    /// <summary>
    /// The earlier answer in words, by form field, for a result that did not keep its parts (made
    /// earlier, or through the API). A question asked in parts gets a hint on each part
    /// only where the stored answer tells that part's answer: "no sign" means every part was answered
    /// the no-sign way; a sign from several parts does not say which part gave it.
    /// </summary>
    private static IEnumerable<(string Field, string Hint)> Hints(Question question, string[] earlier, bool wasUnsure)
    {
        if (wasUnsure)
        {
            return FormAnswers.FieldNames(question).Select(field => (field, "not sure"));
        }

        if (question.Parts.Count == 0)
        {
            return [(question.Id, Words(question, earlier))];
        }

        var sign = earlier is [FormAnswers.Yes];
        if (question.EveryPartNeeded && question.Parts.Count > 1)
        {
            // Every part gave its sign, or at least one did not (which one is not told).
            return question.Parts.Select(part => (part.Id, sign ? (part.SignWhen ? "yes" : "no") : "no to one of these"));
        }

        return sign && question.Parts.Count > 1
            ? question.Parts.Select(part => (part.Id, "yes to one of these"))
            : PartAnswers(question, sign);
    }

    /// <summary>
    /// Each part's answer as far as the stored answer tells it: no sign means every part was answered
    /// the no-sign way; a sign from one part is that part's sign; a sign from several parts does not
    /// say which part gave it, so none is told.
    /// </summary>
    private static IEnumerable<(string Part, string Answer)> PartAnswers(Question question, bool sign) =>
        (question.EveryPartNeeded ? !sign : sign) && question.Parts.Count > 1
            ? []
            : question.Parts.Select(part => (part.Id, part.SignWhen == sign ? FormAnswers.Yes : FormAnswers.No));

    private static string Words(Question question, string[] earlier) => question.Type switch
    {
        QuestionType.Boolean => earlier is [FormAnswers.Yes] ? "yes" : "no",
        _ when earlier.Length == 0 => "none of these",
        _ => string.Join("; ", earlier.Select(v => question.Options.FirstOrDefault(o => o.Value == v)?.Label ?? v)),
    };

    private static StoredResult? ResultOf(string resultJson)
    {
        try
        {
            return StoredResultJson.Deserialize(resultJson);
        }
        catch (JsonException)
        {
            // A result that no longer reads still gives its answers; only the "not sure" and parts' hints are lost.
            return null;
        }
    }
}
