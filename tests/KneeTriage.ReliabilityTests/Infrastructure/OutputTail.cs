namespace KneeTriage.ReliabilityTests.Infrastructure;

/// <summary>
/// The last lines the app wrote, kept for failure messages. The app's output must be drained all
/// the time (a full pipe would stall its logger and so every request); only a tail is kept.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(the app wrote nothing)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
