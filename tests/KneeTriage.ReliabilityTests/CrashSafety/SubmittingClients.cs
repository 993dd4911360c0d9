using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>
/// Several clients POSTing valid answer sets back to back until the app dies under them. Every 201
/// with a complete body is recorded as acknowledged; a request cut off by the kill is not (its
/// client was never told it was stored). Anything else before the kill is a failure.
/// </summary>
internal sealed class SubmittingClients : IDisposable
{
    private static int s_sequence;

    private readonly HttpClient _client;
    private readonly int _round;
    private readonly ConcurrentQueue<AcknowledgedSubmission> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly TaskCompletionSource _firstAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _clients;
    private volatile bool _killed;
    private volatile bool _stopped;

    public SubmittingClients(Uri root, int clients, int round)
    {
        _round = round;
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(SubmitUntilKilledAsync))];
    }

    /// <summary>Completes at the first 201, so the kill lands while writes are flowing.</summary>
    public Task FirstAcknowledged => _firstAcknowledged.Task;

    public IReadOnlyCollection<AcknowledgedSubmission> Acknowledged => _acknowledged;

    /// <summary>What went wrong before the kill (wrong status codes, failed connections).</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Call just before killing the app: from here on a broken connection is expected.</summary>
    public void ExpectKill() => _killed = true;

    /// <summary>
    /// Ends every client after its current request: for an app that stays reachable (another
    /// instance behind the proxy took over), where no broken connection would end them.
    /// </summary>
    public void Stop() => _stopped = true;

    /// <summary>Waits for every client to notice the app is gone (or <see cref="Stop"/>).</summary>
    public Task StoppedAsync() => Task.WhenAll(_clients);

    public void Dispose() => _client.Dispose();

    private async Task SubmitUntilKilledAsync()
    {
        while (!_stopped)
        {
            var sequence = Interlocked.Increment(ref s_sequence);
            using var content = new StringContent(Infrastructure.AnswerSets.RequestBody(sequence), Encoding.UTF8, "application/json");
            try
            {
                using var response = await _client.PostAsync(new Uri("api/assessments", UriKind.Relative), content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _acknowledged.Enqueue(AcknowledgedSubmission.FromCreatedBody(body, _round));
                    _firstAcknowledged.TrySetResult();
                }
                else if (!_killed)
                {
                    _failures.Enqueue($"POST answered {(int)response.StatusCode}: {Shorten(body)}");
                    await Task.Delay(10);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                if (_killed)
                {
                    return;
                }

                _failures.Enqueue($"POST failed before the kill: {exception.GetType().Name}: {exception.Message}");
                await Task.Delay(10);
            }

            // An app that fails every request would otherwise keep this loop spinning until the kill.
            if (_failures.Count > 1000)
            {
                return;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
