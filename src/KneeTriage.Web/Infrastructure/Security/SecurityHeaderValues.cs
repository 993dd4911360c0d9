namespace KneeTriage.Web.Infrastructure.Security;

/// <summary>
/// The values of the security headers sent with every response. One place, so the threat model,
/// the README and the tests can point at them.
/// </summary>
public static class SecurityHeaderValues
{
    /// <summary>
    /// Everything comes from this origin; no inline script or style at all (no nonce or hash
    /// either): pages keep their JavaScript in wwwroot/js and their CSS in wwwroot/css.
    /// data: images are allowed for small embedded icons; nothing may frame the site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public const string ContentTypeOptions = "nosniff";

    /// <summary>Token routes get no-referrer from Routing/SecretRouteHeaders; the middleware leaves a value already set alone.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// The site needs no device features. browsing-topics replaces the retired interest-cohort
    /// (FLoC), which current Chromium reports as an unrecognised feature in the console.
    /// Clipboard and Web Share stay at their same-origin default: the share panel uses them.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

    public const string CrossOriginResourcePolicy = "same-origin";

    /// <summary>For browsers too old for CSP frame-ancestors.</summary>
    public const string FrameOptions = "DENY";

    /// <summary>One year, sent only over HTTPS (browsers ignore it over HTTP anyway).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";
}
