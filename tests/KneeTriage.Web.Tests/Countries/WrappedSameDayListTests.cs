using KneeTriage.Web.Countries;
using KneeTriage.Web.Tests.Infrastructure;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.Countries;

/// <summary>
/// A tester in Ireland read "your GP or a GP out-of-hours service or an urgent GP appointment" (GP
/// three times) in the guide: its Markdown wraps "(NHS 111 or an urgent GP" and "appointment)" on
/// two lines, so only "NHS 111" was swapped. A same-day list broken by a line break is still the
/// country's same-day doctor, in every section that wraps it.
/// </summary>
public sealed class WrappedSameDayListTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Theory]
    [InlineData("IE", "/article/causes")]
    [InlineData("IE", "/article/faq")]
    [InlineData("US", "/article/faq")]
    public async Task AWrappedSameDayDoctorIsTheCountrysAndNamesTheGpOnce(string code, string path)
    {
        var client = await CountryViewer.ChoosingAsync(factory, code);

        var text = Normalise((await HtmlPage.LoadAsync(client, path)).Document.Body!.TextContent);

        Assert.DoesNotContain("or an urgent GP appointment", text, StringComparison.Ordinal);
        Assert.Contains($"Get seen the same day ({CountryTable.Default.Find(code).SameDayDoctor}) if any of these is true", text, StringComparison.Ordinal);
    }
}
