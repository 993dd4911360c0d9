using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KneeTriage.Triage.Knowledge.Yaml;

/// <summary>
/// Remembers how far parsing got, because some malformed YAML makes YamlDotNet throw an
/// exception without a position; the loader still wants to say which line to look at.
/// </summary>
internal sealed class LineTrackingParser(IParser inner) : IParser
{
    public long LastGoodLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastGoodLine = current.End.Line;
        }

        return moved;
    }
}
