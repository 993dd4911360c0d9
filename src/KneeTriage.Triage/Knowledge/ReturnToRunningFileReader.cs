using System.Globalization;
using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// Reads and checks <c>return-to-running.yaml</c>. Every item must cite a section of the clinical
/// notes, so no advice about running again reaches a runner without a source a clinician can check.
/// </summary>
internal static partial class ReturnToRunningFileReader
{
    /// <summary>The number of phases the plan may have: enough to build up, few enough to follow.</summary>
    private const int MinPhases = 2;

    private const int MaxPhases = 12;

    public static ReturnToRunningPlanText Read(YamlEntry root)
    {
        root.AllowOnly("title", "intro", "painRule", "stillRunning", "gate", "phases", "advance", "stepBack", "restDays", "runsPerWeek", "maxRunsPerWeek", "stop", "references");
        var phases = Items(root, "phases", "phase");
        if (phases.Count is < MinPhases or > MaxPhases)
        {
            throw root.Required("phases").Error($"expected {MinPhases.ToString(CultureInfo.InvariantCulture)} to {MaxPhases.ToString(CultureInfo.InvariantCulture)} phases, found {phases.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        var maxRunsEntry = root.Required("maxRunsPerWeek");
        var maxRuns = maxRunsEntry.Integer();
        if (maxRuns is < 1 or > 7)
        {
            throw maxRunsEntry.Error("must be a whole number from 1 to 7");
        }

        var runsPerWeek = Item(root.Required("runsPerWeek").Named("runsPerWeek"));
        if (!runsPerWeek.Text.Contains(maxRuns.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            // The number is shown on its own on some pages; it must say what the sentence says.
            throw root.Required("runsPerWeek").Error($"the text does not state maxRunsPerWeek ({maxRuns.ToString(CultureInfo.InvariantCulture)})");
        }

        var plan = new ReturnToRunningPlanText
        {
            Title = root.RequiredText("title"),
            Intro = root.RequiredText("intro"),
            PainRule = Item(root.Required("painRule").Named("painRule")),
            StillRunning = Items(root, "stillRunning", "still-running item"),
            Gate = Items(root, "gate", "gate item"),
            Phases = phases,
            Advance = Item(root.Required("advance").Named("advance")),
            StepBack = Item(root.Required("stepBack").Named("stepBack")),
            RestDays = Item(root.Required("restDays").Named("restDays")),
            RunsPerWeek = runsPerWeek,
            MaxRunsPerWeek = maxRuns,
            Stop = Item(root.Required("stop").Named("stop")),
            References = References(root),
        };

        // The page cites every source an item names; a number without its citation would leave a line unsourced.
        // Every listed source stays: the self-care advice cites some of them by their place in the list.
        var cited = plan.Items.SelectMany(i => i.SourceIds).Distinct().Order().ToList();
        var missing = cited.Where(id => !plan.References.Any(r => r.Number == id)).ToList();
        return missing.Count == 0
            ? plan with { References = [.. plan.References.OrderBy(r => r.Number)] }
            : throw root.Required("references").Error($"no citation for src {string.Join(", ", missing.Select(id => id.ToString(CultureInfo.InvariantCulture)))}, which the plan cites; add each with number, publisher, title, year and url");
    }

    private static List<PlanReference> References(YamlEntry root)
    {
        var references = new List<PlanReference>();
        var items = root.Required("references").Items();
        for (var i = 0; i < items.Count; i++)
        {
            var entry = items[i].Named($"reference {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            entry.AllowOnly("number", "publisher", "title", "year", "url");
            var urlEntry = entry.Required("url");
            if (!Uri.TryCreate(urlEntry.Text().Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw urlEntry.Error($"'{urlEntry.Text()}' is not a web link");
            }

            var year = entry.RequiredText("year");
            if (year != "no date" && !YearPattern().IsMatch(year))
            {
                throw entry.Required("year").Error($"'{year}' is not a year; write it as 2023, or 'no date' when the source gives none");
            }

            references.Add(new PlanReference
            {
                Number = entry.Required("number").Integer(),
                Publisher = entry.RequiredText("publisher"),
                Title = entry.RequiredText("title"),
                Year = year,
                Url = url,
            });
        }

        return references;
    }

    private static List<PlanItem> Items(YamlEntry root, string key, string name)
    {
        var items = root.Required(key).Items();
        if (items.Count == 0)
        {
            throw root.Required(key).Error($"'{key}' needs at least one item");
        }

        return [.. items.Select((item, i) => Item(item.Named($"{name} {(i + 1).ToString(CultureInfo.InvariantCulture)}")))];
    }

    private static PlanItem Item(YamlEntry entry)
    {
        entry.AllowOnly("text", "source");
        var sourceEntry = entry.Required("source");
        var source = entry.RequiredText("source");
        var match = SourcePattern().Match(source);
        if (!match.Success)
        {
            throw sourceEntry.Error($"'{source}' is not a source; write 'clinical-notes 3.3; src 97, 98' (the section, then the source numbers), or 'clinical-notes 3.3 (why there is no number)'");
        }

        var ids = match.Groups["ids"].Success
            ? match.Groups["ids"].Value.Split(", ").Select(id => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture)).ToList()
            : [];
        return new PlanItem { Text = entry.RequiredText("text"), Source = source, SourceIds = ids };
    }

    [GeneratedRegex(@"^(19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    // A section or sections of clinical-notes.md, then source numbers or a bracketed reason there are none.
    [GeneratedRegex(@"^clinical-notes \d+(\.\d+)*(, \d+(\.\d+)*)*(; src (?<ids>[1-9]\d*(, [1-9]\d*)*)| \([^()]+\))$", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
