using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>warning-rules.yaml</c>.</summary>
internal static class WarningRuleFileReader
{
    public static IReadOnlyList<WarningRule> Read(YamlEntry root, CriterionReader criteria)
    {
        root.AllowOnly("rules");
        var rules = new List<WarningRule>();
        foreach (var item in root.Required("rules").Items())
        {
            item.AllowOnly("id", "urgency", "when", "message", "source");
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
            });
        }

        return rules.Count > 0 ? rules : throw root.Error("'rules' needs at least one rule");
    }
}
