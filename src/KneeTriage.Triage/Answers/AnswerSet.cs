using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace KneeTriage.Triage.Answers;

/// <summary>
/// A runner's answers keyed by question id. Immutable; ordered by id so the same answers always
/// serialise, hash and assess the same way.
/// </summary>
public sealed class AnswerSet : IReadOnlyDictionary<string, AnswerValue>
{
    public static readonly AnswerSet Empty = new(ImmutableSortedDictionary<string, AnswerValue>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, AnswerValue> _answers;

    private AnswerSet(ImmutableSortedDictionary<string, AnswerValue> answers) => _answers = answers;

    public static AnswerSet From(IEnumerable<KeyValuePair<string, AnswerValue>> answers) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, answers));

    public AnswerSet With(string questionId, AnswerValue value) => new(_answers.SetItem(questionId, value));

    public AnswerSet Without(string questionId) => new(_answers.Remove(questionId));

    /// <summary>The whole number answered, or null when absent or not a number.</summary>
    public int? Integer(string questionId) =>
        _answers.GetValueOrDefault(questionId) is NumberAnswer n && n.Value == decimal.Truncate(n.Value) && n.Value is >= int.MinValue and <= int.MaxValue
            ? (int)n.Value
            : null;

    /// <summary>True only when the answer is a boolean true.</summary>
    public bool IsTrue(string questionId) => _answers.GetValueOrDefault(questionId) is BooleanAnswer { Value: true };

    /// <summary>The chosen value of a single-choice question, or null.</summary>
    public string? Choice(string questionId) => _answers.GetValueOrDefault(questionId) is TextAnswer t ? t.Value : null;

    /// <summary>The ticked values of a multiple-choice question; empty when none or absent.</summary>
    public IReadOnlyList<string> Choices(string questionId) =>
        _answers.GetValueOrDefault(questionId) is ListAnswer l ? l.Values : [];

    /// <summary>The scored activities of an activities question; empty when absent or not activities.</summary>
    public IReadOnlyList<ScoredActivity> Activities(string questionId) =>
        _answers.GetValueOrDefault(questionId) is ActivitiesAnswer a ? a.Scored : [];

    public bool Has(string questionId, string value) => Choice(questionId) == value || Choices(questionId).Contains(value, StringComparer.Ordinal);

    public AnswerValue this[string key] => _answers[key];

    public IEnumerable<string> Keys => _answers.Keys;

    public IEnumerable<AnswerValue> Values => _answers.Values;

    public int Count => _answers.Count;

    public bool ContainsKey(string key) => _answers.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AnswerValue value) => _answers.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, AnswerValue>> GetEnumerator() => _answers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
