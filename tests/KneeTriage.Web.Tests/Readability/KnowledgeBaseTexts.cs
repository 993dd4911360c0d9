using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Tests.Readability;

/// <summary>
/// The knowledge base's words as a runner reads them together, each a passage for
/// <see cref="ReadingScore"/>: a grade is a measure of a passage, and one short text on its own gives
/// nonsense ("Optional." scores grade 20), so the unit is what a page shows together. Result texts:
/// a cause's card (name, summary, self-care), the reasons given for one cause, a warning rule's
/// message and pointers, a level of warning signs, the action of one disposition, one group of
/// "get help if" signs, the check-again and parent lines, the plan. Questions: one step of the form
/// (title, intro, every question, hint, option and part).
/// </summary>
public static class KnowledgeBaseTexts
{
    public sealed record Passage(string Name, IReadOnlyList<string> Blocks);

    public static IEnumerable<Passage> ResultTexts(KnowledgeBase kb)
    {
        foreach (var condition in kb.Conditions)
        {
            yield return new($"conditions.yaml, condition '{condition.Id}'", [condition.Name, condition.Summary, .. condition.SelfCare]);
        }

        foreach (var group in kb.Evidence.GroupBy(e => e.ConditionId))
        {
            yield return new($"evidence.yaml, reasons for '{group.Key}'", [.. group.Select(e => e.Reason)]);
        }

        foreach (var rule in kb.WarningRules)
        {
            yield return new($"warning-rules.yaml, rule '{rule.Id}'", [rule.Message, .. rule.PointsTo.Select(p => p.Reason)]);
        }

        foreach (var level in kb.WarningSigns)
        {
            yield return new(
                $"warning-signs.yaml, level '{level.Urgency}'",
                [level.Heading, level.Advice, .. level.Signs.SelectMany(s => new[] { s.Sign, s.Short, s.Why }).OfType<string>()]);
        }

        foreach (var (disposition, lines) in kb.Advice.ActionLines)
        {
            // A line's words for a runner told not to run are read as well as its own.
            yield return new($"advice.yaml, action for '{disposition}'", [.. lines.Select(l => l.Words), .. lines.Select(l => l.WhenNotRunning).OfType<string>()]);
        }

        foreach (var group in kb.Advice.GetHelpIf)
        {
            yield return new($"advice.yaml, get help if ('{group.Disposition}')", [group.Lead, .. group.Signs.Select(s => s.Words)]);
        }

        yield return new("advice.yaml, check again and parent or carer", [.. kb.Advice.CheckAgain, .. kb.Advice.ParentOrCarer is { } parent ? [parent.Words] : Array.Empty<string>()]);

        var plan = kb.ReturnToRunning;
        yield return new("return-to-running.yaml", [plan.Title, plan.Intro, .. plan.Items.Select(i => i.Text)]);
    }

    public static IEnumerable<Passage> QuestionSteps(KnowledgeBase kb) =>
        kb.Steps.Select(step => new Passage(
            $"questions.yaml, step '{step.Id}'",
            [step.Title, .. step.Intro is null ? Array.Empty<string>() : [step.Intro], .. step.Questions.SelectMany(QuestionBlocks)]));

    private static IEnumerable<string> QuestionBlocks(Question question) =>
        new[] { question.Text, question.Help }
            .Concat(question.Options.SelectMany(o => new[] { o.Label, o.Help }))
            .Concat(question.Parts.SelectMany(p => new[] { p.Text, p.Help }))
            .OfType<string>();
}
