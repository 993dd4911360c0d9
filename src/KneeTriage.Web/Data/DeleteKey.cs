using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace KneeTriage.Web.Data;

/// <summary>
/// The secret that lets the creator of a result delete it. Only its SHA-256 hash is stored; 256
/// random bits make a plain (unsalted, fast) hash safe here, unlike a password.
/// </summary>
public static class DeleteKey
{
    /// <summary>32 random bytes in base64url without padding.</summary>
    public const int Length = 43;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string deleteKey) => SHA256.HashData(Encoding.UTF8.GetBytes(deleteKey));

    /// <summary>Constant-time comparison so response timing reveals nothing about the stored hash.</summary>
    public static bool Matches(string? deleteKey, byte[] storedHash) =>
        !string.IsNullOrEmpty(deleteKey) && CryptographicOperations.FixedTimeEquals(Hash(deleteKey), storedHash);

    /// <summary>Whether the key is any of these; every hash is compared, each in constant time, so timing tells nothing either.</summary>
    public static bool MatchesAny(string? deleteKey, IEnumerable<byte[]> storedHashes)
    {
        if (string.IsNullOrEmpty(deleteKey))
        {
            return false;
        }

        var hash = Hash(deleteKey);
        var matches = false;
        foreach (var candidate in storedHashes)
        {
            matches |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return matches;
    }
}
