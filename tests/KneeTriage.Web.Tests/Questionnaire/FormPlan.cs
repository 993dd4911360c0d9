using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Tests.Questionnaire;

/// <summary>
/// An answer set written as the fields a runner fills in on the form: yes/no parts for questions asked
/// in parts, "no" or "none of these" for every warning question the set leaves out (the form takes no
/// blank there), so a test can drive the real form with answers built from a rule.
/// </summary>
public static class FormPlan
{
    public static IReadOnlyDictionary<string, string[]> From(KnowledgeBase knowledgeBase, AnswerSet answers)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in knowledgeBase.Questions)
        {
            var answer = answers.ContainsKey(question.Id) ? answers[question.Id] : null;
            switch (question.Type, answer)
            {
                case (QuestionType.Boolean, _) when question.Parts.Count > 0:
                    var sign = answer is BooleanAnswer { Value: true };
                    foreach (var part in question.Parts)
                    {
                        // Every part gives the sign when it is there (enough for "any", needed for "every").
                        fields[part.Id] = [part.SignWhen == sign ? "yes" : "no"];
                    }

                    break;
                case (QuestionType.Boolean, _):
                    fields[question.Id] = [answer is BooleanAnswer { Value: true } ? "yes" : "no"];
                    break;
                case (QuestionType.Many, ListAnswer list):
                    fields[question.Id] = list.Values.Count > 0 ? [.. list.Values] : ["none-of-these"];
                    break;
                case (QuestionType.Many, null):
                    fields[question.Id] = ["none-of-these"];
                    break;
                case (QuestionType.One, TextAnswer text):
                    fields[question.Id] = [text.Value];
                    break;
                case (QuestionType.Integer, NumberAnswer number):
                    fields[question.Id] = [number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                    break;
            }
        }

        return fields;
    }
}
