using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Which questions and parts of a step the form draws, and how: a question shown only when an answer
/// on an earlier step calls for it is drawn or left out by the server; one that an answer on this
/// same step can call for is drawn with a reveal for check.js (and shown without script).
/// </summary>
public sealed class StepFields(KnowledgeBase knowledgeBase, QuestionStep step, AnswerSet answersSoFar)
{
    /// <summary>The fields of this step that another answer on it must give a sign in, for <paramref name="question"/> to be revealed; null when no reveal is needed.</summary>
    public string? RevealWhenSigns(Question question)
    {
        if (question.ShownWhen is not { } shownWhen || shownWhen.When.IsMetBy(answersSoFar))
        {
            return null;
        }

        var onThisStep = CriterionQuestions.Of(shownWhen.When)
            .Select(id => step.Questions.FirstOrDefault(q => q.Id == id))
            .OfType<Question>()
            .SelectMany(FormAnswers.FieldNames)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return onThisStep.Count > 0 ? string.Join(' ', onThisStep) : null;
    }

    /// <summary>Drawn: shown by the answers so far, or revealable by an answer on this step.</summary>
    public bool IsDrawn(Question question) => FormAnswers.IsShown(question, answersSoFar) || RevealWhenSigns(question) is not null;

    public IReadOnlyList<Question> Questions => [.. step.Questions.Where(IsDrawn)];

    public IEnumerable<QuestionPart> PartsOf(Question question) => question.Parts.Where(p => FormAnswers.IsShown(p, answersSoFar));

    public bool IsWarning(Question question) => knowledgeBase.IsWarningQuestion(question.Id);
}
