using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace KneeTriage.Web.Questionnaire;

/// <summary>The draft as read from the request; <see cref="WasUnreadable"/> when a cookie was there but could not be read.</summary>
public sealed record DraftReading(QuestionnaireDraft Draft, bool WasUnreadable);

/// <summary>
/// Keeps the questionnaire draft in the browser, encrypted and signed with data protection, so no
/// instance holds state another instance would need. HttpOnly and SameSite=Lax; scoped to /check;
/// a session cookie that also expires after a day. A cookie that no longer decrypts (keys rotated,
/// or tampered with) means starting again, and the page says so.
/// </summary>
/// <remarks>
/// Browsers silently drop a cookie over about 4 KB, and a dropped draft sent the runner round the
/// same steps for ever. So the draft's JSON is compressed before it is protected, and the
/// framework's <see cref="ChunkingCookieManager"/> splits whatever is still too long into cookies
/// that each fit (it reassembles them, and deletes every one). Drafts written before this (one
/// cookie, uncompressed JSON) still read: their protected bytes start with the JSON's "{".
/// </remarks>
public sealed class DraftCookie(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Name = "kt-check-draft";
    private const string CookiePath = "/check";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// The most the draft's cookies may hold together (names, values and separators, as the browser
    /// sends them back in its one Cookie header): nginx's default buffer for a header line is 8 KB,
    /// and the antiforgery and country cookies travel beside the draft. The longest draft the form
    /// can make is far below this (tests/README.md); over it, the step says so and keeps the draft.
    /// </summary>
    public const int MaxCookieHeaderBytes = 6000;

    /// <summary>Marks a compressed draft; an older draft's bytes start with the JSON's '{' instead.</summary>
    private const byte CompressedJson = 0x01;

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("KneeTriage.Questionnaire.Draft.v1").ToTimeLimitedDataProtector();

    // 4050 (the framework's default) keeps every Set-Cookie, attributes included, under 4096 bytes.
    private readonly ChunkingCookieManager _cookies = new() { ChunkSize = 4050, ThrowForPartialCookies = false };

    public DraftReading Read(HttpRequest request)
    {
        var protectedValue = _cookies.GetRequestCookie(request.HttpContext, Name);
        if (string.IsNullOrEmpty(protectedValue))
        {
            return new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: false);
        }

        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(protectedValue), out _);
            var draft = JsonSerializer.Deserialize<QuestionnaireDraft>(Json(bytes));
            return draft is null
                ? new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: true)
                : new DraftReading(draft, WasUnreadable: false);
        }
        // InvalidOperationException: Brotli's word for bytes it cannot decode.
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException or InvalidDataException or InvalidOperationException)
        {
            return new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: true);
        }
    }

    /// <summary>
    /// Writes the draft; false, writing nothing, when it would be too long for the browser to send
    /// back (the draft already kept stays as it was, so nothing answered before is lost).
    /// </summary>
    public bool Write(HttpResponse response, QuestionnaireDraft draft)
    {
        if (draft.Id is null)
        {
            draft = draft with { Id = Data.ShareToken.Create() };
        }

        var expires = time.GetUtcNow().Add(Lifetime);
        var value = WebEncoders.Base64UrlEncode(_protector.Protect(Compressed(draft), expires));
        if (CookieHeaderBytes(value) > MaxCookieHeaderBytes)
        {
            return false;
        }

        _cookies.AppendResponseCookie(response.HttpContext, Name, value, Options(response.HttpContext.Request));
        DeleteChunksLeftOver(response);
        return true;
    }

    public void Clear(HttpResponse response) => _cookies.DeleteCookie(response.HttpContext, Name, Options(response.HttpContext.Request));

    /// <summary>The bytes the draft's cookies would take in the Cookie header: each chunk's name, "=", value and "; ".</summary>
    private static int CookieHeaderBytes(string value)
    {
        // A chunk holds a little less than 4050 characters of value; 3900 over-counts the chunks, never under.
        var chunks = value.Length <= 3900 ? 0 : (value.Length + 3899) / 3900;
        return chunks == 0
            ? Name.Length + 1 + value.Length
            : Name.Length + 1 + $"chunks-{chunks}".Length + (chunks * (Name.Length + 5)) + value.Length + (chunks * 2);
    }

    /// <summary>
    /// A draft that shrank to fewer chunks (or to one cookie) leaves the request's extra chunks in
    /// the browser; the reader ignores them, but they would ride along in every request.
    /// </summary>
    private static void DeleteChunksLeftOver(HttpResponse response)
    {
        var request = response.HttpContext.Request;
        var written = response.Headers.SetCookie.Count(c => c is not null && c.StartsWith(Name + "C", StringComparison.Ordinal));
        for (var chunk = written + 1; request.Cookies.ContainsKey($"{Name}C{chunk}"); chunk++)
        {
            response.Cookies.Delete($"{Name}C{chunk}", Options(request));
        }
    }

    private static byte[] Compressed(QuestionnaireDraft draft)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte(CompressedJson);
        using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, draft);
        }

        return buffer.ToArray();
    }

    private static ReadOnlySpan<byte> Json(byte[] bytes)
    {
        if (bytes is not [CompressedJson, ..])
        {
            // A draft written before compression: the JSON itself.
            return bytes;
        }

        using var brotli = new BrotliStream(new MemoryStream(bytes, 1, bytes.Length - 1), CompressionMode.Decompress);
        using var json = new MemoryStream();
        brotli.CopyTo(json);
        return json.ToArray();
    }

    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = CookiePath,
        IsEssential = true,
    };
}
