using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests;

/// <summary>
/// Random but valid answer sets drawn from the knowledge base's own questions, with a fixed seed
/// so every run tests the same sets. Warning signs are rare, as in real use, but all appear.
/// </summary>
internal sealed class AnswerSetGenerator(KnowledgeBase knowledgeBase, int seed)
{
    private readonly Random _random = new(seed);

    public IEnumerable<AnswerSet> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    public AnswerSet Next()
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        foreach (var question in knowledgeBase.Questions)
        {
            if (!question.Required && _random.NextDouble() < 0.3)
            {
                continue;
            }

            answers[question.Id] = question.Type switch
            {
                QuestionType.Integer => new NumberAnswer(_random.Next(question.Min ?? 0, (question.Max ?? 0) + 1)),
                QuestionType.Boolean => new BooleanAnswer(_random.NextDouble() < 0.12),
                QuestionType.One => new TextAnswer(question.Options[_random.Next(question.Options.Count)].Value),
                // 1 to 3 activities, each scored 0 to 10 (an empty list is refused: leave the question out instead).
                QuestionType.Activities => new ActivitiesAnswer([.. Enumerable.Range(1, _random.Next(1, ActivitiesAnswer.MaximumEntries + 1))
                    .Select(n => ActivityEntry.Of($"activity {n}", _random.Next(0, ActivitiesAnswer.MaximumScore + 1)))]),
                _ => new ListAnswer([.. question.Options.Where(_ => _random.NextDouble() < 0.15).Select(o => o.Value)]),
            };
        }

        return MakeConsistent(AnswerSet.From(answers));
    }

    /// <summary>
    /// Applies the conditional requirements (swelling-onset only with swelling, a location whenever
    /// there is pain) and keeps clear of contradictions.yaml: no pain means severity 0 and no place
    /// or trigger of pain; pain means a severity above 0; swelling within hours only without an injury.
    /// </summary>
    private AnswerSet MakeConsistent(AnswerSet answers)
    {
        var hasSwelling = answers.Choices("swelling").Count > 0;
        if (!hasSwelling)
        {
            answers = answers.Without("swelling-onset");
        }
        else if (answers.Choice("swelling-onset") is null)
        {
            answers = answers.With("swelling-onset", new TextAnswer("gradual"));
        }

        if (answers.Choice("swelling-onset") == "within-hours" && answers.Choice("injury") != "none")
        {
            // Swelling "within a few hours, with no injury" contradicts an injury.
            answers = answers.With("swelling-onset", new TextAnswer("within-2-hours"));
        }

        if (answers.Choice("pain-type") == "none")
        {
            answers = answers.With("pain-severity", new NumberAnswer(0)).Without("pain-location").Without("pain-triggers");
        }
        else if (answers.Integer("pain-severity") == 0)
        {
            answers = answers.With("pain-severity", new NumberAnswer(1 + _random.Next(10)));
        }

        if (answers.Choice("pain-type") != "none" && answers.Choices("pain-location").Count == 0)
        {
            var locations = knowledgeBase.FindQuestion("pain-location")?.Options ?? [];
            answers = answers.With("pain-location", new ListAnswer([locations[_random.Next(locations.Count)].Value]));
        }

        return answers;
    }
}
