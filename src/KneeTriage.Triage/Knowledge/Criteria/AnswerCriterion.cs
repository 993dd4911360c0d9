using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// A condition on the answers, written in the knowledge base as data (e.g.
/// <c>{question: mechanical, has: locking}</c> or <c>all: [...]</c>), used by warning rules,
/// evidence and conditional requirements. Built by the knowledge-base loader, which resolves
/// question ids and option values to numbers once.
/// </summary>
public abstract record AnswerCriterion
{
    internal QuestionCatalog Catalog { get; init; } = new([]);

    /// <summary>Whether these answers meet the criterion; answers of the wrong type never match.</summary>
    public bool IsMetBy(AnswerSet answers) => IsMetBy(new AnswerFacts(Catalog, answers));

    internal abstract bool IsMetBy(AnswerFacts facts);
}

/// <summary>A criterion on one question; <see cref="Index"/> is its number in the catalogue.</summary>
public abstract record QuestionCriterion(string QuestionId) : AnswerCriterion
{
    internal int Index { get; init; }
}

/// <summary>The answer to a single-choice question is, or a multiple-choice answer contains, any of the values.</summary>
public sealed record HasCriterion(string QuestionId, IReadOnlyList<string> Values) : QuestionCriterion(QuestionId)
{
    internal ulong Mask { get; init; }

    internal override bool IsMetBy(AnswerFacts facts) => facts.HasAny(Index, Mask);
}

/// <summary>A yes/no question is answered yes (or, with <see cref="Expected"/> false, is not answered yes).</summary>
public sealed record IsTrueCriterion(string QuestionId, bool Expected) : QuestionCriterion(QuestionId)
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.IsTrue(Index) == Expected;
}

/// <summary>At least <see cref="Minimum"/> values are ticked.</summary>
public sealed record CountAtLeastCriterion(string QuestionId, int Minimum) : QuestionCriterion(QuestionId)
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.Count(Index) >= Minimum;
}

public enum NumberComparison
{
    Over,
    AtLeast,
    Under,
    AtMost,
}

/// <summary>A number answer compared with a threshold; an absent answer never matches.</summary>
public sealed record NumberCriterion(string QuestionId, NumberComparison Comparison, decimal Threshold) : QuestionCriterion(QuestionId)
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.Number(Index) is { } value && Comparison switch
    {
        NumberComparison.Over => value > Threshold,
        NumberComparison.AtLeast => value >= Threshold,
        NumberComparison.Under => value < Threshold,
        NumberComparison.AtMost => value <= Threshold,
        _ => false,
    };
}

public sealed record AllCriterion(IReadOnlyList<AnswerCriterion> Parts) : AnswerCriterion
{
    // An array, because enumerating the interface would allocate on every evaluation.
    private readonly AnswerCriterion[] _parts = [.. Parts];

    internal override bool IsMetBy(AnswerFacts facts)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            if (!_parts[i].IsMetBy(facts))
            {
                return false;
            }
        }

        return true;
    }
}

public sealed record AnyCriterion(IReadOnlyList<AnswerCriterion> Parts) : AnswerCriterion
{
    // An array, because enumerating the interface would allocate on every evaluation.
    private readonly AnswerCriterion[] _parts = [.. Parts];

    internal override bool IsMetBy(AnswerFacts facts)
    {
        for (var i = 0; i < _parts.Length; i++)
        {
            if (_parts[i].IsMetBy(facts))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record NotCriterion(AnswerCriterion Part) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts) => !Part.IsMetBy(facts);
}
