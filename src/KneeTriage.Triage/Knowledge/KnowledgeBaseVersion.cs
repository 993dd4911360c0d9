using System.Security.Cryptography;
using System.Text;

namespace KneeTriage.Triage.Knowledge;

/// <summary>
/// The knowledge-base version: a short hash of every YAML file's name and bytes, in name order,
/// so the same files always give the same version on any machine and any change gives a new one.
/// </summary>
internal static class KnowledgeBaseVersion
{
    public static string Compute(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(directory, "*.yaml").OrderBy(Path.GetFileName, StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
