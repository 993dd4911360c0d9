using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Logging;

/// <summary>
/// ASP.NET Core adds the raw request path to every log event written during a request, and its
/// own request lines carry the query string too; this rewrites those properties so no sink ever
/// receives a share token or a delete key, whatever log level an operator chooses.
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

        // A query string may hold a token; the app never needs one in its logs.
        if (logEvent.Properties.TryGetValue("QueryString", out var query)
            && query is ScalarValue { Value: string { Length: > 0 } })
        {
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("QueryString", "?" + SensitivePath.Mask));
        }
    }
}
