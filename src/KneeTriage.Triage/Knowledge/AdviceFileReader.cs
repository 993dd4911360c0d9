using System.Globalization;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Reads and checks <c>advice.yaml</c>: each disposition's action, the signs to get help for, the
/// check-again line and the line for a young runner's parent or carer.
/// </summary>
internal static class AdviceFileReader
{
    public static AdviceText Read(YamlEntry root, CriterionReader criteria, IReadOnlyList<WarningSignGroup> warningSigns, IReadOnlyList<WarningRule> warningRules)
    {
        root.AllowOnly("selfCareCauses", "action", "getHelpIf", "checkAgain", "parentOrCarer");
        var selfCareEntry = root.Required("selfCareCauses");
        var selfCareCauses = selfCareEntry.Integer();
        if (selfCareCauses is < 0 or > 5)
        {
            throw selfCareEntry.Error("must be a whole number from 0 to 5");
        }

        return new AdviceText
        {
            ActionLines = ReadActions(root, warningRules),
            GetHelpIf = ReadGetHelp(root, criteria, warningSigns),
            CheckAgain = NonEmpty(root, "checkAgain", root.TextList("checkAgain")),
            ParentOrCarer = root.Optional("parentOrCarer") is { } young ? ReadParentOrCarer(young.Named("parentOrCarer"), criteria) : null,
            SelfCareCauses = selfCareCauses,
        };
    }

    private static Dictionary<Disposition, IReadOnlyList<ActionLine>> ReadActions(YamlEntry root, IReadOnlyList<WarningRule> warningRules)
    {
        var actionEntry = root.Required("action");
        var actions = new Dictionary<Disposition, IReadOnlyList<ActionLine>>();
        foreach (var (key, list) in actionEntry.Pairs())
        {
            if (!DispositionIds.TryParse(key, out var disposition))
            {
                throw list.Error($"'{key}' is not a disposition; use {string.Join(", ", Enum.GetValues<Disposition>().Select(d => d.ToContractId()))}");
            }

            var lines = list.Items().Select((item, i) => ReadActionLine(item.Named($"action > {key} > line {(i + 1).ToString(CultureInfo.InvariantCulture)}"), disposition, warningRules)).ToList();
            NonEmpty(root, "action > " + key, [.. lines.Select(line => line.Words)]);
            if (lines[0].AboutRunning)
            {
                throw list.Error("the first line is the action itself; it cannot be a line about running that a result may leave out");
            }

            actions[disposition] = lines;
        }

        foreach (var missing in Enum.GetValues<Disposition>().Where(d => !actions.ContainsKey(d)))
        {
            throw actionEntry.Error($"the action for '{missing.ToContractId()}' is missing");
        }

        return actions;
    }

    /// <summary>
    /// A line is its words, or {words, stopsRunning} for a line that says not to run, or
    /// {words, aboutRunning, whenNotRunning} for a line that says how to run, with what it says
    /// instead when another line on the result says not to run (left out when none is given).
    /// </summary>
    private static ActionLine ReadActionLine(YamlEntry item, Disposition disposition, IReadOnlyList<WarningRule> warningRules)
    {
        if (!item.IsMapping)
        {
            return new ActionLine { Words = item.Text().Trim() };
        }

        item.AllowOnly("words", RunningFlags.StopsRunningKey, RunningFlags.AboutRunningKey, "whenNotRunning", "whenRaised");
        var (stopsRunning, aboutRunning) = RunningFlags.Read(item);
        var instead = item.OptionalText("whenNotRunning");
        if (instead is not null && !aboutRunning)
        {
            throw item.Required("whenNotRunning").Error($"only a line with '{RunningFlags.AboutRunningKey}: true' has words for a runner told not to run");
        }

        if (instead is { Length: 0 })
        {
            throw item.Required("whenNotRunning").Error("needs words, or leave it out to drop the line");
        }

        return new ActionLine
        {
            Words = item.RequiredText("words"),
            StopsRunning = stopsRunning,
            AboutRunning = aboutRunning,
            WhenNotRunning = instead,
            WhenRaised = item.Optional("whenRaised") is { } raised ? ReadWhenRaised(raised.Named($"{item.Path} > whenRaised"), disposition, warningRules) : null,
        };
    }

    /// <summary>
    /// {rules, words}: the line's words when any of these rules is raised. Each rule must lead to
    /// this action's disposition, or the words could never show (or show under another action).
    /// </summary>
    private static RuleRaisedWords ReadWhenRaised(YamlEntry entry, Disposition disposition, IReadOnlyList<WarningRule> warningRules)
    {
        entry.AllowOnly("rules", "words");
        var rules = ReadIdsLeadingTo(
            entry.Required("rules"),
            disposition,
            "rule",
            "warning-rules.yaml",
            id => warningRules.FirstOrDefault(rule => rule.Id == id)?.Disposition,
            (id, leadsTo) => $"the rule '{id}' leads to {leadsTo.ToContractId()}, not {disposition.ToContractId()}: its words would never show here");
        return new RuleRaisedWords { Rules = rules, Words = entry.RequiredText("words") };
    }

    private static List<GetHelpText> ReadGetHelp(YamlEntry root, CriterionReader criteria, IReadOnlyList<WarningSignGroup> warningSigns)
    {
        var groups = new List<GetHelpText>();
        var items = root.Required("getHelpIf").Items();
        for (var i = 0; i < items.Count; i++)
        {
            var entry = items[i].Named($"getHelpIf, entry {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            entry.AllowOnly("disposition", "lead", "signs");
            var dispositionEntry = entry.Required("disposition");
            if (!DispositionIds.TryParse(dispositionEntry.Text(), out var disposition) || disposition == Disposition.SelfCare)
            {
                throw dispositionEntry.Error($"'{dispositionEntry.Text()}' is not a disposition to get help with; use call-emergency-number, go-to-emergency-department, same-day or book-appointment");
            }

            var signs = entry.Required("signs").Items().Select((sign, s) => ReadSign(sign.Named($"{entry.Path} > sign {(s + 1).ToString(CultureInfo.InvariantCulture)}"), criteria, disposition, warningSigns)).ToList();
            groups.Add(signs.Count > 0
                ? new GetHelpText { Disposition = disposition, Lead = entry.RequiredText("lead"), Signs = signs }
                : throw entry.Error("'signs' needs at least one sign"));
        }

        return groups;
    }

    private static GetHelpSign ReadSign(YamlEntry entry, CriterionReader criteria, Disposition disposition, IReadOnlyList<WarningSignGroup> warningSigns)
    {
        entry.AllowOnly("words", "warningSigns", "reportedWhen", "onlyWhen");
        return new GetHelpSign
        {
            Words = entry.RequiredText("words"),
            WarningSigns = ReadWarningSigns(entry, disposition, warningSigns),
            ReportedWhen = entry.Optional("reportedWhen") is { } reported ? criteria.Read(reported) : null,
            OnlyWhen = entry.Optional("onlyWhen") is { } only ? criteria.Read(only) : null,
        };
    }

    /// <summary>
    /// The signs of warning-signs.yaml a get-help sign names. Each must lead to the group's
    /// disposition: the footer and the guide list them under that action, and a result that says
    /// "go to an emergency department if the knee turns hot and red" beside a footer that says
    /// "call 999 for a hot, red knee" gives one sign two actions.
    /// </summary>
    private static List<string> ReadWarningSigns(YamlEntry entry, Disposition disposition, IReadOnlyList<WarningSignGroup> warningSigns) =>
        ReadIdsLeadingTo(
            entry.Required("warningSigns"),
            disposition,
            "sign",
            "warning-signs.yaml",
            id => warningSigns.SelectMany(group => group.Signs).FirstOrDefault(sign => sign.Id == id)?.Disposition,
            (id, leadsTo) => $"the sign '{id}' leads to {leadsTo.ToContractId()} in warning-signs.yaml (by its rules), not {disposition.ToContractId()}: one sign, one action; move this line to that group or name the sign that fits");

    /// <summary>
    /// A non-empty list of ids of another file's <paramref name="kind"/>s, each leading to
    /// <paramref name="disposition"/>; an unknown id, one leading elsewhere (<paramref name="elsewhere"/>
    /// says why that matters) or an empty list stops the load at its line.
    /// </summary>
    private static List<string> ReadIdsLeadingTo(
        YamlEntry list, Disposition disposition, string kind, string file, Func<string, Disposition?> leadsTo, Func<string, Disposition, string> elsewhere)
    {
        var ids = new List<string>();
        foreach (var idEntry in list.Items())
        {
            var id = idEntry.Text();
            var its = leadsTo(id) ?? throw idEntry.Error($"'{id}' is not a {kind} in {file}");
            if (its != disposition)
            {
                throw idEntry.Error(elsewhere(id, its));
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ids : throw list.Error($"name at least one {kind} of {file}");
    }

    private static ParentOrCarerText ReadParentOrCarer(YamlEntry entry, CriterionReader criteria)
    {
        entry.AllowOnly("when", "words");
        return new ParentOrCarerText { When = criteria.Read(entry.Required("when")), Words = entry.RequiredText("words") };
    }

    private static IReadOnlyList<string> NonEmpty(YamlEntry root, string key, IReadOnlyList<string> lines) =>
        lines.Count > 0 && lines.All(l => l.Length > 0) ? lines : throw root.Error($"'{key}' needs at least one non-empty line");
}
