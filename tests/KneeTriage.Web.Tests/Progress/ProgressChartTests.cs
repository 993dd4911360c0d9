using Bunit;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Progress;

namespace KneeTriage.Web.Tests.Progress;

public sealed class ProgressChartTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    private static SeriesPoint Point(int day, Urgency urgency, int? pain, string cause = "Fits your answers best: Patellofemoral pain") =>
        new(Start.AddDays(day), urgency, pain, cause, $"/results/r{day}");

    private static readonly SeriesPoint[] Improving =
    [
        Point(0, Urgency.SeeClinician, 7),
        Point(7, Urgency.SeeClinician, 6),
        Point(14, Urgency.SelfCare, 3),
    ];

    private IRenderedComponent<ProgressChart> RenderChart(IReadOnlyList<SeriesPoint> points) =>
        Render<ProgressChart>(p => p.Add(c => c.Points, points));

    [Fact]
    public void DrawsOnePointPerCheckForPainAndForUrgency()
    {
        var cut = RenderChart(Improving);

        Assert.Equal(3, cut.FindAll("svg circle.progress-pain-point").Count);
        Assert.Equal(3, cut.FindAll("svg rect.progress-urgency-point").Count);
        Assert.Single(cut.FindAll("svg rect.progress-urgency-self-care"));
    }

    [Fact]
    public void TheDrawingIsAnImageNamedByItsTitleAndDescription()
    {
        var svg = RenderChart(Improving).Find("figure > svg");

        Assert.Equal("img", svg.GetAttribute("role"));
        var ids = (svg.GetAttribute("aria-labelledby") ?? string.Empty).Split(' ');
        Assert.Equal(["title", "desc"], ids.Select(id => svg.QuerySelector("#" + id)?.LocalName));
        Assert.Equal("Scores and urgency at each check", svg.QuerySelector("title")?.TextContent);
    }

    [Fact]
    public void TheDescriptionStatesTheTrendInWords()
    {
        var desc = RenderChart(Improving).Find("svg desc").TextContent;

        Assert.Equal(
            "3 checks from 3 Dec 2026 to 17 Dec 2026. Pain 7/10 at the first check and 3/10 at the latest. "
            + "Urgency See a clinician at the first check and Self-care at the latest. The latest check is better than the one before.",
            desc);
    }

    [Fact]
    public void AWorseningSeriesIsDescribedAsWorse()
    {
        var desc = RenderChart([Point(0, Urgency.SelfCare, 3), Point(3, Urgency.Urgent, 3)]).Find("svg desc").TextContent;

        Assert.EndsWith("The latest check is worse than the one before.", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void ItScalesToItsContainerWithNoFixedPixelWidth()
    {
        var svg = RenderChart(Improving).Find("svg");

        Assert.Equal("0 0 360 332", svg.GetAttribute("viewBox"));
        Assert.Null(svg.GetAttribute("width"));
        Assert.Null(svg.GetAttribute("style"));
    }

    [Fact]
    public void TheTableHasARowPerCheckWithDatePainUrgencyCauseAndLink()
    {
        var rows = RenderChart(Improving).FindAll("table tbody tr");

        Assert.Equal(3, rows.Count);
        var cells = rows[2].Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("17 Dec 2026", cells[0]);
        Assert.Equal(["3/10", "Self-care", "Fits your answers best: Patellofemoral pain"], cells[1..4]);
        var link = rows[2].QuerySelector("a");
        Assert.Equal("/results/r14", link?.GetAttribute("href"));
        Assert.Equal("View the result of 17 Dec 2026", link?.TextContent);
        Assert.Equal("row", rows[2].Children[0].GetAttribute("scope"));
    }

    [Fact]
    public void TwoChecksOnOneDayAreToldApartByTheirTime()
    {
        SeriesPoint[] sameDay = [Point(0, Urgency.SelfCare, 3), Point(0, Urgency.SelfCare, 3) with { CreatedAt = Start.AddHours(5) }];

        var dates = RenderChart(sameDay).FindAll("tbody th").Select(th => th.TextContent).ToList();

        Assert.Equal(["3 Dec 2026, 09:30 UTC", "3 Dec 2026, 14:30 UTC"], dates);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void FewerThanTwoChecksDrawNothing(int count)
    {
        var cut = RenderChart(Improving[..count]);

        Assert.Empty(cut.FindAll("figure"));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void AMissingPainLeavesAGapInTheLineAndSaysNotAnswered()
    {
        SeriesPoint[] points = [Point(0, Urgency.SelfCare, 4), Point(1, Urgency.SelfCare, 5), Point(2, Urgency.SelfCare, null), Point(3, Urgency.SelfCare, 2), Point(4, Urgency.SelfCare, 2)];

        var cut = RenderChart(points);

        Assert.Equal(4, cut.FindAll("circle.progress-pain-point").Count);
        Assert.Equal(2, cut.FindAll("svg.progress-chart-svg > path.progress-pain-line").Count);
        Assert.Equal("Not answered", cut.FindAll("tbody tr")[2].Children[1].TextContent);
        Assert.Equal(5, cut.FindAll("rect.progress-urgency-point").Count);
    }

    [Fact]
    public void ALongCauseNameStaysInTheTableAndLeavesTheDrawingAlone()
    {
        var longName = string.Concat(Enumerable.Repeat("Posterolateral-corner-injury-with-a-very-long-name ", 8)).Trim();
        SeriesPoint[] points = [Point(0, Urgency.SelfCare, 3, longName), Point(1, Urgency.SelfCare, 3, "None listed")];

        var cut = RenderChart(points);

        Assert.Equal(longName, cut.FindAll("tbody tr")[0].Children[3].TextContent);
        Assert.Equal("None listed", cut.FindAll("tbody tr")[1].Children[3].TextContent);
        Assert.DoesNotContain("Posterolateral", cut.Find("svg").TextContent, StringComparison.Ordinal);
        Assert.Equal("0 0 360 332", cut.Find("svg").GetAttribute("viewBox"));
    }

    [Fact]
    public void MarkupInANameIsShownAsText()
    {
        SeriesPoint[] points = [Point(0, Urgency.SelfCare, 3, "<img src=x onerror=alert(1)>Knee"), Point(1, Urgency.SelfCare, 3)];

        var cut = RenderChart(points);

        Assert.Empty(cut.FindAll("table img"));
        Assert.Equal("<img src=x onerror=alert(1)>Knee", cut.FindAll("tbody tr")[0].Children[3].TextContent);
    }

    [Fact]
    public void TheIdsFollowTheIdParameterSoTwoChartsCanShareAPage()
    {
        var cut = Render<ProgressChart>(p => p.Add(c => c.Points, Improving).Add(c => c.Id, "athlete-7"));

        Assert.Equal("athlete-7-title athlete-7-desc", cut.Find("svg").GetAttribute("aria-labelledby"));
        Assert.NotNull(cut.Find("#athlete-7-desc"));
    }

    [Fact]
    public void NextMorningPainAndTheActivitiesMeanAreDrawnWithTheirOwnShapesAndColumns()
    {
        SeriesPoint[] points =
        [
            Point(0, Urgency.SelfCare, 6) with { PainNextMorning = 5, ActivitiesMean = 3.5m },
            Point(7, Urgency.SelfCare, 5) with { PainNextMorning = 3, ActivitiesMean = 6m },
        ];

        var cut = RenderChart(points);

        Assert.Equal(2, cut.FindAll("svg.progress-chart-svg > path.progress-morning-point").Count);
        Assert.Equal(2, cut.FindAll("svg.progress-chart-svg > path.progress-activities-point").Count);
        Assert.Single(cut.FindAll("svg.progress-chart-svg > path.progress-activities-line"));
        Assert.Equal(3, cut.FindAll(".progress-legend li").Count);
        var headings = cut.FindAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Contains("Pain the morning after a run", headings);
        Assert.Contains("Activities, average (10 = as before)", headings);
        Assert.Equal(["6/10", "5/10", "3.5/10"], cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Take(3).Select(td => td.TextContent));
        Assert.Contains("Pain the morning after a run 5/10 at the first check and 3/10 at the latest.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("The latest check is better than the one before.", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AChartWithoutTheNewMeasuresDrawsPainAloneWithNoEmptyColumns()
    {
        var cut = RenderChart(Improving);

        Assert.Empty(cut.FindAll("path.progress-morning-point"));
        Assert.Single(cut.FindAll(".progress-legend li"));
        Assert.DoesNotContain(cut.FindAll("thead th"), th => th.TextContent.StartsWith("Activities", StringComparison.Ordinal));
    }

    [Fact]
    public void ABlankProgressScoreIsNotAskedOnACheckMadeBeforeItWasAskedAndNotAnsweredAfter()
    {
        // Walkers read "Not answered" on checks made before the morning-after and activities questions existed.
        SeriesPoint[] points =
        [
            Point(0, Urgency.SelfCare, 5) with { ProgressQuestionsAsked = false },
            Point(7, Urgency.SelfCare, 4),
            Point(14, Urgency.SelfCare, 3) with { PainNextMorning = 2, ActivitiesMean = 7m },
        ];

        var cut = RenderChart(points);

        var rows = cut.FindAll(".progress-table tbody tr").Select(row => row.QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["5/10", "Not asked", "Not asked"], rows[0]);
        Assert.Equal(["4/10", "Not answered", "Not answered"], rows[1]);
        Assert.Equal(["3/10", "2/10", "7/10"], rows[2]);
        Assert.Contains("Pain the morning after a run not asked at the first check and 2/10 at the latest.", cut.Find("svg desc").TextContent, StringComparison.Ordinal);
    }
}
