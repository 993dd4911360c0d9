using KneeTriage.Triage.Answers;

namespace KneeTriage.Triage.Knowledge.Criteria;

/// <summary>
/// A condition on the answers, written in the knowledge base as data (e.g.
/// <c>{question: mechanical, has: locking}</c> or <c>all: [...]</c>), used by warning rules,
/// evidence and conditional requirements.
/// </summary>
public abstract record AnswerCriterion
{
    /// <summary>Whether these answers meet the criterion; answers of the wrong type never match.</summary>
    public bool IsMetBy(AnswerSet answers) => IsMetBy(new AnswerFacts(answers));

    internal abstract bool IsMetBy(AnswerFacts facts);
}

/// <summary>The answer to a single-choice question is, or a multiple-choice answer contains, any of the values.</summary>
public sealed record HasCriterion(string QuestionId, IReadOnlyList<string> Values) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts)
    {
        foreach (var value in Values)
        {
            if (facts.Has(QuestionId, value))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A yes/no question is answered yes (or, with <see cref="Expected"/> false, is not answered yes).</summary>
public sealed record IsTrueCriterion(string QuestionId, bool Expected) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.IsTrue(QuestionId) == Expected;
}

/// <summary>At least <see cref="Minimum"/> values are ticked.</summary>
public sealed record CountAtLeastCriterion(string QuestionId, int Minimum) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.Count(QuestionId) >= Minimum;
}

public enum NumberComparison
{
    Over,
    AtLeast,
    Under,
    AtMost,
}

/// <summary>A number answer compared with a threshold; an absent answer never matches.</summary>
public sealed record NumberCriterion(string QuestionId, NumberComparison Comparison, decimal Threshold) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts) => facts.Number(QuestionId) is { } value && Comparison switch
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
    internal override bool IsMetBy(AnswerFacts facts)
    {
        foreach (var part in Parts)
        {
            if (!part.IsMetBy(facts))
            {
                return false;
            }
        }

        return true;
    }
}

public sealed record AnyCriterion(IReadOnlyList<AnswerCriterion> Parts) : AnswerCriterion
{
    internal override bool IsMetBy(AnswerFacts facts)
    {
        foreach (var part in Parts)
        {
            if (part.IsMetBy(facts))
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
