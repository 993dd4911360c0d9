using System.Text.RegularExpressions;
using KneeTriage.Web.Data;
using Serilog.Core;
using Serilog.Events;

namespace KneeTriage.Web.Infrastructure.LogPrivacy;

/// <summary>
/// A last line of defence for log privacy: whatever logged the event (our code, ASP.NET Core's
/// routing at Debug, a future library), any value shaped like a share token (24 URL-safe
/// characters) or a delete key (43) is replaced before a sink sees it. Path redaction in
/// Logging/ keeps request lines readable; this catches the token where no one thought to look:
/// generated links, route values, arguments.
/// </summary>
public sealed partial class SecretRedactingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, redacted));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The value with every token-shaped run masked; the same instance when there was none.</summary>
    public static LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = Redact(text);
                return ReferenceEquals(redacted, text) ? value : new ScalarValue(redacted);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Redact).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
                return properties.Select(p => p.Value).SequenceEqual(structure.Properties.Select(p => p.Value))
                    ? value
                    : new StructureValue(properties, structure.TypeTag);
            case DictionaryValue dictionary:
                var pairs = dictionary.Elements
                    .Select(pair => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Redact(pair.Key), Redact(pair.Value)))
                    .ToList();
                return pairs.Zip(dictionary.Elements).All(p => ReferenceEquals(p.First.Key, p.Second.Key) && ReferenceEquals(p.First.Value, p.Second.Value))
                    ? value
                    : new DictionaryValue(pairs);
            default:
                return value;
        }
    }

    public static string Redact(string text) =>
        HasRunOfSecretLength(text) && TokenShaped().IsMatch(text) ? TokenShaped().Replace(text, SensitivePath.Mask) : text;

    /// <summary>
    /// A cheap first look for the regex: is there a run of exactly 24 or 43 base64url characters?
    /// Every property of every log event passes through here (trace ids, paths, names), and almost
    /// none has such a run, so most skip the regex. The regex then applies its finer rules.
    /// </summary>
    private static bool HasRunOfSecretLength(string text)
    {
        if (text.Length < ShareToken.Length)
        {
            return false;
        }

        var run = 0;
        foreach (var character in text)
        {
            if (ShareToken.IsBase64UrlCharacter(character))
            {
                run++;
                continue;
            }

            if (run is ShareToken.Length or DeleteKey.Length)
            {
                return true;
            }

            run = 0;
        }

        return run is ShareToken.Length or DeleteKey.Length;
    }

    /// <summary>
    /// A run of exactly 24 or 43 base64url characters, not part of a longer run (GUIDs are 36, hashes
    /// 64) nor the last part of a dotted name (Serilog.AspNetCore.RequestLoggingMiddleware is 24 letters).
    /// </summary>
    [GeneratedRegex("(?<![A-Za-z0-9_.-])(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{24})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShaped();
}
