using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace KneeTriage.Triage.Knowledge.Yaml;

/// <summary>
/// One node of a knowledge-base file, with the file name, line and a readable path, so every
/// error can say exactly where the content is wrong ("conditions.yaml line 12, condition 'x': ...").
/// </summary>
internal sealed class YamlEntry
{
    private readonly YamlNode _node;

    public YamlEntry(string file, string path, YamlNode node)
    {
        File = file;
        Path = path;
        _node = node;
    }

    public string File { get; }

    public string Path { get; }

    public long Line => _node.Start.Line;

    public KnowledgeBaseException Error(string message) =>
        new($"{File} line {Line.ToString(CultureInfo.InvariantCulture)}, {Path}: {message}");

    /// <summary>The same node described by a better name, e.g. "question 'age'" instead of "item 3".</summary>
    public YamlEntry Named(string path) => new(File, path, _node);

    /// <summary>Rejects keys the loader does not know, so a typo in a key never passes silently.</summary>
    public void AllowOnly(params string[] keys)
    {
        foreach (var (key, value) in Pairs())
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                throw value.Error($"unknown key '{key}'; the keys here are: {string.Join(", ", keys)}");
            }
        }
    }

    /// <summary>True for a mapping of keys to values, where a list item may be plain text or a mapping.</summary>
    public bool IsMapping => _node is YamlMappingNode;

    public IReadOnlyList<(string Key, YamlEntry Value)> Pairs()
    {
        if (_node is not YamlMappingNode mapping)
        {
            throw Error("expected a mapping of keys to values");
        }

        var pairs = new List<(string, YamlEntry)>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : throw new YamlEntry(File, Path, keyNode).Error("a key must be plain text");
            pairs.Add((key, new YamlEntry(File, $"{Path} > {key}", valueNode)));
        }

        return pairs;
    }

    public YamlEntry? Optional(string key)
    {
        foreach (var (k, value) in Pairs())
        {
            if (k == key)
            {
                return value;
            }
        }

        return null;
    }

    public YamlEntry Required(string key) => Optional(key) ?? throw Error($"'{key}' is missing");

    public IReadOnlyList<YamlEntry> Items()
    {
        if (_node is not YamlSequenceNode sequence)
        {
            throw Error("expected a list");
        }

        return sequence.Children.Select((child, i) => new YamlEntry(File, $"{Path} > item {(i + 1).ToString(CultureInfo.InvariantCulture)}", child)).ToList();
    }

    public string Text()
    {
        if (_node is not YamlScalarNode { Value: { } value })
        {
            throw Error("expected text (put text that contains \": \" in quotes)");
        }

        return value;
    }

    public string RequiredText(string key)
    {
        var entry = Required(key);
        var text = entry.Text().Trim();
        return text.Length > 0 ? text : throw entry.Error("must not be empty");
    }

    public string? OptionalText(string key) => Optional(key) is { } entry ? entry.Text().Trim() : null;

    public IReadOnlyList<string> TextList(string key) =>
        Optional(key) is { } entry ? entry.Items().Select(item => item.Text().Trim()).ToList() : [];

    public int? OptionalInteger(string key) => Optional(key)?.Integer();

    public int Integer() =>
        int.TryParse(Text(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"expected a whole number, found '{Text()}'");

    public double Number()
    {
        if (!double.TryParse(Text(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"expected a finite number, found '{Text()}'");
        }

        return value;
    }

    public bool Boolean() => Text() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        var other => throw Error($"expected true or false, found '{other}'"),
    };

    public bool OptionalBoolean(string key, bool fallback) => Optional(key)?.Boolean() ?? fallback;

    /// <summary>Reads a file's root as a mapping; YAML syntax errors name the file and line.</summary>
    public static YamlEntry ReadFile(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        var parser = new LineTrackingParser(new YamlDotNet.Core.Parser(reader));
        try
        {
            stream.Load(parser);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new KnowledgeBaseException($"{file} line {ex.Start.Line.ToString(CultureInfo.InvariantCulture)}: the YAML cannot be read: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some syntax errors this way, without a position.
            throw new KnowledgeBaseException($"{file} line {parser.LastGoodLine.ToString(CultureInfo.InvariantCulture)}: the YAML cannot be read near here (check brackets and quotes).", ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new KnowledgeBaseException($"{file}: expected exactly one YAML document, found {stream.Documents.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        return new YamlEntry(file, "top level", stream.Documents[0].RootNode);
    }
}
