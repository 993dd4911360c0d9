using System.Collections.Concurrent;

namespace KneeTriage.ReliabilityTests.Load;

/// <summary>Every answer and every failure of the load, counted from all workers at once.</summary>
internal sealed class LoadTally
{
    private readonly ConcurrentDictionary<(RequestKind Kind, int Status), long> _answers = new();
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _examples = new();
    private long _completed;

    /// <summary>Requests that got an HTTP answer, whatever its status.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public long ServerErrors => _answers.Where(a => a.Key.Status >= 500).Sum(a => a.Value);

    /// <summary>Answers other than the one a valid request should get (200, or 201 for a submission), 5xx included.</summary>
    public long Unexpected => _answers.Where(a => a.Key.Status != Expected(a.Key.Kind)).Sum(a => a.Value);

    /// <summary>Requests that got no HTTP answer at all: refused or reset connections, timeouts.</summary>
    public long FailedConnections => _failures.Values.Sum();

    public IEnumerable<string> Examples => _examples.Take(10);

    public IEnumerable<string> FailureKinds => _failures.Select(f => $"{f.Value} x {f.Key}");

    public IEnumerable<string> Breakdown =>
        _answers.OrderBy(a => a.Key.Kind).ThenBy(a => a.Key.Status).Select(a => $"{a.Key.Kind} {a.Key.Status}: {a.Value}");

    public static int Expected(RequestKind kind) => kind == RequestKind.Submission ? 201 : 200;

    public void Answered(RequestKind kind, int status, string path)
    {
        _answers.AddOrUpdate((kind, status), 1, (_, n) => n + 1);
        Interlocked.Increment(ref _completed);
        if (status != Expected(kind) && _examples.Count < 10)
        {
            _examples.Enqueue($"{kind} {path} answered {status}");
        }
    }

    public void Failed(RequestKind kind, Exception exception)
    {
        var what = $"{kind}: {exception.GetType().Name}: {exception.Message}";
        _failures.AddOrUpdate(what.Length > 200 ? what[..200] : what, 1, (_, n) => n + 1);
    }
}
