using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// An answer set laid out by question number for fast, repeated checks while criteria are
/// evaluated. Wrong-typed answers and unknown values simply never match, so the validator can
/// evaluate criteria on unvalidated input.
/// </summary>
internal sealed class AnswerFacts
{
    private readonly ulong[] _chosen;
    private readonly int[] _counts;
    private readonly decimal?[] _numbers;
    private readonly bool[] _true;

    public AnswerFacts(QuestionCatalog catalog, AnswerSet answers)
    {
        _chosen = new ulong[catalog.Count];
        _counts = new int[catalog.Count];
        _numbers = new decimal?[catalog.Count];
        _true = new bool[catalog.Count];
        foreach (var (id, value) in answers)
        {
            var q = catalog.IndexOf(id);
            if (q < 0)
            {
                continue;
            }

            switch (value)
            {
                case TextAnswer text:
                    _chosen[q] = catalog.BitOf(q, text.Value);
                    _counts[q] = 1;
                    break;
                case ListAnswer list:
                    foreach (var item in list.Values)
                    {
                        _chosen[q] |= catalog.BitOf(q, item);
                    }

                    _counts[q] = list.Values.Count;
                    break;
                case NumberAnswer number:
                    _numbers[q] = number.Value;
                    break;
                case BooleanAnswer boolean:
                    _true[q] = boolean.Value;
                    break;
                default:
                    break;
            }
        }
    }

    public bool HasAny(int question, ulong options) => (_chosen[question] & options) != 0;

    public int Count(int question) => _counts[question];

    public decimal? Number(int question) => _numbers[question];

    public bool IsTrue(int question) => _true[question];
}
