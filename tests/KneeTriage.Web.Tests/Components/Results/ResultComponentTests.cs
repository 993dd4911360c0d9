using System.Globalization;
using Bunit;
using KneeTriage.Triage.Engine;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.Components;

namespace KneeTriage.Web.Tests.Components.Results;

/// <summary>The result page's display pieces, rendered on their own.</summary>
public sealed class ResultComponentTests : BunitContext
{
    private static StoredCause Cause(string id, double probability, string[]? against = null) => new()
    {
        Id = id,
        Name = $"Name of {id}",
        Probability = probability,
        ReasonsFor = [$"A reason for {id}."],
        ReasonsAgainst = against ?? [],
        LearnMore = $"/article/causes#{id}",
    };

    [Theory]
    [InlineData(Urgency.Emergency, "urgency-emergency", "Emergency: call 999 now")]
    [InlineData(Urgency.Urgent, "urgency-urgent", "Urgent: be seen by a clinician today")]
    [InlineData(Urgency.SeeClinician, "urgency-see-clinician", "See a clinician in the coming days")]
    [InlineData(Urgency.SelfCare, "urgency-self-care", "Self-care: you can look after this yourself for now")]
    public void TheUrgencyBannerSaysTheLevelInWordsWithAnIconAndAColourClass(Urgency urgency, string cssClass, string words)
    {
        var cut = Render<UrgencyBanner>(p => p.Add(c => c.Urgency, urgency));

        var banner = cut.Find("section");
        Assert.Contains(cssClass, banner.ClassName, StringComparison.Ordinal);
        Assert.Equal(words, cut.Find(".urgency-level").TextContent);
        Assert.Equal("true", cut.Find("svg.urgency-icon").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void TheUrgencyBannerListsWhatToDoAndEachWarningSign()
    {
        var cut = Render<UrgencyBanner>(p => p
            .Add(c => c.Urgency, Urgency.Urgent)
            .Add(c => c.DoNow, ["Get seen today."])
            .Add(c => c.RedFlags, [new StoredRedFlag { Id = "cannot-bear-weight", Urgency = Urgency.Urgent, Message = "You cannot take four steps." }]));

        Assert.Equal(["Get seen today."], cut.FindAll(".do-now-list li").Select(li => li.TextContent));
        Assert.Equal(["You cannot take four steps."], cut.FindAll(".warning-sign-list li").Select(li => li.TextContent));
    }

    [Fact]
    public void CausesAreGroupedByBandRuleOutFirstAndNeverShowAPercentage()
    {
        var cut = Render<CauseList>(p => p
            .Add(c => c.Causes, [Cause("a", 0.91), Cause("b", 0.40), Cause("c", 0.04)])
            .Add(c => c.Bands, [CauseBand.FitsBest, CauseBand.AlsoPossible, CauseBand.AlsoPossible]));

        var bands = cut.FindAll(".cause-band");
        Assert.Equal(["Fits your answers best", "Also possible"], bands.Select(b => b.QuerySelector("h3")!.TextContent));
        Assert.Equal(["cause-a"], bands[0].QuerySelectorAll(".cause").Select(c => c.Id));
        Assert.Equal(["cause-b", "cause-c"], bands[1].QuerySelectorAll(".cause").Select(c => c.Id));
        Assert.DoesNotContain("%", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("91", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void BesideACauseToRuleOutNowTheWarningsCauseLeadsAndNoOtherCauseIsSaidToFitBest()
    {
        // The walkers' 13-year-old: "to rule out now: a hip problem" beside "fits your answers best:
        // runner's knee" read as "it is runner's knee". The API keeps fits-best; the page does not say it.
        var cut = Render<CauseList>(p => p
            .Add(c => c.Causes, [Cause("patellofemoral-pain", 0.91), Cause("b", 0.40), Cause("hip-referred-pain", 0.04)])
            .Add(c => c.Bands, [CauseBand.FitsBest, CauseBand.AlsoPossible, CauseBand.RuleOutNow]));

        var bands = cut.FindAll(".cause-band");
        Assert.Equal(["To rule out now", "Also possible"], bands.Select(b => b.QuerySelector("h3")!.TextContent));
        Assert.Equal("cause-hip-referred-pain", cut.FindAll(".cause")[0].Id);
        Assert.Equal(["cause-patellofemoral-pain", "cause-b"], bands[1].QuerySelectorAll(".cause").Select(c => c.Id));
        Assert.Contains("however likely or unlikely", bands[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("best", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WithNothingToRuleOutTheFirstBandSaysItFitsYourAnswersBest()
    {
        var cut = Render<CauseList>(p => p
            .Add(c => c.Causes, [Cause("a", 0.6), Cause("b", 0.3)])
            .Add(c => c.Bands, [CauseBand.FitsBest, CauseBand.AlsoPossible]));

        Assert.Equal("Fits your answers best", cut.Find("#band-fits-best").TextContent);
    }

    [Fact]
    public void EachCauseShowsReasonsForAndAgainstAndLinksToTheGuide()
    {
        var cut = Render<CauseList>(p => p
            .Add(c => c.Causes, [Cause("bakers-cyst", 0.5, ["No lump behind the knee."])])
            .Add(c => c.Bands, [CauseBand.FitsBest]));

        Assert.Equal("A reason for bakers-cyst.", cut.Find(".cause-reasons-for li").TextContent);
        Assert.Equal("No lump behind the knee.", cut.Find(".cause-reasons-against li").TextContent);
        Assert.Equal("/article/causes#bakers-cyst", cut.Find(".cause-learn-more a").GetAttribute("href"));
    }

    [Fact]
    public void NoCausesSaysSoInsteadOfAnEmptyList()
    {
        var cut = Render<CauseList>(p => p.Add(c => c.Causes, Array.Empty<StoredCause>()).Add(c => c.Bands, Array.Empty<CauseBand>()));

        Assert.Contains("do not point to any particular cause", cut.Find(".cause-list-empty").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Disposition.CallEmergencyNumber, "urgency-emergency", "Emergency: call 999 now")]
    [InlineData(Disposition.GoToEmergencyDepartment, "urgency-emergency", "Emergency: go to an emergency department now")]
    [InlineData(Disposition.SameDay, "urgency-urgent", "Urgent: be seen by a clinician today")]
    [InlineData(Disposition.BookAppointment, "urgency-see-clinician", "Book a GP or physiotherapist in the coming days")]
    [InlineData(Disposition.SelfCare, "urgency-self-care", "Self-care: you can look after this yourself for now")]
    public void TheDispositionPanelSaysTheActionInWordsWithAnIconAndAColourClass(Disposition disposition, string cssClass, string words)
    {
        var cut = Render<DispositionPanel>(p => p.Add(c => c.Disposition, disposition));

        Assert.Contains(cssClass, cut.Find("section").ClassName, StringComparison.Ordinal);
        Assert.Equal(words, cut.Find(".urgency-level").TextContent);
        Assert.Equal("true", cut.Find("svg.urgency-icon").GetAttribute("aria-hidden"));
    }

    [Fact]
    public void ABookedAppointmentsFindingsAreNotCalledWarningSigns()
    {
        // "Pain this severe should be examined" is a reason to be seen, not a warning sign.
        var cut = Render<DispositionPanel>(p => p
            .Add(c => c.Disposition, Disposition.BookAppointment)
            .Add(c => c.Action, ["Book an appointment."])
            .Add(c => c.Why, ["Pain this severe should be examined."]));

        Assert.Equal(["Why: what in your answers a clinician should check"], cut.FindAll("h3").Select(h => h.TextContent));
        Assert.DoesNotContain("warning sign", cut.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheDispositionPanelPutsLowerSignsUnderAlsoTellTheClinicianAndSpeaksToAParent()
    {
        var cut = Render<DispositionPanel>(p => p
            .Add(c => c.Disposition, Disposition.SameDay)
            .Add(c => c.Action, ["Be seen today."])
            .Add(c => c.ParentOrCarer, "Show this to a parent or carer now.")
            .Add(c => c.Why, ["A hot knee can be an infection."])
            .Add(c => c.TellClinician, ["Pain this severe should be examined."]));

        Assert.Equal("Show this to a parent or carer now.", cut.Find(".parent-or-carer").TextContent);
        Assert.Equal(["Be seen today."], cut.FindAll(".do-now-list li").Select(li => li.TextContent));
        Assert.Equal(["A hot knee can be an infection."], cut.FindAll(".warning-sign-list li").Select(li => li.TextContent));
        Assert.Equal(["Pain this severe should be examined."], cut.FindAll(".tell-clinician-list li").Select(li => li.TextContent));
        Assert.Equal(["Why: the warning signs in your answers", "Also tell the clinician"], cut.FindAll("h3").Select(h => h.TextContent));
    }

    [Fact]
    public void TheAnswerSummaryShowsEveryAnswerAndNotAnsweredForABlankOne()
    {
        AnswerLine[] lines =
        [
            new() { QuestionId = "age", StepId = "s", Question = "How old are you?", Answer = "38 years" },
            new() { QuestionId = "mechanical", StepId = "s", Question = "Any clicking?", Answer = "" },
        ];

        var cut = Render<AnswerSummary>(p => p.Add(c => c.Answers, lines));

        Assert.Equal(["How old are you?", "Any clicking?"], cut.FindAll("dt").Select(d => d.TextContent));
        // A blank is not a "None" the runner never gave.
        Assert.Equal(["38 years", "Not answered"], cut.FindAll("dd").Select(d => d.TextContent));
    }

    [Fact]
    public void TheSharePanelShowsTheLinkAndQrCodeAndHidesScriptOnlyButtons()
    {
        var cut = Render<SharePanel>(p => p
            .Add(c => c.ShareUrl, "https://example.test/results/abc")
            .Add(c => c.QrCodeSvg, new MarkupString(QrCodeSvg.Render("https://example.test/results/abc")))
            .Add(c => c.FhirUrl, "/api/assessments/abc/fhir"));

        Assert.Equal("https://example.test/results/abc", cut.Find("input#share-url").GetAttribute("value"));
        Assert.Equal("Link to this result", cut.Find("label[for=share-url]").TextContent);
        Assert.NotNull(cut.Find("svg.qr-code"));
        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("hidden"), $"'{b.TextContent}' shows without script."));
        // The FHIR download is a plain link: it works without script.
        Assert.Equal("/api/assessments/abc/fhir", cut.Find("a.share-fhir").GetAttribute("href"));
    }

    [Fact]
    public void TheQrCodeIsPlainSvgWithoutInlineStyles()
    {
        var svg = QrCodeSvg.Render("https://example.test/results/AAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"QR code", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TheQrCodeDrawsExactlyTheDarkModulesOfTheCode()
    {
        const string link = "https://kneetriage.example/results/AbCdEfGhIjKlMnOpQrStUvWx";
        var svg = QrCodeSvg.Render(link);

        // Each rectangle is one run of dark modules: "M{x} {y}h{n}v1h-{n}z".
        var drawn = new HashSet<(int X, int Y)>();
        foreach (System.Text.RegularExpressions.Match run in System.Text.RegularExpressions.Regex.Matches(svg, @"M(\d+) (\d+)h(\d+)v1h-\3z"))
        {
            var (x, y, length) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var i = 0; i < length; i++)
            {
                Assert.True(drawn.Add((x + i, y)), $"Module {x + i},{y} is drawn twice.");
            }
        }

        using var generator = new QRCoder.QRCodeGenerator();
        using var code = generator.CreateQrCode(link, QRCoder.QRCodeGenerator.ECCLevel.M);
        var expected = new HashSet<(int X, int Y)>();
        for (var y = 0; y < code.ModuleMatrix.Count; y++)
        {
            for (var x = 0; x < code.ModuleMatrix.Count; x++)
            {
                if (code.ModuleMatrix[y][x])
                {
                    expected.Add((x, y));
                }
            }
        }

        Assert.True(expected.SetEquals(drawn), $"{expected.Except(drawn).Count()} dark modules missing, {drawn.Except(expected).Count()} light ones drawn.");
    }
}
