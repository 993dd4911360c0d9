using KneeTriage.Triage.Answers;
using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.ResultPage;
using Microsoft.Extensions.DependencyInjection;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// The footer of every page lists the same symptom at two levels: "a hot knee (red or not)" under
/// "get seen today" and "a hot knee (red or not) with a fever" under "go now"; "calf signs with a
/// higher clot risk" today, breathlessness with them now. Walkers looking for leave to wait stopped
/// at the gentler line, whose words matched theirs best. The footer reads from the most urgent
/// action down, and its same-day line says it holds only when none of the signs above is there.
/// </summary>
public sealed class FooterMostUrgentFirstTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("GB", "/")]
    [InlineData("US", "/check")]
    [InlineData("GB", "/article/symptoms")]
    [InlineData("GB", "same-day result")]
    public async Task TheFootersSameDaySignsComeAfterTheEmergencySignsAndCountOnlyWithoutThem(string code, string what)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);
        var page = what == "same-day result"
            ? (await ResultPosting.PostAndLoadAsync(client, RuleRaisingAnswers.Calm.With("hot-red-knee", new BooleanAnswer(true)), what)).Page
            : await HtmlPage.LoadAsync(client, what);

        var levels = page.Document.QuerySelectorAll("footer .footer-warnings [data-action]")
            .Select(level => (
                Action: DispositionIds.TryParse(level.GetAttribute("data-action"), out var action) ? action : Disposition.SelfCare,
                Lead: Normalise(level.QuerySelector(".warning-level-lead")?.TextContent ?? "")))
            .ToList();

        // The same-day signs may be in two lines (a doctor's, then the injury signs': NotAnInjuryGoesToADoctorTests).
        Assert.Equal([Disposition.CallEmergencyNumber, Disposition.GoToEmergencyDepartment, Disposition.SameDay], levels.Select(level => level.Action).Distinct());
        Assert.Equal([Disposition.CallEmergencyNumber, Disposition.GoToEmergencyDepartment], levels.Select(level => level.Action).Take(2));
        Assert.All(levels.Where(level => level.Action != Disposition.SameDay), level => Assert.DoesNotContain("none of the signs above", level.Lead, StringComparison.Ordinal));
        var onlyWithout = factory.Services.GetRequiredService<KnowledgeBase>().WarningSignsFor(Urgency.Urgent)!.ByService!.OnlyWithoutTheSignsAbove;
        foreach (var sameDay in levels.Where(level => level.Action == Disposition.SameDay).Select(level => level.Lead))
        {
            Assert.True(
                sameDay.StartsWith(onlyWithout + " Be seen ", StringComparison.Ordinal),
                $"{page.Url}: the footer's same-day line does not say it counts only without the signs above: \"{sameDay}\"");
        }
    }
}
