using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Logging;

/// <summary>
/// ASP.NET Core adds the raw request path (and, for some events, the full URL) to every log event
/// written during a request; this rewrites those properties through <see cref="SensitivePath"/>
/// so no sink ever receives a share token.
/// </summary>
public sealed class SensitivePathEnricher : ILogEventEnricher
{
    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value)
                && value is ScalarValue { Value: string path })
            {
                var redacted = SensitivePath.Redact(path);
                if (!ReferenceEquals(redacted, path))
                {
                    logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty(name, redacted));
                }
            }
        }
    }
}
