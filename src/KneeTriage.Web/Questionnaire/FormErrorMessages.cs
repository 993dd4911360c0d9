using FluentValidation.Results;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Words for the form's error messages. The shared validator decides what is wrong; its messages
/// are written for API clients (they name option ids), so the form says the same thing in terms of
/// the controls on the page. The summary and the field show the same message.
/// </summary>
public static class FormErrorMessages
{
    /// <summary>The form's words for one failure (pass to <c>Submission.ValidationErrors.ByQuestion</c>).</summary>
    public static string For(KnowledgeBase knowledgeBase, ValidationFailure failure) =>
        For(knowledgeBase.FindQuestion(failure.PropertyName), failure, knowledgeBase.IsWarningQuestion(failure.PropertyName));

    /// <param name="offersNotSure">A warning question, which the form offers "Not sure" on.</param>
    public static string For(Question? question, ValidationFailure failure, bool offersNotSure = false)
    {
        if (question is null)
        {
            return failure.ErrorMessage;
        }

        return question.Type switch
        {
            // "Enter a whole number from 12 to 100": the question's own words for what it accepts.
            QuestionType.Integer when failure.ErrorCode is AnswerErrorCodes.Required or AnswerErrorCodes.WrongType or AnswerErrorCodes.NotWholeNumber or AnswerErrorCodes.OutOfRange
                => $"Enter {question.Accepts.Split(',')[0]}.",
            // The error summary lists several of these at once, so each names its question.
            QuestionType.Boolean when failure.ErrorCode is AnswerErrorCodes.Required or AnswerErrorCodes.WrongType
                => $"Answer yes, no{(offersNotSure ? " or not sure" : string.Empty)} to \u201c{question.Text}\u201d",
            QuestionType.One when failure.ErrorCode == AnswerErrorCodes.Required
                => $"Choose an answer to \u201c{question.Text}\u201d",
            QuestionType.Many when failure.ErrorCode == AnswerErrorCodes.Required
                => $"Tick at least one box for \u201c{question.Text}\u201d",
            _ => failure.ErrorMessage,
        };
    }
}

/// <summary>
/// The step's answers would make the draft too long for the browser to keep (only unusually long
/// text can: the longest the form takes fits with room to spare). Said beside the step's text
/// fields, or its first question, so the runner can shorten it; nothing is saved meanwhile.
/// </summary>
public static class DraftTooLong
{
    public const string Message = "Your answers on this page are too long for your browser to keep. Shorten what you wrote, then continue.";

    public static Dictionary<string, string[]> ErrorsFor(QuestionStep step)
    {
        var textQuestions = step.Questions.Where(q => q.Type == QuestionType.Activities).ToList();
        return (textQuestions.Count > 0 ? textQuestions : step.Questions.Take(1))
            .ToDictionary(q => q.Id, _ => new[] { Message }, StringComparer.Ordinal);
    }
}
