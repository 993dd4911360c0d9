using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace KneeTriage.Web.Questionnaire;

/// <summary>The draft as read from the request; <see cref="WasUnreadable"/> when a cookie was there but could not be read.</summary>
public sealed record DraftReading(QuestionnaireDraft Draft, bool WasUnreadable);

/// <summary>
/// Keeps the questionnaire draft in the browser, encrypted and signed with data protection, so no
/// instance holds state another instance would need. HttpOnly and SameSite=Lax; scoped to /check;
/// a session cookie that also expires after a day. A cookie that no longer decrypts (keys rotated,
/// or tampered with) means starting again, and the page says so.
/// </summary>
public sealed class DraftCookie(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Name = "kt-check-draft";
    private const string CookiePath = "/check";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("KneeTriage.Questionnaire.Draft.v1").ToTimeLimitedDataProtector();

    public DraftReading Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var protectedValue) || string.IsNullOrEmpty(protectedValue))
        {
            return new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: false);
        }

        try
        {
            var json = _protector.Unprotect(protectedValue, out _);
            var draft = JsonSerializer.Deserialize<QuestionnaireDraft>(json);
            return draft is null
                ? new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: true)
                : new DraftReading(draft, WasUnreadable: false);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return new DraftReading(QuestionnaireDraft.Empty, WasUnreadable: true);
        }
    }

    public void Write(HttpResponse response, QuestionnaireDraft draft)
    {
        if (draft.Id is null)
        {
            draft = draft with { Id = Data.ShareToken.Create() };
        }

        var json = JsonSerializer.Serialize(draft);
        var expires = time.GetUtcNow().Add(Lifetime);
        response.Cookies.Append(Name, _protector.Protect(json, expires), Options(response.HttpContext.Request));
    }

    public void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(response.HttpContext.Request));

    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = CookiePath,
        IsEssential = true,
    };
}
