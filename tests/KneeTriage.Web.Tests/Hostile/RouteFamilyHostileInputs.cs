using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>The real ids a route family's hostile requests aim at: a result, a board, a share, and their keys.</summary>
internal sealed record HostileTargets(string ResultToken, string ResultDeleteKey, string BoardId, string JoinId, string BoardDeleteKey, string ShareId)
{
    /// <summary>What no answer may ever show: both delete keys (sent in requests, never to be echoed).</summary>
    public IEnumerable<(string What, string Value)> Secrets =>
        [("the result's delete key", ResultDeleteKey), ("the board's delete key", BoardDeleteKey)];
}

/// <summary>
/// Generated hostile requests (seeded, so a failure replays) for each route family: the assessment
/// API, boards, shares, /join, /my-results, /results, /check and the articles, plus unsupported
/// methods and the error page on every family. Paths, bodies, form fields, cookies and headers
/// are drawn from <see cref="Nasty"/> fragments and random bytes.
/// </summary>
internal sealed class RouteFamilyHostileInputs(HostileTargets targets, Random random)
{
    public static readonly string[] Families = ["assessment API", "boards", "shares", "join", "my-results", "results", "check", "articles"];

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Fragments that have broken web apps before: injection, traversal, encodings, sizes, controls.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "a", "0", "-1", "1e309", "NaN", "null", "true", "[]", "{}", "\"", "'", "\\", "%", "%%", "%ZZ", "%C0%AF", "%FF%FE",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"Assessments\"; --", "' OR '1'='1",
        "../../../../etc/passwd", "..\\..\\web.config", "{{7*7}}", "${jndi:ldap://x/a}", "@{1+1}", "\r\nSet-Cookie: x=1", "\u202Egnp.exe",
        "e\u0301\u0301\u0301", "😀😀😀", "\uFFFD", "\u0007\u0008\u001B", new string('A', 24), new string('x', 5_000), new string('9', 400),
    ];

    /// <summary>The requests for one family (one of <see cref="Families"/>).</summary>
    public IEnumerable<HostileProbe> For(string family) => family switch
    {
        "assessment API" => AssessmentApi(),
        "boards" => Boards(),
        "shares" => Shares(),
        "join" => Join(),
        "my-results" => MyResults(),
        "results" => Results(),
        "check" => Check(),
        "articles" => Articles(),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "no such route family"),
    };

    /// <summary>Methods no page or endpoint supports, on one address of every family (TRACE answered 500 once).</summary>
    public IEnumerable<HostileProbe> UnsupportedMethods()
    {
        string[] paths =
        [
            "/api/assessments", $"/api/assessments/{targets.ResultToken}", "/api/boards", $"/api/boards/{targets.BoardId}", "/api/shares", $"/api/shares/{targets.ShareId}",
            $"/boards/{targets.BoardId}", "/boards/new", $"/join/{targets.JoinId}", "/my-results", $"/results/{targets.ResultToken}", $"/results/{targets.ResultToken}/share",
            "/check", "/check/warning-signs", "/check/review", "/article/causes", "/", "/api-docs", "/no-such-page",
        ];
        foreach (var path in paths)
        {
            foreach (var method in new[] { "TRACE", "OPTIONS", "PUT", "PATCH", "PROPFIND", "DELETE", "CONNECTX" })
            {
                yield return Probe("unsupported method", $"{method} {Shown(path)}", new HttpMethod(method), path);
            }
        }
    }

    /// <summary>The error page asked for directly, with codes real and made up.</summary>
    public IEnumerable<HostileProbe> ErrorPage()
    {
        foreach (var path in new[] { "/error", "/error/", "/error/0", "/error/200", "/error/400", "/error/404", "/error/429", "/error/500", "/error/503", "/error/999", "/error/-1", "/error/99999999999", "/error/abc" })
        {
            yield return Probe("error page", $"GET {path}", HttpMethod.Get, path);
            yield return Probe("error page", $"POST {path}", HttpMethod.Post, path, Form(("x", Pick())));
            yield return Probe("error page", $"HEAD {path}", HttpMethod.Head, path);
        }
    }

    private IEnumerable<HostileProbe> AssessmentApi()
    {
        for (var i = 0; i < 60; i++)
        {
            yield return Probe("assessment API", $"POST /api/assessments, random JSON #{i}", HttpMethod.Post, "/api/assessments", Json(RandomJson(depth: 0)));
            yield return Probe("assessment API", $"POST /api/assessments, answers with random values #{i}", HttpMethod.Post, "/api/assessments",
                Json(new JsonObject { ["answers"] = RandomAnswers(), ["follows"] = random.Next(3) == 0 ? targets.ResultToken : Pick() }));
        }

        foreach (var token in Tokens())
        {
            yield return Probe("assessment API", $"GET /api/assessments/{Shown(token)}", HttpMethod.Get, $"/api/assessments/{token}");
            if (token != targets.ResultToken)
            {
                yield return Probe("assessment API", $"DELETE /api/assessments/{Shown(token)} with another result's key", HttpMethod.Delete, $"/api/assessments/{token}", key: targets.ResultDeleteKey);
            }
        }

        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-7", "application/xml", "" })
        {
            yield return Probe("assessment API", $"POST /api/assessments as {contentType}", HttpMethod.Post, "/api/assessments", Raw("{\"answers\":{}}", contentType));
        }
    }

    private IEnumerable<HostileProbe> Boards()
    {
        for (var i = 0; i < 40; i++)
        {
            yield return Probe("boards", $"POST /api/boards, random JSON #{i}", HttpMethod.Post, "/api/boards", Json(RandomJson(depth: 0)));
            yield return Probe("boards", $"POST /api/boards, name #{i}", HttpMethod.Post, "/api/boards", Json(new JsonObject { ["name"] = Pick(), [Pick()] = Pick() }));
            yield return Probe("boards", $"POST /boards/new, garbage form #{i}", HttpMethod.Post, "/boards/new", Form(("Name", Pick()), ("__RequestVerificationToken", Pick())));
        }

        foreach (var token in Tokens())
        {
            yield return Probe("boards", $"GET /api/boards/{Shown(token)}", HttpMethod.Get, $"/api/boards/{token}");
            if (token != targets.BoardId)
            {
                yield return Probe("boards", $"DELETE /api/boards/{Shown(token)} with another board's key", HttpMethod.Delete, $"/api/boards/{token}", key: targets.BoardDeleteKey);
            }

            yield return Probe("boards", $"GET /boards/{Shown(token)}", HttpMethod.Get, $"/boards/{token}");
        }

        foreach (var handler in new[] { "Remove", "Delete", "Stop", Pick(), Pick() })
        {
            yield return Probe("boards", $"POST /boards/{{board}}?handler={Shown(handler)}, garbage form", HttpMethod.Post,
                $"/boards/{targets.BoardId}?handler={Uri.EscapeDataString(handler)}", Form(("shareId", Pick()), ("key", targets.BoardDeleteKey)));
            yield return Probe("boards", $"GET /boards/{{board}}?handler={Shown(handler)} with a garbage board-key cookie", HttpMethod.Get,
                $"/boards/{targets.BoardId}?handler={Uri.EscapeDataString(handler)}", cookie: $"kt-board-key={Uri.EscapeDataString(Pick())}");
        }
    }

    private IEnumerable<HostileProbe> Shares()
    {
        for (var i = 0; i < 40; i++)
        {
            yield return Probe("shares", $"POST /api/shares, random JSON #{i}", HttpMethod.Post, "/api/shares", Json(RandomJson(depth: 0)));
            yield return Probe("shares", $"POST /api/shares, real join id and garbage #{i}", HttpMethod.Post, "/api/shares",
                Json(new JsonObject { ["joinId"] = random.Next(2) == 0 ? targets.JoinId : Pick(), ["resultId"] = random.Next(2) == 0 ? targets.ResultToken : Pick(), ["displayName"] = Pick() }),
                key: random.Next(2) == 0 ? targets.BoardDeleteKey : Pick());
            yield return Probe("shares", $"POST /results/{{token}}/share, garbage form #{i}", HttpMethod.Post, $"/results/{targets.ResultToken}/share",
                Form(("JoinLink", Pick()), ("DisplayName", Pick()), ("__RequestVerificationToken", Pick())));
        }

        foreach (var token in Tokens())
        {
            yield return Probe("shares", $"DELETE /api/shares/{Shown(token)} with the board's key", HttpMethod.Delete, $"/api/shares/{token}", key: targets.BoardDeleteKey);
            yield return Probe("shares", $"GET /results/{Shown(token)}/share", HttpMethod.Get, $"/results/{token}/share");
        }
    }

    private IEnumerable<HostileProbe> Join()
    {
        foreach (var token in Tokens())
        {
            yield return Probe("join", $"GET /join/{Shown(token)}", HttpMethod.Get, $"/join/{token}");
            yield return Probe("join", $"POST /join/{Shown(token)}, garbage form", HttpMethod.Post, $"/join/{token}", Form(("ResultId", Pick()), ("DisplayName", Pick())));
        }

        for (var i = 0; i < 40; i++)
        {
            yield return Probe("join", $"POST /join/{{join}}, garbage form #{i}", HttpMethod.Post, $"/join/{targets.JoinId}",
                Form(("ResultId", random.Next(2) == 0 ? targets.ResultToken : Pick()), ("DisplayName", Pick()), ("__RequestVerificationToken", Pick()), (Pick(), Pick())));
            yield return Probe("join", $"GET /join/{{join}}?{i} with garbage cookies", HttpMethod.Get, $"/join/{targets.JoinId}?q={Uri.EscapeDataString(Pick())}",
                cookie: $"kt-r-{Uri.EscapeDataString(Pick())}={Uri.EscapeDataString(Pick())}; kt-delete-key={Uri.EscapeDataString(Pick())}");
        }
    }

    private IEnumerable<HostileProbe> MyResults()
    {
        for (var i = 0; i < 60; i++)
        {
            var cookie = string.Join("; ", Enumerable.Range(0, 1 + random.Next(4)).Select(_ =>
                $"kt-r-{(random.Next(2) == 0 ? targets.ResultToken : Uri.EscapeDataString(Pick()))}={Uri.EscapeDataString(random.Next(3) == 0 ? targets.ResultDeleteKey : Pick())}"));
            yield return Probe("my-results", $"GET /my-results with garbage result cookies #{i}", HttpMethod.Get, "/my-results", cookie: cookie);
            yield return Probe("my-results", $"POST /my-results?handler=Delete, garbage #{i}", HttpMethod.Post, $"/my-results?handler={(random.Next(2) == 0 ? "Delete" : "DeleteAll")}",
                Form(("token", Pick()), ("__RequestVerificationToken", Pick())), cookie: cookie);
            yield return Probe("my-results", $"GET /my-results?{i}, garbage query", HttpMethod.Get, $"/my-results?deleted={Uri.EscapeDataString(Pick())}&handler={Uri.EscapeDataString(Pick())}");
        }
    }

    private IEnumerable<HostileProbe> Results()
    {
        foreach (var token in Tokens())
        {
            yield return Probe("results", $"GET /results/{Shown(token)} with the real key as cookie", HttpMethod.Get, $"/results/{token}", cookie: $"kt-delete-key={targets.ResultDeleteKey}");
            yield return Probe("results", $"POST /results/{Shown(token)}?handler=Delete, garbage", HttpMethod.Post, $"/results/{token}?handler=Delete", Form(("__RequestVerificationToken", Pick())));
        }

        for (var i = 0; i < 40; i++)
        {
            yield return Probe("results", $"GET /results/{{token}}?handler=…#{i}", HttpMethod.Get, $"/results/{targets.ResultToken}?handler={Uri.EscapeDataString(Pick())}&{Uri.EscapeDataString(Pick())}={Uri.EscapeDataString(Pick())}",
                cookie: $"kt-delete-key={Uri.EscapeDataString(Pick())}");
            yield return Probe("results", $"POST /results/{{token}}?handler=CheckAgain, garbage #{i}", HttpMethod.Post, $"/results/{targets.ResultToken}?handler={(random.Next(2) == 0 ? "CheckAgain" : "Delete")}",
                Form(("__RequestVerificationToken", Pick()), (Pick(), Pick())), cookie: $"kt-delete-key={Uri.EscapeDataString(random.Next(2) == 0 ? targets.ResultDeleteKey : Pick())}");
        }
    }

    private IEnumerable<HostileProbe> Check()
    {
        string[] steps = ["warning-signs", "pain", "review", "emergency", "you-and-training"];
        for (var i = 0; i < 60; i++)
        {
            var step = random.Next(3) == 0 ? Uri.EscapeDataString(Pick()) : steps[random.Next(steps.Length)];
            yield return Probe("check", $"GET /check/{Shown(step)}?… #{i}", HttpMethod.Get, $"/check/{step}?{Uri.EscapeDataString(Pick())}={Uri.EscapeDataString(Pick())}",
                cookie: $"kt-check-draft={Uri.EscapeDataString(Pick())}");
            yield return Probe("check", $"POST /check/{Shown(step)}, garbage form #{i}", HttpMethod.Post, $"/check/{step}",
                Form(("__RequestVerificationToken", Pick()), ("age", Pick()), ("pain-location", Pick()), (Pick(), Pick())), cookie: $"kt-check-draft={Uri.EscapeDataString(Pick())}");
        }

        yield return Probe("check", "POST /check?handler=Restart, garbage", HttpMethod.Post, "/check?handler=Restart", Form(("__RequestVerificationToken", Pick())));
    }

    private IEnumerable<HostileProbe> Articles()
    {
        string[] slugs = ["causes", "introduction", "welcome"];
        for (var i = 0; i < 60; i++)
        {
            var slug = random.Next(2) == 0 ? Uri.EscapeDataString(Pick()) : slugs[random.Next(slugs.Length)];
            var method = random.Next(3) == 0 ? HttpMethod.Head : HttpMethod.Get;
            yield return new HostileProbe("articles", $"{method} /article/{Shown(slug)} with garbage headers #{i}", () =>
            {
                var message = new HttpRequestMessage(method, new Uri($"/article/{slug}?{Uri.EscapeDataString(Pick())}={Uri.EscapeDataString(Pick())}", UriKind.Relative));
                message.Headers.TryAddWithoutValidation("Accept-Encoding", Pick(["br", "gzip", "br;q=NaN", "*;q=0", "gzip, gzip, gzip", "identity;q=0", Pick()]));
                message.Headers.TryAddWithoutValidation("If-Modified-Since", Pick(["Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", Pick()]));
                message.Headers.TryAddWithoutValidation("If-None-Match", Pick(["*", "\"x\"", "W/\"\"", Pick()]));
                message.Headers.TryAddWithoutValidation("Range", Pick(["bytes=0-0", "bytes=-1", "bytes=99999999-", "bytes=5-1", Pick()]));
                return message;
            });
        }

        foreach (var path in new[] { "/article", "/article/", "/article/causes/extra", "/article/%2e%2e%2fappsettings.json", "/article/causes.md", "/api-docs?x=%ZZ", "/?" + new string('q', 6_000) })
        {
            yield return Probe("articles", $"GET {Shown(path)}", HttpMethod.Get, path);
        }
    }

    private IEnumerable<string> Tokens()
    {
        for (var i = 0; i < 12; i++)
        {
            yield return new string(Enumerable.Range(0, 24).Select(_ => TokenAlphabet[random.Next(TokenAlphabet.Length)]).ToArray());
        }

        // The other kind of id in each place (a result token as a board id, a join id as a share id...).
        foreach (var id in new[] { targets.ResultToken, targets.BoardId, targets.JoinId, targets.ShareId })
        {
            yield return id;
            yield return id.ToUpperInvariant();
        }

        for (var i = 0; i < 12; i++)
        {
            yield return Uri.EscapeDataString(Pick());
        }

        yield return RandomPercentBytes(24);
    }

    private JsonNode? RandomJson(int depth)
    {
        return (depth > 3 ? random.Next(4) : random.Next(7)) switch
        {
            0 => JsonValue.Create(Pick()),
            1 => JsonValue.Create(random.Next(3) switch { 0 => random.Next(), 1 => -random.NextDouble() * 1e300, _ => 0.5 }),
            2 => JsonValue.Create(random.Next(2) == 0),
            3 => null,
            4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth + 1))]),
            _ => RandomObject(depth + 1),
        };
    }

    private JsonObject RandomObject(int depth)
    {
        var json = new JsonObject();
        foreach (var key in new[] { "answers", "follows", "name", "joinId", "resultId", "displayName", Pick() }.OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
        {
            json[key] = RandomJson(depth);
        }

        return json;
    }

    private JsonObject RandomAnswers()
    {
        string[] ids = ["age", "pain-type", "pain-location", "pain-severity", "onset", "duration", "fever", "clot-risk", "swelling", "injury", "history", "cannot-bear-weight"];
        var answers = new JsonObject();
        foreach (var id in ids.OrderBy(_ => random.Next()).Take(1 + random.Next(ids.Length)))
        {
            answers[id] = RandomJson(depth: 3);
        }

        if (random.Next(3) == 0)
        {
            answers[Pick()] = RandomJson(depth: 3);
        }

        return answers;
    }

    private string Pick() => random.Next(8) == 0 ? RandomPercentBytes(1 + random.Next(12)) : Nasty[random.Next(Nasty.Length)];

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>Random bytes as text: some are not UTF-8, some are controls.</summary>
    private string RandomPercentBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        // Decoding keeps the NUL out of paths (the in-memory server will not send one, Kestrel answers 400 itself).
        return Uri.UnescapeDataString(string.Concat(bytes.Select(b => b == 0 ? "%01" : "%" + b.ToString("X2", CultureInfo.InvariantCulture))));
    }

    private static string Shown(string text) => text.Length > 40 ? $"{text[..20]}… ({text.Length:N0} chars)" : text;

    private static Func<HttpContent> Json(JsonNode? body) => () => new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    private static Func<HttpContent> Raw(string body, string contentType) => () =>
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        if (contentType.Length > 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    };

    private static Func<HttpContent> Form(params (string Name, string Value)[] fields) => () => new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static HostileProbe Probe(string family, string description, HttpMethod method, string path, Func<HttpContent>? content = null, string? key = null, string? cookie = null) =>
        new(family, description, () =>
        {
            var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content?.Invoke() };
            if (key is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Delete-Key", key);
            }

            if (cookie is not null)
            {
                message.Headers.TryAddWithoutValidation("Cookie", cookie);
            }

            return message;
        });
}

/// <summary>One generated request of a route family; <see cref="Build"/> makes a fresh message each time.</summary>
internal sealed record HostileProbe(string Family, string Description, Func<HttpRequestMessage> Build);
