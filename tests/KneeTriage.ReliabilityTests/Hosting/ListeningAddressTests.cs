using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// The published app listens where the standard settings say, as every ASP.NET Core app does
/// (a `Urls` key in appsettings.json used to outrank ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS).
/// </summary>
public sealed class ListeningAddressTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(nameof(UrlSetting.CommandLine))]
    [InlineData(nameof(UrlSetting.AspNetCoreUrls))]
    [InlineData(nameof(UrlSetting.AspNetCoreHttpPorts))]
    public async Task TheAppListensWhereTheStandardSettingSays(string settingName)
    {
        var setting = Enum.Parse<UrlSetting>(settingName);
        // StartAsync waits for /healthz on the port it asked for; an app listening elsewhere never answers there.
        await using var app = await AppProcess.StartAsync(new AppLaunch { ConnectionString = $"Data Source={_folder.File("kt.db")}", Url = setting });

        using var client = new HttpClient { BaseAddress = app.RootUri };
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(home.IsSuccessStatusCode, $"With {setting} the home page answered {(int)home.StatusCode}. App output:{Environment.NewLine}{app.RecentOutput}");
    }
}
