using System.Diagnostics;
using System.Net;
using System.Text;
using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// A closed-loop load: <see cref="Connections"/> workers, each on its own keep-alive connection,
/// send the next request as soon as the last one is answered, for a fixed time, while the app's
/// resident memory is sampled. Each worker has its own seeded random, so the mix is repeatable.
/// </summary>
internal sealed class LoadGenerator(AppProcess app, string databasePath, LoadTargets targets, TimeSpan duration)
{
    public const int Connections = 256;

    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(2);

    private static int s_sequence = 1_000_000;

    public LoadTally Tally { get; } = new();

    public List<MemorySample> Samples { get; } = [];

    /// <summary>Per kind, every latency in milliseconds.</summary>
    public Dictionary<RequestKind, List<double>> Latencies { get; } = [];

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Creates the HttpClient the load uses: one pool of up to 256 loopback connections.</summary>
    public static HttpClient CreateClient(Uri root) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        // Every worker connects at once at the start; the app must accept them all, quickly.
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        BaseAddress = root,
        // A request not answered in 30 s counts as a failure: no runner waits that long.
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task RunAsync()
    {
        using var client = CreateClient(app.RootUri);
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        using var sampling = new CancellationTokenSource();
        var sampler = SampleMemoryAsync(clock, sampling.Token);
        var workers = Enumerable.Range(0, Connections)
            .Select(i => Task.Run(() => WorkAsync(client, i, clock, deadline)))
            .ToArray();
        var perWorker = await Task.WhenAll(workers);
        Elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        Samples.Add(Sample(clock));

        foreach (var (kind, milliseconds) in perWorker.SelectMany(w => w))
        {
            if (!Latencies.TryGetValue(kind, out var list))
            {
                Latencies[kind] = list = [];
            }

            list.Add(milliseconds);
        }
    }

    private async Task<List<(RequestKind, double)>> WorkAsync(HttpClient client, int worker, Stopwatch clock, TimeSpan deadline)
    {
        var random = new Random(worker);
        var latencies = new List<(RequestKind, double)>(1024);
        while (clock.Elapsed < deadline)
        {
            var kind = RequestMix.Pick(random);
            using var request = Build(kind, random);
            var started = clock.Elapsed;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var status = (int)response.StatusCode;
                if (kind == RequestKind.Submission && status == 201)
                {
                    targets.Remember(LoadTargets.IdOf(await response.Content.ReadAsStringAsync()), random);
                }

                latencies.Add((kind, (clock.Elapsed - started).TotalMilliseconds));
                Tally.Answered(kind, status, request.RequestUri?.OriginalString ?? "?");
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                Tally.Failed(kind, exception);
            }
        }

        return latencies;
    }

    private HttpRequestMessage Build(RequestKind kind, Random random) => kind switch
    {
        RequestKind.HomePage => Get("/"),
        RequestKind.ArticlePage => Get($"/article/{targets.Slugs[random.Next(targets.Slugs.Count)]}"),
        RequestKind.QuestionnairePage => Get("/check"),
        RequestKind.Stylesheet => Get("/css/site.css"),
        RequestKind.ResultPage => Get($"/results/{targets.StoredBeforeLoad(random)}"),
        RequestKind.ResultApi => Get($"/api/assessments/{targets.Fresh(random)}"),
        RequestKind.Submission => new HttpRequestMessage(HttpMethod.Post, new Uri("/api/assessments", UriKind.Relative))
        {
            Content = new StringContent(AnswerSets.RequestBody(Interlocked.Increment(ref s_sequence)), Encoding.UTF8, "application/json"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No request for this kind."),
    };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    private MemorySample Sample(Stopwatch clock)
    {
        var wal = new FileInfo(databasePath + "-wal");
        return new MemorySample(clock.Elapsed, app.ResidentBytes, Tally.Completed, wal.Exists ? wal.Length : 0);
    }

    private async Task SampleMemoryAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        Samples.Add(Sample(clock));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Samples.Add(Sample(clock));
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }
}
