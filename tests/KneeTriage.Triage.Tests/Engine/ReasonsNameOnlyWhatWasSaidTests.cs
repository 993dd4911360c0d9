using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Knowledge.Criteria;

namespace KneeTriage.Triage.Tests.Engine;

/// <summary>
/// A reason is read beside the runner's own answers, so it names only what the runner said. Runners
/// walking the form found "Trail and uneven ground ..." shown to a runner who had ticked "a new surface
/// (trail, track or a sloping road)" for a track, and "Sitting cross-legged ..." to one who had ticked
/// "sitting for a long time with the knee bent". A reason drawn from an option that joins several things
/// names all of them or none; it never names something the option does not say.
/// </summary>
public sealed class ReasonsNameOnlyWhatWasSaidTests
{
    /// <summary>
    /// Options whose label joins alternatives (the parts, as words a reason would use) and words a
    /// reason from that option must not use because the option never says them.
    /// </summary>
    public static TheoryData<string, string, string[], string[]> CombinedOptions => new()
    {
        { "training-change", "new-surface", ["trail", "track", "sloping road"], ["uneven"] },
        { "pain-triggers", "deep-bend", ["squat", "kneel"], [] },
        { "pain-triggers", "sitting", [], ["cross-legged", "crossed"] },
        { "injury", "push-off", ["sprint", "push"], ["kick"] },
    };

    [Theory]
    [MemberData(nameof(CombinedOptions))]
    public void AReasonFromACombinedOptionNamesAllOfItOrNone(string question, string option, string[] parts, string[] neverSaid)
    {
        var wrong = ReasonsFrom(ShippedKnowledgeBase.Instance, question, option)
            .Where(reason => NamesPartOnly(reason, parts) || neverSaid.Any(word => reason.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(wrong.Count == 0, $"Reasons drawn from '{question}: {option}' that name only part of it, or words it does not say:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryCombinedOptionIsStillInTheForm()
    {
        // If an option is renamed, the table above must follow it, or the check above checks nothing.
        foreach (var row in CombinedOptions)
        {
            var (question, option) = ((string)row[0], (string)row[1]);
            Assert.NotEmpty(ReasonsFrom(ShippedKnowledgeBase.Instance, question, option));
        }
    }

    [Fact]
    public void TheCheckFindsAReasonThatNamesOnePartOfAnOption()
    {
        Assert.True(NamesPartOnly("Trail and uneven ground bring more downhill and twisting.", ["trail", "track", "sloping road"]));
        Assert.True(NamesPartOnly("Sudden pain while sprinting is how a hamstring strain usually happens.", ["sprint", "push"]));
        Assert.False(NamesPartOnly("Sudden pain while sprinting or pushing off is how a hamstring strain usually happens.", ["sprint", "push"]));
        Assert.False(NamesPartOnly("A new running surface can bring more downhill running.", ["trail", "track", "sloping road"]));
    }

    private static bool NamesPartOnly(string reason, string[] parts)
    {
        var named = parts.Count(part => reason.Contains(part, StringComparison.OrdinalIgnoreCase));
        return named > 0 && named < parts.Length;
    }

    /// <summary>The reasons of every evidence entry and warning pointer whose answers include this option (not under a "not").</summary>
    private static List<string> ReasonsFrom(KnowledgeBase knowledgeBase, string question, string option)
    {
        var evidence = knowledgeBase.Evidence.Where(e => Asks(e.When, question, option)).Select(e => e.Reason);
        var pointers = knowledgeBase.WarningRules.SelectMany(rule => rule.PointsTo.Where(p => Asks(rule.When, question, option) || (p.When is { } when && Asks(when, question, option))).Select(p => p.Reason));
        return [.. evidence.Concat(pointers).Distinct(StringComparer.Ordinal)];
    }

    private static bool Asks(AnswerCriterion criterion, string question, string option) => criterion switch
    {
        HasCriterion has => has.QuestionId == question && has.Values.Contains(option),
        AllCriterion all => all.Parts.Any(part => Asks(part, question, option)),
        AnyCriterion any => any.Parts.Any(part => Asks(part, question, option)),
        _ => false,
    };
}
