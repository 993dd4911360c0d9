using System.Globalization;
using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Validation;

/// <summary>Checks one question's answer (or its absence) and describes the first problem in plain words.</summary>
internal static class QuestionAnswerCheck
{
    public static ValidationFailure? Check(Question question, AnswerSet answers)
    {
        answers.TryGetValue(question.Id, out var value);
        // An empty list means "none of these" for a many-question only; for any other type it is a wrong type.
        var answered = value is not null && !(question.Type == QuestionType.Many && value is ListAnswer { Values.Count: 0 });

        if (!answered)
        {
            if (question.Required)
            {
                return Failure(question, AnswerErrorCodes.Required, "An answer is required.", value);
            }

            if (question.RequiredWhen is { } requiredWhen && requiredWhen.When.IsMetBy(answers))
            {
                return Failure(question, AnswerErrorCodes.Required, $"An answer is required {requiredWhen.Description}.", value);
            }

            return null;
        }

        if (question.OnlyWhen is { } onlyWhen && !onlyWhen.When.IsMetBy(answers))
        {
            return new ValidationFailure(question.Id, $"Leave this out: it is answered {onlyWhen.Description}.", value)
            {
                ErrorCode = AnswerErrorCodes.NotApplicable,
            };
        }

        return value switch
        {
            UnreadableAnswer unreadable => Failure(question, AnswerErrorCodes.WrongType, $"This answer cannot be read ({unreadable.Description}).", value),
            _ => question.Type switch
            {
                QuestionType.Integer => CheckInteger(question, value),
                QuestionType.Boolean => value is BooleanAnswer ? null : WrongType(question, value),
                QuestionType.One => CheckOne(question, value),
                QuestionType.Many => CheckMany(question, value),
                QuestionType.Activities => CheckActivities(question, value),
                _ => WrongType(question, value),
            },
        };
    }

    private static ValidationFailure? CheckInteger(Question question, AnswerValue? value)
    {
        if (value is not NumberAnswer { Value: var number })
        {
            return WrongType(question, value);
        }

        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (number != decimal.Truncate(number))
        {
            return Failure(question, AnswerErrorCodes.NotWholeNumber, $"{shown} is not a whole number.", value);
        }

        if (value is NumberAnswer { NonIntegerLiteral: { } literal })
        {
            return Failure(question, AnswerErrorCodes.NotWholeNumber, $"{literal} is not written as a whole number: send it without a decimal point or exponent.", value);
        }

        return number < question.Min || number > question.Max
            ? Failure(question, AnswerErrorCodes.OutOfRange, $"{shown} is out of range.", value)
            : null;
    }

    private static ValidationFailure? CheckOne(Question question, AnswerValue? value)
    {
        if (value is not TextAnswer { Value: var text })
        {
            return WrongType(question, value);
        }

        return IsOption(question, text) ? null : Failure(question, AnswerErrorCodes.UnknownOption, $"'{text}' is not one of the answers.", value);
    }

    private static ValidationFailure? CheckMany(Question question, AnswerValue? value)
    {
        if (value is not ListAnswer { Values: var values })
        {
            return WrongType(question, value);
        }

        var unknown = values.Where(v => !IsOption(question, v)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var list = string.Join(", ", unknown.Select(v => $"'{v}'"));
            return Failure(question, AnswerErrorCodes.UnknownOption, unknown.Count == 1 ? $"{list} is not one of the answers." : $"{list} are not among the answers.", value);
        }

        var repeated = values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        return repeated.Count > 0
            ? Failure(question, AnswerErrorCodes.RepeatedValue, $"{string.Join(", ", repeated)} is given more than once; give each answer once.", value)
            : null;
    }

    private static ValidationFailure? CheckActivities(Question question, AnswerValue? value)
    {
        if (value is ListAnswer { Values.Count: 0 })
        {
            return Failure(question, AnswerErrorCodes.Required, "An empty list names no activity: give 1 to 3, or leave the question out.", value);
        }

        if (value is not ActivitiesAnswer activities)
        {
            return WrongType(question, value);
        }

        // The attempted value is left out: activities are free text and must never reach a log.
        var problems = ActivitiesCheck.Problems(activities);
        return problems.Count > 0 ? Failure(question, AnswerErrorCodes.InvalidEntry, string.Join(" ", problems), value: null) : null;
    }

    private static bool IsOption(Question question, string value)
    {
        foreach (var option in question.Options)
        {
            if (option.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    private static ValidationFailure WrongType(Question question, AnswerValue? value) =>
        Failure(question, AnswerErrorCodes.WrongType, $"Got {Describe(value)}, which does not fit this question.", value);

    private static string Describe(AnswerValue? value) => value switch
    {
        NumberAnswer n => $"the number {n.Value.ToString(CultureInfo.InvariantCulture)}",
        BooleanAnswer b => b.Value ? "true" : "false",
        TextAnswer t => $"the text '{t.Value}'",
        ListAnswer => "a list",
        ActivitiesAnswer => "a list of activities",
        UnreadableAnswer u => u.Description,
        _ => "nothing",
    };

    private static ValidationFailure Failure(Question question, string code, string problem, AnswerValue? value) =>
        new(question.Id, $"{problem} Accepted: {question.Accepts}.", value) { ErrorCode = code };
}
