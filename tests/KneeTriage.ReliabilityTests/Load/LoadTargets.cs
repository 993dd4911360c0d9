using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KneeTriage.ReliabilityTests.Infrastructure;

namespace KneeTriage.ReliabilityTests.Load;

/// <summary>
/// The URLs the load visits: article slugs found on the home page (so new sections are covered
/// without editing this), and share tokens of stored results in two sets. Result pages are read
/// from a fixed set stored before the load: the app keeps rendered result pages in its output
/// cache (bounded in size, by design), and a working set that fits in the warm-up keeps that
/// cache's filling from reading as growth. Fresh results, written by submissions during the load,
/// are read back through the API by other connections (read-after-write across connections).
/// </summary>
internal sealed partial class LoadTargets
{
    private const int ResultsStoredBeforeLoad = 256;
    private const int ParallelSubmissions = 16;

    private readonly string[] _storedBeforeLoad;
    private readonly string[] _fresh;

    private LoadTargets(IReadOnlyList<string> slugs, string[] storedBeforeLoad)
    {
        Slugs = slugs;
        _storedBeforeLoad = storedBeforeLoad;
        _fresh = [.. storedBeforeLoad];
    }

    public IReadOnlyList<string> Slugs { get; }

    /// <summary>A result stored before the load started.</summary>
    public string StoredBeforeLoad(Random random) => _storedBeforeLoad[random.Next(_storedBeforeLoad.Length)];

    /// <summary>A result, most likely one a submission of this load stored moments ago.</summary>
    public string Fresh(Random random) => Volatile.Read(ref _fresh[random.Next(_fresh.Length)]);

    public void Remember(string token, Random random) => Volatile.Write(ref _fresh[random.Next(_fresh.Length)], token);

    public static async Task<LoadTargets> PrepareAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var slugs = ArticleLink().Matches(home).Select(m => m.Groups["slug"].Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(slugs.Count > 0, "The home page links to no /article/{slug} page; the load would not read the guide.");

        var tokens = new string[ResultsStoredBeforeLoad];
        await Parallel.ForAsync(
            0,
            ResultsStoredBeforeLoad,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSubmissions },
            async (i, _) => tokens[i] = await SubmitAsync(client, i));
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
