using System.Text;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Garbage posted to every form of the symptom check: unknown fields, absurd values, invalid
/// encodings, repeated fields, missing or forged antiforgery tokens, the wrong content type, and a
/// tampered draft cookie. A form may answer with its error page or a redirect; it must never fail
/// with a 500 and never store a result.
/// </summary>
internal sealed class FormHostileInputs(IReadOnlyList<(string StepId, string[] QuestionIds)> steps, string antiforgeryToken, Random random)
{
    private const string TokenField = "__RequestVerificationToken";

    public IEnumerable<HostileRequest> All()
    {
        var pages = steps.Select(s => ($"/check/{s.StepId}", s.QuestionIds))
            .Append(("/check/review", Array.Empty<string>()))
            .Append(("/check/emergency", Array.Empty<string>()))
            .Append(("/check?handler=Restart", Array.Empty<string>()))
            .Append(($"/check/{steps[0].StepId}?change=maybe", steps[0].QuestionIds))
            .Append(("/check/no-such-step", steps[0].QuestionIds));

        foreach (var (path, questionIds) in pages)
        {
            foreach (var request in GarbageFor(path, questionIds))
            {
                yield return request;
            }
        }
    }

    private IEnumerable<HostileRequest> GarbageFor(string path, string[] questionIds)
    {
        var everyQuestion = steps.SelectMany(s => s.QuestionIds).ToArray();
        string[] values = ["", " ", "-1", "999999999999999999999999", "1e400", "NaN", "yes", "no", "true", "<script>alert(1)</script>", "\u0000", "\ud83d\ude00", "' OR '1'='1", new string('x', 100_000), "back-center", "emergency"];

        foreach (var id in questionIds.Length > 0 ? questionIds : everyQuestion.Take(3).ToArray())
        {
            foreach (var value in values)
            {
                yield return Form(path, $"{id} = {Shorten(value)}", [new(id, value)]);
            }

            yield return Form(path, $"{id} repeated 2,000 times", Enumerable.Range(0, 2_000).Select(i => new KeyValuePair<string, string>(id, $"v{i}")));
            yield return Raw(path, $"{id} with invalid UTF-8 bytes", Encoding.ASCII.GetBytes($"{TokenField}={Uri.EscapeDataString(antiforgeryToken)}&{id}=").Concat(new byte[] { 0xFF, 0xFE, 0xC0, 0xAF }).ToArray());
            yield return Raw(path, $"{id} with broken percent-encoding", Encoding.ASCII.GetBytes($"{TokenField}={Uri.EscapeDataString(antiforgeryToken)}&{id}=%&%ZZ%F&%FF%FE&=&&=="));
        }

        for (var i = 0; i < 5; i++)
        {
            var fields = Enumerable.Range(0, 1 + random.Next(50))
                .Select(_ => new KeyValuePair<string, string>(RandomText(1 + random.Next(30)), RandomText(random.Next(200))));
            yield return Form(path, $"random fields #{i}", fields);
        }

        foreach (var key in new[] { "a[", "[", "a[b", "a]", "a[[b]", "a[0", "a.b[", "__RequestVerificationToken[" })
        {
            yield return Form(path, $"a field named '{key}'", [new(key, "1")]);
            yield return new HostileRequest("form garbage", $"POST {path} with a query key '{key}'", Expectation.NothingStored, () =>
                new HttpRequestMessage(HttpMethod.Post, new Uri($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Uri.EscapeDataString(key)}=1", UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent([new(TokenField, antiforgeryToken)]),
                });
        }

        yield return Form(path, "every question of the check at once, all garbage", everyQuestion.Select(id => new KeyValuePair<string, string>(id, "garbage")));
        yield return Form(path, "10,000 distinct unknown fields", Enumerable.Range(0, 10_000).Select(i => new KeyValuePair<string, string>($"f{i}", "1")));
        yield return Form(path, "no antiforgery token", [new("age", "34")], withToken: false) with { Expect = Expectation.Rejected, ExpectedStatus = 400 };
        yield return Form(path, "a forged antiforgery token", [new(TokenField, "CfDJ8forged"), new("age", "34")], withToken: false) with { Expect = Expectation.Rejected, ExpectedStatus = 400 };
        yield return Form(path, "the antiforgery token twice", [new(TokenField, antiforgeryToken), new("age", "34")]);
        yield return new HostileRequest("form garbage", $"POST {path} with a JSON body", Expectation.NothingStored, () =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(ApiHostileInputs.ValidBody, Encoding.UTF8, "application/json"),
            });
        yield return new HostileRequest("form garbage", $"POST {path} as multipart with a file", Expectation.NothingStored, () =>
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(antiforgeryToken), TokenField },
                { new ByteArrayContent(new byte[4096]), "age", "knee.png" },
            };
            return new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        });
    }

    private HostileRequest Form(string path, string description, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = (withToken ? new[] { new KeyValuePair<string, string>(TokenField, antiforgeryToken) } : []).Concat(fields).ToList();
        return new HostileRequest("form garbage", $"POST {path}: {description}", Expectation.NothingStored, () =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(all) });
    }

    private static HostileRequest Raw(string path, string description, byte[] body) =>
        new("form garbage", $"POST {path}: {description}", Expectation.NothingStored, () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            return new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        });

    private string RandomText(int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x2FF)).ToArray());

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..20]}… ({text.Length:N0} chars)";
}
