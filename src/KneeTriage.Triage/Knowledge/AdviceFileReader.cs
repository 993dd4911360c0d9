using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>advice.yaml</c>: what to do now for every urgency level, and when to come back.</summary>
internal static class AdviceFileReader
{
    public static AdviceText Read(YamlEntry root)
    {
        root.AllowOnly("selfCareCauses", "doNow", "comeBackIf");
        var doNowEntry = root.Required("doNow");
        var doNow = new Dictionary<Urgency, IReadOnlyList<string>>();
        foreach (var (key, list) in doNowEntry.Pairs())
        {
            if (!UrgencyIds.TryParse(key, out var urgency))
            {
                throw list.Error($"'{key}' is not an urgency level; use emergency, urgent, see-clinician or self-care");
            }

            doNow[urgency] = NonEmpty(root, "doNow > " + key, list.Items().Select(i => i.Text().Trim()).ToList());
        }

        foreach (var urgency in Enum.GetValues<Urgency>().Where(u => !doNow.ContainsKey(u)))
        {
            throw doNowEntry.Error($"advice for '{urgency.ToContractId()}' is missing");
        }

        var selfCareEntry = root.Required("selfCareCauses");
        var selfCareCauses = selfCareEntry.Integer();
        return selfCareCauses is < 0 or > 5
            ? throw selfCareEntry.Error("must be a whole number from 0 to 5")
            : new AdviceText { DoNow = doNow, ComeBackIf = NonEmpty(root, "comeBackIf", root.TextList("comeBackIf")), SelfCareCauses = selfCareCauses };
    }

    private static IReadOnlyList<string> NonEmpty(YamlEntry root, string key, IReadOnlyList<string> lines) =>
        lines.Count > 0 && lines.All(l => l.Length > 0) ? lines : throw root.Error($"'{key}' needs at least one non-empty line");
}
