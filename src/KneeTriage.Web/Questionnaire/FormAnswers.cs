using System.Globalization;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Unsure;
using KneeTriage.Web.Submission;
using Microsoft.Extensions.Primitives;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// The form's answers: what the validator checks, the warning questions answered "not sure", and
/// what the runner said to each yes/no part shown (by part id), which the merged answer cannot tell.
/// </summary>
public sealed record FormReading(AnswerSet Answers, IReadOnlyList<string> Unsure, IReadOnlyDictionary<string, PartAnswer> Parts)
{
    /// <summary>
    /// The questions answered "None of these fits" (<see cref="Question.NoneFits"/>): no contract
    /// answer, but not a blank either, so the review and the stored result can say which it was.
    /// </summary>
    public IReadOnlyList<string> NoneFits { get; init; } = [];
}

/// <summary>
/// The web form's adapter into answers. It only translates what was typed or ticked; whether an
/// answer fits its question is the shared validator's call, so a typed "abc" for age becomes a
/// <see cref="TextAnswer"/> and the validator says "a whole number from 12 to 100". It also puts
/// the form's own shapes back into contract answers: a question asked as yes/no parts is true when
/// any shown part gets its sign, and "not sure" is listed (and read as yes) rather than stored as text.
/// </summary>
public static class FormAnswers
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>"Not sure" on a warning question; not an option id, since option ids name answers.</summary>
    public const string NotSure = "not-sure";

    /// <summary>"None of these" on a tick-box warning question: an answer given, unlike boxes left blank.</summary>
    public const string NoneOfThese = "none-of-these";

    /// <summary>The posted values of a step's questions and parts, trimmed, with empty fields left out.</summary>
    public static Dictionary<string, string[]> ReadStep(QuestionStep step, IFormCollection form)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in step.Questions.SelectMany(FieldNames))
        {
            if (form.TryGetValue(name, out var posted) && Clean(posted) is { Length: > 0 } cleaned)
            {
                values[name] = cleaned;
            }
        }

        return values;
    }

    /// <summary>The form fields of a question: its parts, or the question itself.</summary>
    public static IEnumerable<string> FieldNames(Question question) =>
        question.Type == QuestionType.Activities ? ActivityFields.All
        : question.Parts.Count > 0 ? question.Parts.Select(p => p.Id) : [question.Id];

    /// <summary>The answer set the validator checks ("not sure" already read as yes on yes/no questions).</summary>
    public static AnswerSet ToAnswerSet(KnowledgeBase knowledgeBase, IReadOnlyDictionary<string, string[]> raw) => Read(knowledgeBase, raw).Answers;

    /// <summary>The answers as assessed and stored: every "not sure" read the cautious way (see <see cref="UnsureAnswers"/>).</summary>
    public static AnswerSet ToAssessedAnswers(KnowledgeBase knowledgeBase, IReadOnlyDictionary<string, string[]> raw)
    {
        var reading = Read(knowledgeBase, raw);
        return UnsureAnswers.WithCautiousAnswers(knowledgeBase, reading.Answers, reading.Unsure);
    }

    /// <summary>
    /// The answers for raw form values. A follow-up question whose condition no longer holds (an
    /// onset of swelling with no swelling ticked) is dropped: the form asked it only "if" and the
    /// runner's later answer says it does not apply; so is a part no longer shown (four steps
    /// straight after an injury, once "no injury" is chosen).
    /// </summary>
    public static FormReading Read(KnowledgeBase knowledgeBase, IReadOnlyDictionary<string, string[]> raw)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(raw);
        var answers = AnswerSet.Empty;
        var unsure = new List<string>();
        var noneFits = new List<string>();
        var parts = new Dictionary<string, PartAnswer>(StringComparer.Ordinal);
        foreach (var question in knowledgeBase.Questions.Where(q => q.Parts.Count == 0))
        {
            if (question.Type == QuestionType.Activities)
            {
                answers = ActivityFields.Read(raw) is { } activities ? answers.With(question.Id, activities) : answers;
            }
            else if (question.NoneFits is not null && raw.TryGetValue(question.Id, out var chosen) && chosen is [NoneOfThese])
            {
                // "None of these fits" stores no answer: the question may be left out, and no option is forced on the runner.
                noneFits.Add(question.Id);
            }
            else if (raw.TryGetValue(question.Id, out var values) && ReadQuestion(question, values, unsure) is { } value)
            {
                answers = answers.With(question.Id, value);
            }
        }

        // Parts are read once the answers they depend on are known (the injury, for four steps straight after it).
        foreach (var question in knowledgeBase.Questions.Where(q => q.Parts.Count > 0))
        {
            if (ReadParts(question, raw, answers, unsure, parts) is { } value)
            {
                answers = answers.With(question.Id, value);
            }
        }

        foreach (var question in knowledgeBase.Questions)
        {
            if (question.OnlyWhen is { } onlyWhen && answers.ContainsKey(question.Id) && !onlyWhen.When.IsMetBy(answers))
            {
                answers = answers.Without(question.Id);
                unsure.Remove(question.Id);
                question.Parts.ToList().ForEach(part => parts.Remove(part.Id));
            }
        }

        return new FormReading(answers, unsure, parts) { NoneFits = noneFits };
    }

    /// <summary>Whether the form asks this part, given the answers so far.</summary>
    public static bool IsShown(QuestionPart part, AnswerSet answers) => part.ShownWhen?.When.IsMetBy(answers) ?? true;

    /// <summary>Whether the form asks this question, given the answers so far (the API accepts it either way).</summary>
    public static bool IsShown(Question question, AnswerSet answers) => question.ShownWhen?.When.IsMetBy(answers) ?? true;

    private static AnswerValue? ReadQuestion(Question question, string[] values, List<string> unsure)
    {
        if (question.Type == QuestionType.Boolean && values is [NotSure])
        {
            unsure.Add(question.Id);
            return new BooleanAnswer(true);
        }

        if (question.Type == QuestionType.Many && (values.Contains(NotSure) || values.Contains(NoneOfThese)))
        {
            if (values.Contains(NotSure))
            {
                unsure.Add(question.Id);
            }

            // What was ticked stays; "none of these" and "not sure" say the rest were looked at.
            return new ListAnswer([.. values.Where(v => v is not (NotSure or NoneOfThese))]);
        }

        return ToAnswerValue(question, values);
    }

    /// <summary>
    /// True when any shown part gets its sign (or, for <see cref="Question.EveryPartNeeded"/>, when
    /// every shown part does); "not sure" on a part counts as its sign, and lists the question as
    /// unsure when the sign rests on it.
    /// </summary>
    private static AnswerValue? ReadParts(Question question, IReadOnlyDictionary<string, string[]> raw, AnswerSet answers, List<string> unsure, Dictionary<string, PartAnswer> parts)
    {
        int shown = 0, signs = 0, notSures = 0, answered = 0;
        foreach (var part in question.Parts.Where(p => IsShown(p, answers)))
        {
            shown++;
            if (!raw.TryGetValue(part.Id, out var values) || values.Length == 0)
            {
                continue;
            }

            switch (values)
            {
                case [Yes]:
                    signs += part.SignWhen ? 1 : 0;
                    parts[part.Id] = PartAnswer.Yes;
                    break;
                case [No]:
                    signs += part.SignWhen ? 0 : 1;
                    parts[part.Id] = PartAnswer.No;
                    break;
                case [NotSure]:
                    notSures++;
                    parts[part.Id] = PartAnswer.NotSure;
                    break;
                default:
                    // Only a tampered form sends anything else; the validator names what is accepted.
                    return new TextAnswer(string.Join(",", values));
            }

            answered++;
        }

        if (answered == 0)
        {
            return null;
        }

        // With every part needed, a part left blank is no sign (as an absent answer is "no").
        var sureSign = question.EveryPartNeeded ? signs == shown : signs > 0;
        var cautiousSign = question.EveryPartNeeded ? signs + notSures == shown : signs + notSures > 0;
        if (cautiousSign && !sureSign)
        {
            unsure.Add(question.Id);
        }

        return new BooleanAnswer(cautiousSign);
    }

    public static AnswerValue? ToAnswerValue(Question question, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (question.Type == QuestionType.Many)
        {
            return new ListAnswer([.. values]);
        }

        if (values.Count > 1)
        {
            // Only a tampered form sends two values for a single answer; the validator names what is accepted.
            return new ListAnswer([.. values]);
        }

        var value = values[0];
        return question.Type switch
        {
            QuestionType.Integer => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? NumberAnswer.FromLiteral(number, value)
                : new TextAnswer(value),
            QuestionType.Boolean => value switch
            {
                Yes => new BooleanAnswer(true),
                No => new BooleanAnswer(false),
                _ => new TextAnswer(value),
            },
            _ => new TextAnswer(value),
        };
    }

    private static string[] Clean(StringValues posted) =>
        [.. posted.Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 0)];
}
