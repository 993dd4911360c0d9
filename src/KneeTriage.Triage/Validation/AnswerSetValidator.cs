using FluentValidation;
using FluentValidation.Results;
using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Validation;

/// <summary>
/// The one validator for an answer set, used by the web form and the JSON API alike. Each failure's
/// PropertyName is the question id (or the unknown id that was sent) and its message says what is accepted.
/// At most one failure per answer, in question order; then each contradiction (contradictions.yaml)
/// between answers that are valid on their own, once under every question it involves, in file order;
/// then unknown ids in name order, so output is stable.
/// </summary>
public sealed class AnswerSetValidator : AbstractValidator<AnswerSet>
{
    public AnswerSetValidator(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var questions = knowledgeBase.Questions.ToList();
        var known = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var knownList = string.Join(", ", questions.Select(q => q.Id));
        var contradictions = new ContradictionCheck(knowledgeBase);

        RuleFor(answers => answers).Custom((answers, context) =>
        {
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var question in questions)
            {
                if (QuestionAnswerCheck.Check(question, answers) is { } failure)
                {
                    context.AddFailure(failure);
                    failed.Add(question.Id);
                }
            }

            foreach (var failure in contradictions.Check(answers, failed))
            {
                context.AddFailure(failure);
            }

            // AnswerSet enumerates in ordinal key order, so unknown ids come out sorted.
            foreach (var (id, value) in answers)
            {
                if (!known.Contains(id))
                {
                    context.AddFailure(new ValidationFailure(id, $"'{id}' is not a question of this symptom check. The questions are: {knownList}.", value)
                    {
                        ErrorCode = AnswerErrorCodes.UnknownQuestion,
                    });
                }
            }
        });
    }
}
