namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// Numbers the questions and their options once, at load time, so criteria compare small
/// integers and bit masks instead of looking strings up on every assessment.
/// </summary>
internal sealed class QuestionCatalog
{
    /// <summary>Options are tracked as bits of a 64-bit mask.</summary>
    public const int MaximumOptions = 64;

    private readonly Dictionary<string, int> _questions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>[] _options;

    public QuestionCatalog(IEnumerable<Question> questions)
    {
        var list = questions.ToList();
        _options = new Dictionary<string, int>[list.Count];
        for (var q = 0; q < list.Count; q++)
        {
            _questions[list[q].Id] = q;
            _options[q] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var o = 0; o < list[q].Options.Count && o < MaximumOptions; o++)
            {
                _options[q][list[q].Options[o].Value] = o;
            }
        }
    }

    public int Count => _options.Length;

    /// <summary>The question's number, or -1 for an id the knowledge base does not know.</summary>
    public int IndexOf(string questionId) => _questions.GetValueOrDefault(questionId, -1);

    /// <summary>The option's bit, or 0 for a value the question does not offer.</summary>
    public ulong BitOf(int questionIndex, string value) =>
        _options[questionIndex].TryGetValue(value, out var option) ? 1UL << option : 0;
}
