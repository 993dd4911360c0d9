using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Hosting;

/// <summary>
/// The request log is written by a background writer (Serilog.Sinks.Async around the console):
/// a request never waits for its log line, and the lines still reach the console, the last ones
/// included when the app is stopped.
/// </summary>
public sealed class RequestLogTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RequestLinesReachTheConsoleAndTheLastOnesAreWrittenOnStop()
    {
        var app = await AppProcess.StartAsync(_folder.File("kt.db"));
        await using (app)
        {
            using var client = new HttpClient { BaseAddress = app.RootUri };
            using var missing = await client.GetAsync(new Uri("/api/assessments/NoSuchResult0123456789ab", UriKind.Relative));
            Assert.Equal(404, (int)missing.StatusCode);

            await app.StopGracefullyAsync();

            // The path is redacted (it carries a capability token); the line itself must be there.
            Assert.Contains("HTTP GET /api/assessments/{redacted} responded 404", app.RecentOutput, StringComparison.Ordinal);
            // The host's own last line, written as it stops: nothing waiting in the writer's queue is lost on a clean stop.
            Assert.Contains("Application is shutting down", app.RecentOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RequestsAreAnsweredWhenNobodyReadsTheLog()
    {
        var app = await AppProcess.StartAsync(new AppLaunch { ConnectionString = $"Data Source={_folder.File("kt.db")}", ReadOutput = false });
        await using (app)
        {
            // Each request logs a line of about 110 bytes: 1,500 lines are more than twice what a pipe
            // holds (64 KB on Linux), so with a synchronous console a request would wait for ever for its
            // line once the pipe is full; here each must answer within the client's 30 s.
            using var client = new HttpClient { BaseAddress = app.RootUri, Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 1500; i++)
            {
                using var response = await client.GetAsync(new Uri($"/api/assessments/NoSuchResult{i:D12}", UriKind.Relative));
                Assert.Equal(404, (int)response.StatusCode);
            }
        }
    }
}
