namespace KneeTriage.Triage.Answers;

/// <summary>
/// One answer as it arrived, before validation. Adapters (the web form, the JSON API) turn their
/// input into these; the validator decides whether each fits its question.
/// </summary>
public abstract record AnswerValue;

/// <summary>A number. Kept as decimal so 34.5 or 1e6 reach the validator and get a clear message.</summary>
public sealed record NumberAnswer(decimal Value) : AnswerValue
{
    /// <summary>
    /// The text as sent when a whole value was not written as an integer ("12.0", "1.2e1"); null when
    /// it was, or when the value has a fraction (which already shows it is not whole). An integer
    /// question takes integers as written, so the validator rejects these: decimal 12.0 equals 12.
    /// </summary>
    public string? NonIntegerLiteral { get; init; }

    /// <summary>A number an adapter read from text (a JSON literal, a typed field), remembering how it was written.</summary>
    public static NumberAnswer FromLiteral(decimal value, string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return new NumberAnswer(value) { NonIntegerLiteral = value == decimal.Truncate(value) && !IsIntegerLiteral(literal) ? literal : null };
    }

    /// <summary>An optional sign, then digits only: no decimal point, no exponent.</summary>
    private static bool IsIntegerLiteral(string literal)
    {
        var digits = literal.StartsWith('-') || literal.StartsWith('+') ? literal.AsSpan(1) : literal.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}

public sealed record BooleanAnswer(bool Value) : AnswerValue;

public sealed record TextAnswer(string Value) : AnswerValue;

public sealed record ListAnswer(IReadOnlyList<string> Values) : AnswerValue
{
    public bool Equals(ListAnswer? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(17, (hash, value) => (hash * 31) + value.GetHashCode(StringComparison.Ordinal));
}

/// <summary>Input that cannot be any answer (a JSON object, null, a number too large to hold); <paramref name="Description"/> names what was sent.</summary>
public sealed record UnreadableAnswer(string Description) : AnswerValue;
