using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Generates hostile requests for the JSON API from a fixed seed, so a failure names an input
/// that can be replayed. Questions, types and options come from GET /api/questionnaire, so new
/// questions are attacked too.
/// </summary>
internal sealed class ApiHostileInputs(JsonElement questionnaire, Random random)
{
    private const string Endpoint = "/api/assessments";
    private const int MaxBodyBytes = 32 * 1024;

    /// <summary>Answers the contract accepts (self-care, no warning sign); every attack starts from it.</summary>
    public static readonly JsonObject ValidAnswers = new()
    {
        ["age"] = 34,
        ["pain-type"] = "dull-ache",
        ["pain-severity"] = 3,
        ["pain-location"] = new JsonArray("back-center"),
        ["onset"] = "gradual",
        ["duration"] = "3-to-14-days",
        ["injury"] = "none",
        ["stiffness"] = "none",
        ["cannot-bear-weight"] = false,
        ["fever"] = false,
        ["hot-red-knee"] = false,
        ["breathless-or-chest-pain"] = false,
        ["calf-cramp-on-exertion"] = false,
        ["deformity"] = false,
    };

    public static string ValidBody => new JsonObject { ["answers"] = ValidAnswers.DeepClone() }.ToJsonString();

    public IEnumerable<HostileRequest> All() =>
        WrongTypes()
            .Concat(HugeNumbers())
            .Concat(UnknownQuestions())
            .Concat(NotAnAnswersObject())
            .Concat(DeepNesting())
            .Concat(LongStrings())
            .Concat(InvalidUtf8())
            .Concat(DuplicateKeys())
            .Concat(WrongContentTypes())
            .Concat(Oversize())
            .Concat(Truncated())
            .Concat(Mutated(600));

    private IEnumerable<(string Id, string Type, string[] Options, int? Min, int? Max)> Questions() =>
        questionnaire.GetProperty("questions").EnumerateArray().Select(q => (
            q.GetProperty("id").GetString() ?? "",
            q.GetProperty("type").GetString() ?? "",
            q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString() ?? "").ToArray(),
            q.TryGetProperty("min", out var min) ? min.GetInt32() : (int?)null,
            q.TryGetProperty("max", out var max) ? max.GetInt32() : (int?)null));

    private IEnumerable<HostileRequest> WrongTypes()
    {
        foreach (var (id, type, options, min, max) in Questions())
        {
            var first = options.FirstOrDefault() ?? "x";
            string[] badValues = type switch
            {
                "int" => ["\"34\"", "3.5", "true", "false", "null", "{}", "[]", "[34]", "\"\"", "-1", $"{(min ?? 0) - 1}", $"{(max ?? 100) + 1}", "2147483648", "-2147483649"],
                "bool" => ["\"true\"", "\"yes\"", "1", "0", "null", "{}", "[]", "[true]", "\"\""],
                "one" => ["1", "true", "null", "{}", "[]", $"[\"{first}\"]", "\"not-an-option\"", "\"\"", $"\"{first.ToUpperInvariant()}\"", $"\" {first}\"", $"\"{first}\\u0000\"", "\"<script>alert(1)</script>\""],
                _ => [$"\"{first}\"", "[1]", "[null]", "[true]", "[[]]", "[{}]", "[\"not-an-option\"]", $"[\"{first}\",\"{first}\"]", "{}", "true", "null", "1", $"[\"{first}\",\"\"]"],
            };
            foreach (var bad in badValues)
            {
                yield return Post("wrong type", $"{id} ({type}) = {Shorten(bad)}", Expectation.Rejected, WithAnswer(id, bad));
            }
        }
    }

    private IEnumerable<HostileRequest> HugeNumbers()
    {
        string[] huge = ["1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "1E+9999999999", "123456789012345678901234567890.5", "79228162514264337593543950336", "1e308", "-0.0000001", "34.000000000000000000001"];
        // Too small for decimal: they round to 0, a whole value written with an exponent, which is now
        // rejected as not an integer; storing one as 0 would not be wrong either, so only a 5xx fails.
        string[] tiny = ["1e-400", "4.9e-324", "-1e-400"];
        foreach (var (id, _, _, _, _) in Questions().Where(q => q.Type == "int"))
        {
            foreach (var number in huge)
            {
                yield return Post("huge number", $"{id} = {number}", Expectation.Rejected, WithAnswer(id, number));
            }

            foreach (var number in tiny)
            {
                yield return Post("huge number", $"{id} = {number}", Expectation.NoServerError, WithAnswer(id, number));
            }
        }

        foreach (var number in huge.Take(4))
        {
            yield return Post("huge number", $"a boolean answered {number}", Expectation.Rejected, WithAnswer("fever", number));
            yield return Post("huge number", $"the whole body is {number}", Expectation.Rejected, Utf8(number));
        }
    }

    private IEnumerable<HostileRequest> UnknownQuestions()
    {
        string[] keys = ["x", "", " ", "AGE", "age ", "__proto__", "constructor", "answers", "pain_type", "age\\u0000", "\\ud83d\\ude00", new string('k', 10_000), "<img src=x onerror=alert(1)>", "'; DROP TABLE Assessments; --"];
        foreach (var key in keys)
        {
            yield return Post("unknown question", $"extra key {Shorten(key)}", Expectation.Rejected, WithAnswer(key, "1", rawKey: true));
        }

        for (var i = 0; i < 10; i++)
        {
            var many = string.Join(",", Enumerable.Range(0, 50 + random.Next(1500)).Select(n => $"\"q{n}\":{n}"));
            yield return Post("unknown question", $"{many.Length} bytes of unknown keys", Expectation.Rejected,
                Utf8(ValidBody.Replace("{\"age\"", "{" + many + ",\"age\"", StringComparison.Ordinal)));
        }
    }

    private static IEnumerable<HostileRequest> NotAnAnswersObject()
    {
        string[] bodies = ["{}", "[]", "null", "true", "1", "\"answers\"", "{\"answers\":[]}", "{\"answers\":null}", "{\"answers\":\"x\"}", "{\"answers\":1}",
            "{\"answers\":{}}", "{\"Answers\":" + ValidAnswers.ToJsonString() + "}", "{\"ANSWERS\":" + ValidAnswers.ToJsonString() + "}",
            "[" + ValidBody + "]", "{\"answers\":[" + ValidAnswers.ToJsonString() + "]}", " ", "\n\t", "{\"answers\":{\"age\":34}}"];
        foreach (var body in bodies)
        {
            yield return Post("not an answers object", Shorten(body), Expectation.Rejected, Utf8(body));
        }
    }

    private static IEnumerable<HostileRequest> DeepNesting()
    {
        foreach (var depth in new[] { 63, 64, 65, 100, 1_000, 10_000 })
        {
            var arrays = new string('[', depth) + new string(']', depth);
            yield return Post("deep nesting", $"{depth} nested arrays as the body", Expectation.Rejected, Utf8(arrays));
            yield return Post("deep nesting", $"{depth} nested arrays as an answer", Expectation.Rejected, WithAnswer("pain-location", arrays));
            var objects = string.Concat(Enumerable.Repeat("{\"a\":", Math.Min(depth, 5_000))) + "1" + new string('}', Math.Min(depth, 5_000));
            yield return Post("deep nesting", $"{Math.Min(depth, 5_000)} nested objects as an answer", Expectation.Rejected, WithAnswer("age", objects));
        }

        var unclosed = new string('[', 10_000);
        yield return Post("deep nesting", "10,000 unclosed arrays", Expectation.Rejected, Utf8(unclosed));
        yield return Post("deep nesting", "10,000 unclosed objects", Expectation.Rejected, Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 6_000))));
    }

    private static IEnumerable<HostileRequest> LongStrings()
    {
        foreach (var length in new[] { 1_000, 30_000, 100_000 })
        {
            var text = new string('a', length);
            var expect = length > MaxBodyBytes ? "413" : "400";
            yield return Post("long string", $"{length:N0}-character option ({expect})", Expectation.Rejected, WithAnswer("pain-type", $"\"{text}\""));
            yield return Post("long string", $"{length:N0}-character list item ({expect})", Expectation.Rejected, WithAnswer("pain-location", $"[\"{text}\"]"));
            yield return Post("long string", $"{length:N0}-character key ({expect})", Expectation.Rejected, WithAnswer(text, "1", rawKey: true));
            yield return Post("long string", $"{length:N0}-character number ({expect})", Expectation.Rejected, WithAnswer("age", "1" + new string('0', length)));
        }

        yield return Post("long string", "a list of 3,500 options", Expectation.Rejected,
            WithAnswer("pain-triggers", "[" + string.Join(",", Enumerable.Repeat("\"stairs\"", 3_500)) + "]"));
    }

    private static IEnumerable<HostileRequest> InvalidUtf8()
    {
        byte[][] sequences = [[0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3]];
        var body = Encoding.UTF8.GetBytes(ValidBody);
        var optionAt = IndexOf(body, "dull-ache") + 4;
        var keyAt = IndexOf(body, "onset") + 2;
        foreach (var bytes in sequences)
        {
            var hex = Convert.ToHexString(bytes);
            yield return Post("invalid UTF-8", $"bytes {hex} inside an option", Expectation.Rejected, Splice(body, optionAt, bytes));
            yield return Post("invalid UTF-8", $"bytes {hex} inside a question id", Expectation.Rejected, Splice(body, keyAt, bytes));
            yield return Post("invalid UTF-8", $"bytes {hex} before the body", Expectation.Rejected, Splice(body, 0, bytes));
        }

        foreach (var escape in new[] { "\\ud800", "\\udfff", "\\ud800\\ud800", "\\u0000", "\\uZZZZ", "\\x41" })
        {
            yield return Post("invalid UTF-8", $"escape {escape} in an option", Expectation.Rejected, WithAnswer("pain-type", $"\"dull{escape}ache\""));
            yield return Post("invalid UTF-8", $"escape {escape} in a question id", Expectation.Rejected, WithAnswer($"on{escape}set", "\"gradual\"", rawKey: true));
        }

        yield return Post("invalid UTF-8", "a UTF-16 body", Expectation.NoServerError, () => new ByteArrayContent(Encoding.Unicode.GetBytes(ValidBody)), "application/json; charset=utf-16");
        yield return Post("invalid UTF-8", "a byte-order mark before valid JSON", Expectation.NoServerError, Splice(body, 0, [0xEF, 0xBB, 0xBF]));
    }

    private static IEnumerable<HostileRequest> DuplicateKeys()
    {
        foreach (var (id, value) in ValidAnswers)
        {
            var repeated = ValidAnswers.ToJsonString().TrimEnd('}') + $",{JsonSerializer.Serialize(id)}:{value!.ToJsonString()}}}";
            yield return Post("duplicate key", $"{id} twice, same value", Expectation.Rejected, Utf8("{\"answers\":" + repeated + "}"));
            var other = ValidAnswers.ToJsonString().TrimEnd('}') + $",{JsonSerializer.Serialize(id)}:null}}";
            yield return Post("duplicate key", $"{id} twice, then null", Expectation.Rejected, Utf8("{\"answers\":" + other + "}"));
        }

        yield return Post("duplicate key", "answers twice", Expectation.NoServerError, Utf8("{\"answers\":{},\"answers\":" + ValidAnswers.ToJsonString() + "}"));
        yield return Post("duplicate key", "answers twice, the second empty", Expectation.NoServerError, Utf8("{\"answers\":" + ValidAnswers.ToJsonString() + ",\"answers\":{}}"));
    }

    private static IEnumerable<HostileRequest> WrongContentTypes()
    {
        string?[] types = [null, "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "application/jsonp", "application/javascript", "text/json-ish", "json", "application/", "*/*", "application/json, text/plain", "image/svg+xml"];
        foreach (var type in types)
        {
            yield return Post("wrong content type", type ?? "(none)", Expectation.Rejected, () => new ByteArrayContent(Encoding.UTF8.GetBytes(ValidBody)), type) with { ExpectedStatus = 415 };
        }

        var formPost = Post("wrong content type", "a form post of the answers", Expectation.Rejected,
            () => new FormUrlEncodedContent([new("age", "34"), new("pain-type", "dull-ache")]), contentType: "");
        yield return formPost with { ExpectedStatus = 415 };
    }

    private static IEnumerable<HostileRequest> Oversize()
    {
        foreach (var size in new[] { MaxBodyBytes + 1, 33 * 1024, 64 * 1024, 1024 * 1024, 8 * 1024 * 1024 })
        {
            var padded = "{\"answers\":" + ValidAnswers.ToJsonString() + ",\"padding\":\"" + new string('p', size) + "\"}";
            yield return Post("oversize", $"{size:N0}-byte padding with Content-Length", Expectation.Rejected, Utf8(padded)) with { ExpectedStatus = 413 };
            var chunked = Post("oversize", $"{size:N0}-byte padding, chunked (no Content-Length)", Expectation.Rejected,
                () => new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(padded))));
            yield return chunked with { ExpectedStatus = 413 };
            yield return Post("oversize", $"{size:N0} bytes of whitespace before valid JSON", Expectation.Rejected, Utf8(new string(' ', size) + ValidBody)) with { ExpectedStatus = 413 };
        }
    }

    private IEnumerable<HostileRequest> Truncated()
    {
        var body = ValidBody;
        var cuts = Enumerable.Range(0, body.Length).OrderBy(_ => random.Next()).Take(150).Order();
        foreach (var cut in cuts)
        {
            yield return Post("truncated body", $"cut after {cut} of {body.Length} characters", Expectation.Rejected, Utf8(body[..cut]));
        }
    }

    private IEnumerable<HostileRequest> Mutated(int count)
    {
        var body = Encoding.UTF8.GetBytes(ValidBody);
        byte[] alphabet = "{}[]\":,\\ 0123456789.-+eEtrufalsn\u0001"u8.ToArray();
        for (var i = 0; i < count; i++)
        {
            var mutated = body.ToList();
            var edits = 1 + random.Next(4);
            var description = new List<string>();
            for (var e = 0; e < edits && mutated.Count > 0; e++)
            {
                var at = random.Next(mutated.Count);
                switch (random.Next(5))
                {
                    case 0:
                        description.Add($"delete@{at}");
                        mutated.RemoveAt(at);
                        break;
                    case 1:
                        var inserted = alphabet[random.Next(alphabet.Length)];
                        description.Add($"insert '{(char)inserted}'@{at}");
                        mutated.Insert(at, inserted);
                        break;
                    case 2:
                        var replaced = alphabet[random.Next(alphabet.Length)];
                        description.Add($"replace@{at} with '{(char)replaced}'");
                        mutated[at] = replaced;
                        break;
                    case 3:
                        var length = Math.Min(1 + random.Next(40), mutated.Count - at);
                        description.Add($"repeat {length}@{at}");
                        mutated.InsertRange(at, mutated.GetRange(at, length));
                        break;
                    default:
                        var randomByte = (byte)random.Next(256);
                        description.Add($"byte 0x{randomByte:X2}@{at}");
                        mutated[at] = randomByte;
                        break;
                }
            }

            var bytes = mutated.ToArray();
            // A mutation may leave valid answers (a digit changed inside the age): then storing it is right.
            yield return Post("mutated JSON", string.Join(", ", description), Expectation.NoServerError, () => new ByteArrayContent(bytes));
        }
    }

    private static HostileRequest Post(string category, string description, Expectation expect, Func<HttpContent> content, string? contentType = "application/json") =>
        new(category, description, expect, () =>
        {
            var body = content();
            if (contentType is null)
            {
                body.Headers.ContentType = null;
            }
            else if (contentType.Length > 0)
            {
                body.Headers.Remove("Content-Type");
                body.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, UriKind.Relative)) { Content = body };
        });

    private static Func<ByteArrayContent> Utf8(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return () => new ByteArrayContent(bytes);
    }

    /// <summary>The valid body with one answer's raw JSON replaced (or added), written by hand so any text can go in.</summary>
    private static Func<ByteArrayContent> WithAnswer(string id, string rawJson, bool rawKey = false)
    {
        var parts = ValidAnswers.Where(pair => pair.Key != id).Select(pair => $"{JsonSerializer.Serialize(pair.Key)}:{pair.Value!.ToJsonString()}").ToList();
        parts.Add($"{(rawKey ? "\"" + id + "\"" : JsonSerializer.Serialize(id))}:{rawJson}");
        return Utf8("{\"answers\":{" + string.Join(",", parts) + "}}");
    }

    private static Func<ByteArrayContent> Splice(byte[] body, int at, byte[] inserted)
    {
        var bytes = body[..at].Concat(inserted).Concat(body[at..]).ToArray();
        return () => new ByteArrayContent(bytes);
    }

    private static int IndexOf(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle));

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..40]}… ({text.Length:N0} chars)";
}
