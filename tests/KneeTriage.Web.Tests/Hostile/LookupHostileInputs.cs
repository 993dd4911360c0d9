namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Unknown and malformed share tokens against every address that takes one, and garbage delete
/// keys against a result that exists (which must survive them all).
/// </summary>
internal sealed class LookupHostileInputs(string existingToken, Random random)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>
    /// Tokens to try. %00 is left out: the in-memory test server refuses to send a path holding a
    /// NUL (Kestrel answers 400 before the app sees it).
    /// </summary>
    public IEnumerable<string> Tokens()
    {
        for (var i = 0; i < 20; i++)
        {
            yield return new string(Enumerable.Range(0, 24).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        }

        yield return existingToken.ToUpperInvariant();
        yield return existingToken.ToLowerInvariant();
        yield return existingToken[..^1];
        yield return existingToken + "A";
        yield return existingToken[1..] + existingToken[0];
        yield return "A";
        yield return new string('A', 23);
        yield return new string('A', 25);
        yield return new string('A', 1_000);
        yield return new string('A', 8_000);
        yield return "..%2f..%2fappsettings.json";
        yield return "%2F";
        yield return "a%20b";
        yield return "%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80";
        yield return "%FF%FE%FD";
        yield return "%C0%AF";
        yield return "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        yield return "'%20OR%20'1'='1";
        yield return "AAAAAAAAAAAAAAAAAAAAAA==";
        yield return "AAAAAAAAAAAAAAAAAAAA+/AA";
        yield return "1";
        yield return "-1";
        yield return "null";
        yield return "undefined";
    }

    public IEnumerable<HostileRequest> All()
    {
        foreach (var token in Tokens())
        {
            var shown = token.Length > 40 ? $"{token[..20]}… ({token.Length:N0} chars)" : token;
            yield return Request("unknown or malformed token", $"GET /api/assessments/{shown}", HttpMethod.Get, $"/api/assessments/{token}") with { ExpectedStatus = 404 };
            yield return Request("unknown or malformed token", $"DELETE /api/assessments/{shown}", HttpMethod.Delete, $"/api/assessments/{token}", deleteKey: "whatever") with { ExpectedStatus = 404 };
            yield return Request("unknown or malformed token", $"GET /results/{shown}", HttpMethod.Get, $"/results/{token}") with { ExpectedStatus = 404 };
            yield return Request("unknown or malformed token", $"POST /results/{shown}?handler=Delete without antiforgery", HttpMethod.Post, $"/results/{token}?handler=Delete", form: true);
            yield return Request("unknown or malformed token", $"GET /results/{shown}/extra", HttpMethod.Get, $"/results/{token}/extra");
        }

        (string Method, string Path)[] wrongMethods =
        [
            ("PUT", "/api/assessments"), ("PATCH", "/api/assessments"), ("DELETE", "/api/assessments"), ("GET", "/api/assessments"),
            ("PUT", $"/api/assessments/{existingToken}"), ("PATCH", $"/api/assessments/{existingToken}"), ("POST", $"/api/assessments/{existingToken}"),
            ("POST", "/api/questionnaire"), ("DELETE", "/api/questionnaire"), ("PUT", $"/results/{existingToken}"), ("DELETE", $"/results/{existingToken}"),
        ];
        foreach (var (method, path) in wrongMethods)
        {
            yield return Request("wrong method", $"{method} {path.Replace(existingToken, "{token}", StringComparison.Ordinal)}", new HttpMethod(method), path);
        }

        string?[] keys = [null, "", " ", "wrong", existingToken, new string('k', 43), new string('k', 10_000), "%00", "k\u00e9y", "\t", existingToken + "," + existingToken];
        foreach (var key in keys)
        {
            var shown = key is null ? "(none)" : key.Length > 40 ? $"{key.Length:N0} chars" : key;
            yield return Request("garbage delete key", $"DELETE an existing result with X-Delete-Key {shown}", HttpMethod.Delete, $"/api/assessments/{existingToken}", deleteKey: key) with { ExpectedStatus = 404 };
        }
    }

    private static HostileRequest Request(string category, string description, HttpMethod method, string path, string? deleteKey = null, bool form = false) =>
        new(category, description, Expectation.Rejected, () =>
        {
            var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (deleteKey is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Delete-Key", deleteKey);
            }

            if (form)
            {
                message.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]);
            }

            return message;
        });
}
