using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Web.Questionnaire;

/// <summary>The question ids a criterion reads, so the form knows which answers on a step can reveal a question.</summary>
public static class CriterionQuestions
{
    public static IEnumerable<string> Of(AnswerCriterion criterion) => criterion switch
    {
        QuestionCriterion leaf => [leaf.QuestionId],
        AllCriterion all => all.Parts.SelectMany(Of),
        AnyCriterion any => any.Parts.SelectMany(Of),
        NotCriterion not => Of(not.Part),
        _ => [],
    };
}
