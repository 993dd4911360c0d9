using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// The URLs the load visits: article slugs found on the home page (so new sections are covered
/// without editing this), and share tokens of stored results. Submissions during the load replace
/// tokens at random, so freshly written results are read back by other connections too.
/// </summary>
internal sealed partial class LoadTargets
{
    private const int TokenSlots = 256;
    private const int SeededResults = 32;

    private readonly string[] _tokens;

    private LoadTargets(IReadOnlyList<string> slugs, string[] tokens)
    {
        Slugs = slugs;
        _tokens = tokens;
    }

    public IReadOnlyList<string> Slugs { get; }

    public string Token(Random random) => Volatile.Read(ref _tokens[random.Next(_tokens.Length)]);

    public void Remember(string token, Random random) => Volatile.Write(ref _tokens[random.Next(_tokens.Length)], token);

    public static async Task<LoadTargets> PrepareAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var slugs = ArticleLink().Matches(home).Select(m => m.Groups["slug"].Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(slugs.Count > 0, "The home page links to no /article/{slug} page; the load would not read the guide.");

        // A few distinct results to start from, spread over all slots; submissions during the load add more.
        var seeded = await Task.WhenAll(Enumerable.Range(0, SeededResults).Select(i => SubmitAsync(client, i)));
        var tokens = Enumerable.Range(0, TokenSlots).Select(i => seeded[i % seeded.Length]).ToArray();
        return new LoadTargets(slugs, tokens);
    }

    /// <summary>Posts answer set number <paramref name="sequence"/> and returns the new result's token.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, int sequence)
    {
        using var content = new StringContent(AnswerSets.RequestBody(sequence), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Preparing the load: POST /api/assessments answered {(int)response.StatusCode}: {body}");
        return IdOf(body);
    }

    public static string IdOf(string createdBody)
    {
        using var json = JsonDocument.Parse(createdBody);
        return json.RootElement.GetProperty("id").GetString()
            ?? throw new InvalidOperationException("A 201 body had a null id.");
    }

    [GeneratedRegex("href=\"/article/(?<slug>[a-z0-9-]+)[\"#]")]
    private static partial Regex ArticleLink();
}
