using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>
/// Words a walker who knew only three runners' stories misread (walk 18): each says what the check
/// reads, so a runner judging from the lists or the help does not rule herself out or in by mistake.
/// </summary>
public sealed class WalkEighteenWordsTests
{
    private static readonly KnowledgeBase Shipped = ShippedKnowledgeBase.Instance;

    private static WarningSign Sign(string id) => Shipped.WarningSigns.SelectMany(group => group.Signs).Single(sign => sign.Id == id);

    [Fact]
    public void TheCalfSignSaysOneOfHotRedOrTenderAloneIsNotEnough()
    {
        // The rules want a swollen calf, or two of hot (the answer `warm`), red and tender: "a
        // swollen, warm, red or tender calf" promised a same-day visit for a tender calf alone, and
        // the check gave days.
        var sign = Sign("unexplained-calf-signs");

        Assert.Contains("two or more of hot, red or tender", sign.Sign, StringComparison.Ordinal);
        Assert.Contains("two of hot, red or tender", sign.Short, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHotKneeEmergencyNamesItsRisksInTheFooterToo()
    {
        // "with a risk of infection" did not tell a runner with arthritis in the knee that it meant her.
        var footer = Sign("hot-red-knee-with-infection-risk").Short!;

        foreach (var risk in new[] { "arthritis", "replacement", "diabetes", "weak immune system", "injection or operation" })
        {
            Assert.Contains(risk, footer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheHotKneeStepDoesNotSayAnInfectionNeedsAFever()
    {
        var intro = Shipped.Steps.Single(step => step.Id == "hot-knee").Intro ?? "";

        Assert.DoesNotContain("with a fever can be an infection", intro, StringComparison.Ordinal);
        Assert.Contains("without one", intro, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFeverIsGivenInFahrenheitToo()
    {
        var fever = Shipped.FindQuestion("fever")!;

        Assert.Contains("100.4 °F", fever.Help, StringComparison.Ordinal);
        Assert.Contains("100.4 °F", fever.Parts.Single(part => part.Id == "has-fever").Help, StringComparison.Ordinal);
    }

    [Fact]
    public void ChestPainOfAnyKindCounts()
    {
        var chestPain = Shipped.FindQuestion("breathless-or-chest-pain")!.Parts.Single(part => part.Id == "chest-pain");

        Assert.Contains("dull, heavy or tight", chestPain.Help, StringComparison.Ordinal);
    }
}
