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
}
