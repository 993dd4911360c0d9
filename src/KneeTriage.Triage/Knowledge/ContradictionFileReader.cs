using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Reads and checks <c>contradictions.yaml</c>: every entry names at least two known questions, its
/// criterion uses exactly those questions, and its message's placeholders name them.
/// </summary>
internal static class ContradictionFileReader
{
    public static IReadOnlyList<Contradiction> Read(YamlEntry root, IReadOnlyDictionary<string, Question> questions, CriterionReader criteria)
    {
        root.AllowOnly("contradictions");
        var contradictions = new List<Contradiction>();
        // An empty list is allowed: a knowledge base need not have contradictions, but the file says so.
        foreach (var item in root.Required("contradictions").Items())
        {
            item.AllowOnly("id", "questions", "when", "message");
            var id = QuestionFileReader.Identifier(item);
            var entry = item.Named($"contradiction '{id}'");
            if (contradictions.Any(c => c.Id == id))
            {
                throw entry.Error($"the contradiction id '{id}' is used twice");
            }

            var questionIds = ReadQuestionIds(entry.Required("questions"), questions);
            var whenEntry = entry.Required("when");
            var when = criteria.Read(whenEntry);
            var named = QuestionsIn(when).ToHashSet(StringComparer.Ordinal);
            foreach (var unlisted in named.Where(q => !questionIds.Contains(q)).Order(StringComparer.Ordinal))
            {
                throw whenEntry.Error($"'when' uses '{unlisted}', which is not listed under 'questions'; list every question the contradiction involves");
            }

            foreach (var unused in questionIds.Where(q => !named.Contains(q)))
            {
                throw whenEntry.Error($"'{unused}' is listed under 'questions' but 'when' does not use it; the message is shown beside each listed question");
            }

            var messageEntry = entry.Required("message");
            var message = entry.RequiredText("message");
            foreach (var placeholder in Contradiction.Placeholder().Matches(message).Select(m => m.Groups[1].Value))
            {
                if (!questionIds.Contains(placeholder))
                {
                    throw messageEntry.Error($"the placeholder '{{{placeholder}}}' must be one of this contradiction's questions: {string.Join(", ", questionIds.Select(q => $"{{{q}}}"))}");
                }
            }

            contradictions.Add(new Contradiction { Id = id, QuestionIds = questionIds, When = when, Message = message });
        }

        return contradictions;
    }

    private static List<string> ReadQuestionIds(YamlEntry list, IReadOnlyDictionary<string, Question> questions)
    {
        var ids = new List<string>();
        foreach (var item in list.Items())
        {
            var id = item.Text().Trim();
            if (!questions.ContainsKey(id))
            {
                throw item.Error($"unknown question '{id}'");
            }

            if (ids.Contains(id))
            {
                throw item.Error($"'{id}' is listed twice");
            }

            ids.Add(id);
        }

        return ids.Count >= 2 ? ids : throw list.Error("a contradiction involves at least two questions");
    }

    private static IEnumerable<string> QuestionsIn(AnswerCriterion criterion) => criterion switch
    {
        QuestionCriterion leaf => [leaf.QuestionId],
        AllCriterion all => all.Parts.SelectMany(QuestionsIn),
        AnyCriterion any => any.Parts.SelectMany(QuestionsIn),
        NotCriterion not => QuestionsIn(not.Part),
        _ => [],
    };
}
