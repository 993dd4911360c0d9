namespace KneeTriage.Triage.Answers;

/// <summary>
/// One answer as it arrived, before validation. Adapters (the web form, the JSON API) turn their
/// input into these; the validator decides whether each fits its question.
/// </summary>
public abstract record AnswerValue;

/// <summary>A number. Kept as decimal so 34.5 or 1e6 reach the validator and get a clear message.</summary>
public sealed record NumberAnswer(decimal Value) : AnswerValue;

public sealed record BooleanAnswer(bool Value) : AnswerValue;

public sealed record TextAnswer(string Value) : AnswerValue;

public sealed record ListAnswer(IReadOnlyList<string> Values) : AnswerValue
{
    public bool Equals(ListAnswer? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(17, (hash, value) => (hash * 31) + value.GetHashCode(StringComparison.Ordinal));
}

/// <summary>Input that cannot be any answer (a JSON object, null, a number too large to hold); <paramref name="Description"/> names what was sent.</summary>
public sealed record UnreadableAnswer(string Description) : AnswerValue;
