using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Infrastructure.LogPrivacy;

/// <summary>
/// ASP.NET Core puts the request path on every event written during a request, its request lines
/// carry the query string, and routing logs the links it generates; this rewrites every string
/// property through <see cref="SensitivePath"/> and drops query strings, so no sink ever receives
/// a share token or a delete key, whatever log level an operator chooses.
/// </summary>
public sealed class SensitivePathEnricher : ILogEventEnricher
{
    /// <summary>
    /// Properties MVC fills with route values and handler arguments (at Information and Trace
    /// level): a bare token there has no path prefix to recognise it by, so they are dropped whole.
    /// </summary>
    private static readonly HashSet<string> ValueCarryingProperties = new(StringComparer.Ordinal) { "Arguments", "RouteData" };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? rewritten = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (ValueCarryingProperties.Contains(name))
            {
                (rewritten ??= []).Add(new LogEventProperty(name, new ScalarValue(SensitivePath.Mask)));
                continue;
            }

            if (value is not ScalarValue { Value: string text })
            {
                continue;
            }

            // A query string may hold a token; the app never needs one in its logs.
            var redacted = name == "QueryString" && text.Length > 0 ? "?" + SensitivePath.Mask : SensitivePath.Redact(text);
            if (!ReferenceEquals(redacted, text))
            {
                (rewritten ??= []).Add(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }

        foreach (var property in rewritten ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }
}
