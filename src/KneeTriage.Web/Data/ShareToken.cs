using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace KneeTriage.Web.Data;

/// <summary>
/// The random, URL-safe token that names a stored result in links. 144 random bits (more than the
/// 128 the contract asks for) encode to exactly 24 base64url characters, so a malformed token can
/// be turned away without touching the database.
/// </summary>
public static class ShareToken
{
    private const int RandomBytes = 18;

    public const int Length = 24;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True when <paramref name="candidate"/> has the shape of a token (it may still name nothing).</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? candidate) =>
        candidate is { Length: Length } && candidate.All(IsBase64UrlCharacter);

    /// <summary>A character of the base64url alphabet, which share tokens and delete keys are written in.</summary>
    public static bool IsBase64UrlCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
