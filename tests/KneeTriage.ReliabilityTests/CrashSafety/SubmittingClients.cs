using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>
/// Several clients POSTing valid answer sets back to back until the app dies under them. Every 201
/// with a complete body is recorded as acknowledged; a request cut off by the kill is not (its
/// client was never told it was stored). Anything else before the kill is a failure; after it,
/// every answer is still counted (<see cref="AcknowledgedAfterKill"/>, <see cref="FailuresAfterKill"/>),
/// so a test with a surviving instance behind a proxy can demand that the survivor took over.
/// </summary>
internal sealed class SubmittingClients : IDisposable
{
    private static int s_sequence;

    private readonly HttpClient _client;
    private readonly int _round;
    private readonly ConcurrentQueue<AcknowledgedSubmission> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _failuresAfterKill = new();
    private readonly bool _survivorExpected;
    private int _acknowledgedAfterKill;
    private readonly TaskCompletionSource _firstAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _clients;
    private volatile bool _killed;
    private volatile bool _stopped;

    /// <param name="survivorExpected">Another instance behind a proxy answers after the kill: a client
    /// keeps submitting after a failed request instead of taking it as the app's death.</param>
    public SubmittingClients(Uri root, int clients, int round, bool survivorExpected = false)
    {
        _round = round;
        _survivorExpected = survivorExpected;
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

    /// <summary>201s to requests sent after <see cref="ExpectKill"/>: behind a proxy, only the surviving instance can give them.</summary>
    public int AcknowledgedAfterKill => Volatile.Read(ref _acknowledgedAfterKill);

    /// <summary>Every other answer (or failed request) after <see cref="ExpectKill"/>: behind a proxy, a runner who saw a submission fail.</summary>
    public IReadOnlyCollection<string> FailuresAfterKill => _failuresAfterKill;

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
            var sentAfterKill = _killed;
            using var content = new StringContent(Infrastructure.AnswerSets.RequestBody(sequence), Encoding.UTF8, "application/json");
            try
            {
                using var response = await _client.PostAsync(new Uri("api/assessments", UriKind.Relative), content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _acknowledged.Enqueue(AcknowledgedSubmission.FromCreatedBody(body, _round));
                    _firstAcknowledged.TrySetResult();
                    if (sentAfterKill)
                    {
                        Interlocked.Increment(ref _acknowledgedAfterKill);
                    }
                }
                else
                {
                    (_killed ? _failuresAfterKill : _failures).Enqueue($"POST answered {(int)response.StatusCode}: {Shorten(body)}");
                    await Task.Delay(10);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                if (_killed && !_survivorExpected)
                {
                    return;
                }

                (_killed ? _failuresAfterKill : _failures).Enqueue($"POST failed {(_killed ? "after" : "before")} the kill: {exception.GetType().Name}: {exception.Message}");
                await Task.Delay(10);
            }

            // An app that fails every request would otherwise keep this loop spinning until the kill.
            if (_failures.Count + _failuresAfterKill.Count > 1000)
            {
                return;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
