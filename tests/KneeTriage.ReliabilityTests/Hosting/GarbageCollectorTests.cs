using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// The app runs on the runtime's segments collector (libclrgc.so), as its runtime configuration
/// asks (docs/decisions/0044): the library is loaded into the process that serves requests. A
/// runtime that no longer ships the library stops the app at start-up, and this test with it.
/// </summary>
public sealed class GarbageCollectorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheAppServesOnTheSegmentsCollector()
    {
        await using var app = await AppProcess.StartAsync(_folder.File("kt.db"));

        using var client = new HttpClient { BaseAddress = app.RootUri };
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(home.IsSuccessStatusCode, $"The home page answered {(int)home.StatusCode}. App output:{Environment.NewLine}{app.RecentOutput}");

        var mapped = await File.ReadAllTextAsync($"/proc/{app.ProcessId}/maps");
        Assert.True(mapped.Contains("/libclrgc.so", StringComparison.Ordinal), "The app process has not loaded libclrgc.so: it runs on the default (regions) collector.");
    }
}
