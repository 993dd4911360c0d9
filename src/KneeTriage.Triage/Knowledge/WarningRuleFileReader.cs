using System.Globalization;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>warning-rules.yaml</c>.</summary>
internal static class WarningRuleFileReader
{
    public static IReadOnlyList<WarningRule> Read(YamlEntry root, IReadOnlyList<Condition> conditions, CriterionReader criteria)
    {
        root.AllowOnly("rules");
        var rules = new List<WarningRule>();
        foreach (var item in root.Required("rules").Items())
        {
            item.AllowOnly("id", "urgency", "when", "message", "source", "pointsTo", "disposition");
            var id = QuestionFileReader.Identifier(item);
            var entry = item.Named($"rule '{id}'");
            if (rules.Any(r => r.Id == id))
            {
                throw entry.Error($"the rule id '{id}' is used twice");
            }

            var urgencyEntry = entry.Required("urgency");
            if (!UrgencyIds.TryParse(urgencyEntry.Text(), out var urgency) || urgency == Urgency.SelfCare)
            {
                throw urgencyEntry.Error($"'{urgencyEntry.Text()}' is not a warning level; use emergency, urgent or see-clinician");
            }

            rules.Add(new WarningRule
            {
                Id = id,
                Urgency = urgency,
                When = criteria.Read(entry.Required("when")),
                Message = entry.RequiredText("message"),
                Source = entry.RequiredText("source"),
                PointsTo = ReadPointers(entry, conditions, criteria),
                CallsEmergencyNumber = CallsEmergencyNumber(entry, urgency),
            });
        }

        return rules.Count > 0 ? rules : throw root.Error("'rules' needs at least one rule");
    }

    /// <summary>
    /// The optional <c>disposition</c> key: only <c>call-emergency-number</c>, only on an emergency
    /// rule (contract v1.2). Without it an emergency rule means a lift to an emergency department.
    /// </summary>
    private static bool CallsEmergencyNumber(YamlEntry rule, Urgency urgency)
    {
        if (rule.Optional("disposition") is not { } entry)
        {
            return false;
        }

        var value = entry.Text();
        if (value != Disposition.CallEmergencyNumber.ToContractId())
        {
            throw entry.Error($"'{value}' is not a disposition a rule may set; the only one is 'call-emergency-number' (an emergency rule without it is 'go-to-emergency-department', and the other levels follow from the urgency)");
        }

        return urgency == Urgency.Emergency
            ? true
            : throw entry.Error($"'disposition: call-emergency-number' is only for emergency rules; this rule is {urgency.ToContractId()}");
    }

    private static List<WarningPointer> ReadPointers(YamlEntry rule, IReadOnlyList<Condition> conditions, CriterionReader criteria)
    {
        var pointers = new List<WarningPointer>();
        if (rule.Optional("pointsTo") is not { } list)
        {
            return pointers;
        }

        var items = list.Items();
        for (var i = 0; i < items.Count; i++)
        {
            var entry = items[i].Named($"{rule.Path} > pointsTo, entry {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            entry.AllowOnly("condition", "first", "when", "reason");
            var conditionEntry = entry.Required("condition");
            var conditionId = conditionEntry.Text();
            if (!conditions.Any(c => c.Id == conditionId))
            {
                throw conditionEntry.Error($"'{conditionId}' is not a condition in conditions.yaml");
            }

            pointers.Add(new WarningPointer
            {
                ConditionId = conditionId,
                First = entry.OptionalBoolean("first", false),
                Reason = entry.RequiredText("reason"),
                When = entry.Optional("when") is { } when ? criteria.Read(when) : null,
            });
        }

        return pointers;
    }
}
