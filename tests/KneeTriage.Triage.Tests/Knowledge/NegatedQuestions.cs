using System.Text.RegularExpressions;
using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// Finds the double negatives of contract v1.2's form rules ("can you not take four steps?"), which
/// a runner answers by what they can do and so the wrong way round.
/// </summary>
internal static partial class NegatedQuestions
{
    /// <summary>Every text a runner reads on a step: the step's intro, each question's text and help, each part's.</summary>
    public static IEnumerable<(string Where, string Text)> TextsOf(KnowledgeBase knowledgeBase)
    {
        foreach (var step in knowledgeBase.Steps)
        {
            yield return ($"step '{step.Id}' intro", step.Intro ?? string.Empty);
            foreach (var question in step.Questions)
            {
                yield return ($"'{question.Id}' text", question.Text);
                yield return ($"'{question.Id}' help", question.Help ?? string.Empty);
                foreach (var part in question.Parts)
                {
                    yield return ($"'{question.Id}' part '{part.Id}' text", part.Text);
                    yield return ($"'{question.Id}' part '{part.Id}' help", part.Help ?? string.Empty);
                }
            }
        }
    }

    /// <summary>The negated questions in the knowledge base, as "where: text".</summary>
    public static IReadOnlyList<string> In(KnowledgeBase knowledgeBase) =>
        [.. TextsOf(knowledgeBase).Where(t => IsNegated(t.Text)).Select(t => $"{t.Where}: {t.Text}")];

    public static bool IsNegated(string text) => Negation().IsMatch(text);

    [GeneratedRegex(@"\b(can you not|could you not|do you not|are you not|is it not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();
}
