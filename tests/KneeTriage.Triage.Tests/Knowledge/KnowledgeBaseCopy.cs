using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Triage.Tests.Knowledge;

/// <summary>A throwaway copy of the shipped knowledge base that a test may edit, then load.</summary>
internal sealed class KnowledgeBaseCopy : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kt-kb-" + Guid.NewGuid().ToString("N"));

    public KnowledgeBaseCopy()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(ShippedKnowledgeBase.Directory))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    public void Replace(string file, string find, string replaceWith)
    {
        var path = Path.Combine(Directory, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The test expected '{find}' in {file}; the shipped file has changed.");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), replaceWith, text.AsSpan(at + find.Length)));
    }

    public void Append(string file, string text) => File.AppendAllText(Path.Combine(Directory, file), text);

    public KnowledgeBase Load() => KnowledgeBaseLoader.Load(Directory);
}
