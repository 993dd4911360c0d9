using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Reads and checks <c>warning-signs.yaml</c> against the warning rules: every rule a sign names
/// exists and has the sign's urgency, and every emergency and urgent rule is named by a sign, so a
/// new rule cannot be added without the public text that tells runners about it.
/// </summary>
internal static class WarningSignFileReader
{
    /// <summary>The groups, highest level first; see-clinician signs need not cover every see-clinician rule.</summary>
    private static readonly Urgency[] Levels = [Urgency.Emergency, Urgency.Urgent, Urgency.SeeClinician];

    private static readonly Urgency[] MustBeCovered = [Urgency.Emergency, Urgency.Urgent];

    public static IReadOnlyList<WarningSignGroup> Read(YamlEntry root, IReadOnlyList<WarningRule> rules)
    {
        root.AllowOnly([.. Levels.Select(level => level.ToContractId())]);
        var groups = Levels.Select(level => ReadGroup(root, level, rules)).ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sign in groups.SelectMany(g => g.Signs))
        {
            if (!seen.Add(sign.Id))
            {
                throw root.Error($"the sign id '{sign.Id}' is used twice");
            }
        }

        foreach (var rule in rules.Where(r => MustBeCovered.Contains(r.Urgency)))
        {
            var group = groups.Single(g => g.Urgency == rule.Urgency);
            if (!group.Signs.Any(sign => sign.Rules.Contains(rule.Id, StringComparer.Ordinal)))
            {
                throw root.Required(rule.Urgency.ToContractId()).Named($"group '{rule.Urgency.ToContractId()}'").Error(
                    $"the {rule.Urgency.ToContractId()} rule '{rule.Id}' in warning-rules.yaml is named by no sign; add it to a sign's rules, or add a sign that tells runners about it");
            }
        }

        return groups;
    }

    private static WarningSignGroup ReadGroup(YamlEntry root, Urgency level, IReadOnlyList<WarningRule> rules)
    {
        var id = level.ToContractId();
        var group = root.Required(id).Named($"group '{id}'");
        group.AllowOnly("heading", "advice", "signs", DepartmentKey, ByServiceKey);
        var items = group.Required("signs").Items();
        if (items.Count == 0)
        {
            throw group.Error("'signs' needs at least one sign");
        }

        var heading = group.RequiredText("heading");
        var advice = group.RequiredText("advice");
        List<WarningSign> signs = [.. items.Select(item => ReadSign(group, item, level, rules))];
        return new WarningSignGroup
        {
            Urgency = level,
            Heading = heading,
            Advice = advice,
            Signs = signs,
            Actions = [.. signs.GroupBy(sign => sign.Disposition).OrderByDescending(action => action.Key).Select(action => ActionOf(group, action.Key, heading, advice, [.. action]))],
            ByService = ReadByService(group, level),
        };
    }

    /// <summary>The urgent group's words for its signs by where they are seen; only there, and required there.</summary>
    private const string ByServiceKey = "byService";

    private static SameDayByServiceWords? ReadByService(YamlEntry group, Urgency level)
    {
        var entry = group.Optional(ByServiceKey)?.Named($"{group.Path} > {ByServiceKey}");
        if (level != Urgency.Urgent)
        {
            return entry is null ? null : throw entry.Error($"'{ByServiceKey}' is only for the urgent group, whose same-day signs are seen by a doctor or at an injury unit");
        }

        entry = entry ?? throw group.Error($"add '{ByServiceKey}' with the words for the same-day signs by where they are seen (onlyWithoutTheSignsAbove, doctorHeading, doctorAdvice, injuryHeading)");
        entry.AllowOnly("onlyWithoutTheSignsAbove", "doctorHeading", "doctorAdvice", "injuryHeading");
        return new SameDayByServiceWords(
            entry.RequiredText("onlyWithoutTheSignsAbove"),
            entry.RequiredText("doctorHeading"),
            entry.RequiredText("doctorAdvice"),
            entry.RequiredText("injuryHeading"));
    }

    /// <summary>The words for an emergency group's signs whose rules send the runner to an emergency department rather than call 999.</summary>
    private const string DepartmentKey = "goToEmergencyDepartment";

    private static WarningSignAction ActionOf(YamlEntry group, Disposition disposition, string heading, string advice, IReadOnlyList<WarningSign> signs)
    {
        if (disposition != Disposition.GoToEmergencyDepartment)
        {
            return new WarningSignAction { Disposition = disposition, Heading = heading, Advice = advice, Signs = signs };
        }

        // The group's own words say "call 999": a sign whose rules say "go" needs words that say so.
        var department = group.Optional(DepartmentKey)?.Named($"{group.Path} > {DepartmentKey}")
            ?? throw group.Error($"the signs [{string.Join(", ", signs.Select(s => s.Id))}] go to an emergency department (their rules do not ask for a call): add '{DepartmentKey}' with the heading and advice for them");
        department.AllowOnly("heading", "advice");
        return new WarningSignAction { Disposition = disposition, Heading = department.RequiredText("heading"), Advice = department.RequiredText("advice"), Signs = signs };
    }

    private static WarningSign ReadSign(YamlEntry group, YamlEntry item, Urgency level, IReadOnlyList<WarningRule> rules)
    {
        item.AllowOnly("id", "sign", "short", "why", "rules");
        var id = QuestionFileReader.Identifier(item);
        var entry = item.Named($"{group.Path} > sign '{id}'");
        var rulesEntry = entry.Required("rules");
        var ruleIds = new List<string>();
        foreach (var ruleEntry in rulesEntry.Items())
        {
            var ruleId = ruleEntry.Text();
            var rule = rules.FirstOrDefault(r => r.Id == ruleId)
                ?? throw ruleEntry.Error($"'{ruleId}' is not a rule in warning-rules.yaml");
            if (rule.Urgency != level)
            {
                throw ruleEntry.Error(
                    $"the rule '{ruleId}' is {rule.Urgency.ToContractId()}, not {level.ToContractId()}: runners would read the wrong level; name it in a sign of the '{rule.Urgency.ToContractId()}' group");
            }

            if (ruleIds.Contains(ruleId, StringComparer.Ordinal))
            {
                throw ruleEntry.Error($"the rule '{ruleId}' is named twice");
            }

            ruleIds.Add(ruleId);
        }

        if (ruleIds.Count == 0)
        {
            throw rulesEntry.Error("a sign needs at least one rule");
        }

        // The footer lists the emergency and urgent signs in their short words.
        var shortText = MustBeCovered.Contains(level) ? entry.RequiredText("short") : NonEmpty(entry.OptionalText("short"));
        var disposition = ruleIds.Select(ruleId => rules.First(r => r.Id == ruleId).Disposition).Max();
        return new WarningSign { Id = id, Sign = entry.RequiredText("sign"), Short = shortText, Why = NonEmpty(entry.OptionalText("why")), Rules = ruleIds, Disposition = disposition };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
