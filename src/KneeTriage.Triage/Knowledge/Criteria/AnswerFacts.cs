using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// An answer set indexed for fast, repeated look-ups while criteria are evaluated. Wrong-typed
/// answers simply never match, so the validator can evaluate criteria on unvalidated input.
/// </summary>
internal sealed class AnswerFacts
{
    private readonly Dictionary<string, AnswerValue> _answers;

    public AnswerFacts(AnswerSet answers)
    {
        _answers = new Dictionary<string, AnswerValue>(answers.Count, StringComparer.Ordinal);
        foreach (var (id, value) in answers)
        {
            _answers[id] = value;
        }
    }

    public bool Has(string questionId, string value) => _answers.GetValueOrDefault(questionId) switch
    {
        TextAnswer text => text.Value == value,
        ListAnswer list => Contains(list.Values, value),
        _ => false,
    };

    public int Count(string questionId) => _answers.GetValueOrDefault(questionId) switch
    {
        ListAnswer list => list.Values.Count,
        TextAnswer => 1,
        _ => 0,
    };

    public decimal? Number(string questionId) => _answers.GetValueOrDefault(questionId) is NumberAnswer number ? number.Value : null;

    public bool IsTrue(string questionId) => _answers.GetValueOrDefault(questionId) is BooleanAnswer { Value: true };

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return true;
            }
        }

        return false;
    }
}
