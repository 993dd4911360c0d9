using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge.Criteria;
using KneeTriage.Triage.Knowledge.Yaml;

namespace KneeTriage.Triage.Knowledge;

/// <summary>Reads and checks <c>conditions.yaml</c>: the causes the engine ranks.</summary>
internal static class ConditionFileReader
{
    public sealed record Result(IReadOnlyList<Condition> Conditions, double UnexplainedPrior, double ScoreTemperature);

    public static Result Read(YamlEntry root, CriterionReader criteria)
    {
        root.AllowOnly("unexplainedPrior", "scoreTemperature", "conditions");
        var unexplained = root.Required("unexplainedPrior");
        var unexplainedPrior = unexplained.Number();
        if (unexplainedPrior <= 0)
        {
            throw unexplained.Error("must be a positive number");
        }

        var temperatureEntry = root.Required("scoreTemperature");
        var temperature = temperatureEntry.Number();
        if (temperature is < 1 or > 5)
        {
            throw temperatureEntry.Error("must be a number from 1 to 5");
        }

        var conditions = new List<Condition>();
        foreach (var item in root.Required("conditions").Items())
        {
            item.AllowOnly("id", "name", "summary", "learnMore", "prior", "source", "selfCare", "notListedBelow");
            var id = QuestionFileReader.Identifier(item);
            var entry = item.Named($"condition '{id}'");
            if (conditions.Any(c => c.Id == id))
            {
                throw entry.Error($"the condition id '{id}' is used twice");
            }

            var priorEntry = entry.Required("prior");
            var prior = priorEntry.Number();
            if (prior <= 0)
            {
                throw priorEntry.Error("the prior must be a positive number");
            }

            var learnMore = entry.RequiredText("learnMore");
            if (!learnMore.StartsWith("/article/", StringComparison.Ordinal) || !learnMore.Contains('#', StringComparison.Ordinal) || learnMore.EndsWith('#'))
            {
                throw entry.Required("learnMore").Error($"'{learnMore}' must link to an article section with an anchor, like /article/causes#{id}");
            }

            var selfCare = entry.Optional("selfCare") is { } steps ? steps.Items().Select(step => ReadStep(step, criteria)).ToList() : [];
            if (selfCare.Count == 0 || selfCare.Any(step => step.Words.Length == 0))
            {
                throw entry.Error("'selfCare' needs at least one non-empty step");
            }

            Disposition? notListedBelow = null;
            if (entry.Optional("notListedBelow") is { } below)
            {
                notListedBelow = DispositionIds.TryParse(below.Text(), out var disposition) && disposition > Disposition.SelfCare
                    ? disposition
                    : throw below.Error($"'{below.Text()}' is not a disposition above self-care; use book-appointment, same-day, go-to-emergency-department or call-emergency-number");
            }

            conditions.Add(new Condition
            {
                Id = id,
                Name = entry.RequiredText("name"),
                Summary = entry.RequiredText("summary"),
                LearnMore = learnMore,
                Prior = prior,
                Source = entry.RequiredText("source"),
                SelfCareSteps = selfCare,
                NotListedBelow = notListedBelow,
            });
        }

        return conditions.Count > 0 ? new Result(conditions, unexplainedPrior, temperature) : throw root.Error("'conditions' needs at least one condition");
    }

    /// <summary>
    /// A step is its words, or {words, onlyWhen, stopsRunning, aboutRunning}: onlyWhen for a step
    /// that speaks to some runners only, one of the two flags for a step that says not to run or
    /// says how to run (a step cannot do both).
    /// </summary>
    private static SelfCareStep ReadStep(YamlEntry step, CriterionReader criteria)
    {
        if (!step.IsMapping)
        {
            return new SelfCareStep { Words = step.Text().Trim() };
        }

        step.AllowOnly("words", "onlyWhen", RunningFlags.StopsRunningKey, RunningFlags.AboutRunningKey);
        var (stopsRunning, aboutRunning) = RunningFlags.Read(step);
        return new SelfCareStep
        {
            Words = step.RequiredText("words"),
            OnlyWhen = step.Optional("onlyWhen") is { } only ? criteria.Read(only) : null,
            StopsRunning = stopsRunning,
            AboutRunning = aboutRunning,
        };
    }
}
