using Hl7.Fhir.Model;
using KneeTriage.Triage.Knowledge.Criteria;
using Behavior = Hl7.Fhir.Model.Questionnaire.EnableWhenBehavior;
using Item = Hl7.Fhir.Model.Questionnaire.ItemComponent;
using Operator = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemOperator;
using When = Hl7.Fhir.Model.Questionnaire.EnableWhenComponent;

namespace KneeTriage.Web.Fhir;

/// <summary>
/// The knowledge base's "asked only when" criteria as FHIR enableWhen. FHIR's enableWhen is a flat
/// list joined by one "all" or "any", so a criterion that needs more (a mix of all and any, "at
/// least two ticked") is left out: the question then shows whatever else is answered, which asks
/// too much rather than hiding a question that matters.
/// </summary>
public static class FhirEnableWhen
{
    /// <summary>Sets <paramref name="item"/>'s enableWhen from <paramref name="criterion"/>; false when FHIR cannot say it.</summary>
    public static bool TryApply(Item item, AnswerCriterion criterion)
    {
        if (Translate(criterion, negated: false) is not { } flat)
        {
            return false;
        }

        item.EnableWhen = [.. flat.Conditions];
        // FHIR asks for enableBehavior whenever there is more than one condition (que-12).
        item.EnableBehavior = flat.Conditions.Count > 1 ? flat.Behavior : null;
        return true;
    }

    /// <summary>
    /// A list of conditions and how they join; <see cref="Behavior"/> matters only with two or more.
    /// The join is kept as a bool, not as Firely's enum: a field of a Firely value type would load
    /// Firely's model into every instance at start-up, when EF Core lists this assembly's types to
    /// find its migrations (decision 0038), instead of on the first FHIR request.
    /// </summary>
    private sealed record Flat(List<When> Conditions, bool JoinedByAll)
    {
        public Flat(List<When> conditions, Behavior behavior)
            : this(conditions, behavior == Behavior.All)
        {
        }

        public Behavior Behavior => JoinedByAll ? Behavior.All : Behavior.Any;

        public bool CanJoin(Behavior behavior) => Conditions.Count == 1 || Behavior == behavior;
    }

    private static Flat? Translate(AnswerCriterion criterion, bool negated) => criterion switch
    {
        HasCriterion has => Has(has, negated),
        IsTrueCriterion isTrue => One(isTrue.QuestionId, isTrue.Expected != negated ? Operator.Equal : Operator.NotEqual, new FhirBoolean(true)),
        CountAtLeastCriterion { Minimum: 1 } count => One(count.QuestionId, Operator.Exists, new FhirBoolean(!negated)),
        NumberCriterion number => One(number.QuestionId, NumberOperator(number.Comparison, negated), NumberAnswer(number.Threshold)),
        NotCriterion not => Translate(not.Part, !negated),
        // De Morgan: not all = any of the negations, not any = all of them.
        AllCriterion all => Join(all.Parts, negated, negated ? Behavior.Any : Behavior.All),
        AnyCriterion any => Join(any.Parts, negated, negated ? Behavior.All : Behavior.Any),
        _ => null,
    };

    /// <summary>"Is one of these values": any of the "=" conditions; negated, all of the "!=" ones.</summary>
    private static Flat Has(HasCriterion has, bool negated) => new(
        [.. has.Values.Select(value => Condition(has.QuestionId, negated ? Operator.NotEqual : Operator.Equal, new Coding(system: null, code: value)))],
        negated ? Behavior.All : Behavior.Any);

    private static Flat? Join(IReadOnlyList<AnswerCriterion> parts, bool negated, Behavior behavior)
    {
        var conditions = new List<When>();
        foreach (var part in parts)
        {
            if (Translate(part, negated) is not { } flat || !flat.CanJoin(behavior))
            {
                return null;
            }

            conditions.AddRange(flat.Conditions);
        }

        return conditions.Count == 0 ? null : new Flat(conditions, behavior);
    }

    private static Flat One(string questionId, Operator op, DataType answer) => new([Condition(questionId, op, answer)], Behavior.All);

    private static When Condition(string questionId, Operator op, DataType answer) => new() { Question = questionId, Operator = op, Answer = answer };

    private static Operator NumberOperator(NumberComparison comparison, bool negated) => (comparison, negated) switch
    {
        (NumberComparison.Over, false) or (NumberComparison.AtMost, true) => Operator.GreaterThan,
        (NumberComparison.AtLeast, false) or (NumberComparison.Under, true) => Operator.GreaterOrEqual,
        (NumberComparison.Under, false) or (NumberComparison.AtLeast, true) => Operator.LessThan,
        _ => Operator.LessOrEqual,
    };

    private static DataType NumberAnswer(decimal threshold) =>
        decimal.IsInteger(threshold) && threshold is >= int.MinValue and <= int.MaxValue ? new Integer((int)threshold) : new FhirDecimal(threshold);
}
