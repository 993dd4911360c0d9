using FluentValidation;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Validation;

/// <summary>
/// The one validator for an answer set, used by the web form and the JSON API alike. Each failure's
/// PropertyName is the question id (or the unknown id that was sent) and its message says what is accepted.
/// </summary>
public sealed class AnswerSetValidator : AbstractValidator<AnswerSet>
{
    public AnswerSetValidator(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        // The triage engine work (issue 3) adds the rules.
    }
}
