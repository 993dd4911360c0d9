using System.Globalization;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>evidence.yaml</c>: every condition named exists and every weight is a finite, non-zero number.</summary>
internal static class EvidenceFileReader
{
    public sealed record Result(IReadOnlyList<Evidence> Evidence, AnswerCriterion NoCausesWhen);

    public static Result Read(YamlEntry root, IReadOnlyList<Condition> conditions, CriterionReader criteria)
    {
        root.AllowOnly("noCausesWhen", "evidence");
        var noCausesWhen = criteria.Read(root.Required("noCausesWhen"));
        var evidence = new List<Evidence>();
        foreach (var (conditionId, list) in root.Required("evidence").Pairs())
        {
            if (!conditions.Any(c => c.Id == conditionId))
            {
                throw list.Error($"'{conditionId}' is not a condition in conditions.yaml");
            }

            if (evidence.Any(e => e.ConditionId == conditionId))
            {
                throw list.Error($"the evidence for '{conditionId}' is listed twice");
            }

            var items = list.Items();
            for (var i = 0; i < items.Count; i++)
            {
                var entry = items[i].Named($"evidence for '{conditionId}', entry {(i + 1).ToString(CultureInfo.InvariantCulture)}");
                entry.AllowOnly("when", "weight", "reason", "source");
                var weightEntry = entry.Required("weight");
                var weight = weightEntry.Number();
                if (weight == 0 || Math.Abs(weight) > 10)
                {
                    throw weightEntry.Error("a weight must be a non-zero number between -10 and 10");
                }

                evidence.Add(new Evidence
                {
                    ConditionId = conditionId,
                    When = criteria.Read(entry.Required("when")),
                    Weight = weight,
                    Reason = entry.RequiredText("reason"),
                    Source = entry.RequiredText("source"),
                });
            }
        }

        foreach (var condition in conditions.Where(c => !evidence.Any(e => e.ConditionId == c.Id)))
        {
            throw root.Error($"the condition '{condition.Id}' has no evidence; every cause needs at least one answer that points to it");
        }

        return new Result(evidence, noCausesWhen);
    }
}
