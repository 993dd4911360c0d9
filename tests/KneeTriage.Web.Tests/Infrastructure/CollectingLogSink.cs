using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Tests.Infrastructure;

/// <summary>Keeps every Serilog event an app host writes; register it as an <see cref="ILogEventSink"/> service.</summary>
public sealed class CollectingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
