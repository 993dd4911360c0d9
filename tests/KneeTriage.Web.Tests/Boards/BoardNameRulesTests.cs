using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeTriage.Web.Boards;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Boards;

/// <summary>
/// The OpenAPI document's rules for board and display names (maxLength in code points, pattern) are
/// the validator's rules: for a name without spaces around it, the document allows exactly the
/// names BoardText accepts.
/// </summary>
public sealed class BoardNameRulesTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    public static TheoryData<string> Names => new()
    {
        "Riverside RC juniors",
        "a",
        "Équipe du jeudi",
        "<script>alert(1)</script>",
        "two\nlines",
        "tab\there",
        "bell\u0007",
        "next\u0085line",
        "right-to-left \u202Eoverride",
        "isolate \u2066x\u2069",
        "mark \u200F",
        "line\u2028separator",
        "paragraph\u2029separator",
        "\u00A0",
        "\u3000",
        new string('x', 40),
        new string('x', 41),
        new string('x', 60),
        new string('x', 61),
        string.Concat(Enumerable.Repeat("\U0001F3C3", 40)),
        string.Concat(Enumerable.Repeat("\U0001F3C3", 41)),
        string.Concat(Enumerable.Repeat("\U0001F3C3", 60)),
        string.Concat(Enumerable.Repeat("\U0001F3C3", 61)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task TheDocumentAllowsExactlyTheNamesTheValidatorAccepts(string name)
    {
        using var client = factory.CreatePlainClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var check = new JsonSchemaCheck(document);

        foreach (var (schema, property, max) in new[] { ("CreateBoardRequest", "name", BoardText.MaxBoardName), ("CreateShareRequest", "displayName", BoardText.MaxDisplayName) })
        {
            var rule = document["components"]!["schemas"]![schema]!["properties"]![property]!;
            var allowed = check.IsValid(JsonValue.Create(name), rule);
            var accepted = BoardText.Clean(name, max, "a name").Text is not null;

            Assert.True(allowed == accepted, $"{schema}.{property}: the document {(allowed ? "allows" : "refuses")} '{name}' but the validator {(accepted ? "accepts" : "refuses")} it");
            Assert.Equal(allowed, Regex.IsMatch(name, BoardText.Pattern) && name.EnumerateRunes().Count() <= max);
        }
    }
}
