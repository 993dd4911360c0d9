using KneeTriage.Triage.Engine;
using KneeTriage.Web.Pages.Results;

namespace KneeTriage.Web.Tests.ResultPage;

/// <summary>The first cause as boards, progress and "my results" show it: with its band, never a percentage.</summary>
public sealed class CauseBandWordsTests
{
    [Theory]
    [InlineData(CauseBand.RuleOutNow, "To rule out now: Deep vein thrombosis")]
    [InlineData(CauseBand.FitsBest, "Fits your answers best: Deep vein thrombosis")]
    [InlineData(CauseBand.AlsoPossible, "Also possible: Deep vein thrombosis")]
    public void TheFirstCauseIsNamedWithItsBand(CauseBand band, string words) =>
        Assert.Equal(words, CauseBandWords.FirstCause("Deep vein thrombosis", band));

    [Fact]
    public void AResultStoredBeforeBandsShowsTheNameAloneAndNoCauseSaysSo()
    {
        Assert.Equal("Deep vein thrombosis", CauseBandWords.FirstCause("Deep vein thrombosis", null));
        Assert.Equal("None listed", CauseBandWords.FirstCause(null, null));
    }
}
