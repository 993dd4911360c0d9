// Tells the server the viewer's time zone, so a board's times are shown in it (Boards/ViewerTimeZone.cs).
// Only the IANA zone id is sent, only to /boards pages. Without it the board shows dates only.
(function () {
    "use strict";

    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }

    if (typeof zone !== "string" || zone.length > 64 || !/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) {
        return;
    }

    var cookie = "kt-tz=" + zone + "; Path=/boards; Max-Age=31536000; SameSite=Lax";
    if (location.protocol === "https:") {
        cookie += "; Secure";
    }
    document.cookie = cookie;
})();
