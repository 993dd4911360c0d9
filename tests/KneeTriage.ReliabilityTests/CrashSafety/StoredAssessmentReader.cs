using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace KneeTriage.ReliabilityTests.CrashSafety;

/// <summary>Reads acknowledged submissions back through the API and says which are missing or changed.</summary>
internal static class StoredAssessmentReader
{
    private const int Readers = 16;

    /// <summary>Every so many submissions, the result page a coach would open is read too.</summary>
    private const int PageEvery = 25;

    /// <summary>One line per submission that is not readable exactly as acknowledged; empty when all are.</summary>
    public static async Task<IReadOnlyList<string>> FindDifferencesAsync(Uri root, IReadOnlyCollection<AcknowledgedSubmission> submissions)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Readers })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            submissions.Select((submission, index) => (submission, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Readers },
            async (item, cancellationToken) =>
            {
                if (await DifferenceAsync(client, item.submission, cancellationToken) is { } problem)
                {
                    problems.Add(problem);
                }
                else if (item.index % PageEvery == 0 && await PageProblemAsync(client, item.submission, cancellationToken) is { } pageProblem)
                {
                    problems.Add(pageProblem);
                }
            });
        return [.. problems.Order(StringComparer.Ordinal)];
    }

    private static async Task<string?> PageProblemAsync(HttpClient client, AcknowledgedSubmission submission, CancellationToken cancellationToken)
    {
        var path = submission.Body["resultUrl"]?.GetValue<string>() ?? $"/results/{submission.Id}";
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? null
            : $"PAGE: acknowledged in round {submission.Round}, its result page answered {(int)response.StatusCode}";
    }

    private static async Task<string?> DifferenceAsync(HttpClient client, AcknowledgedSubmission submission, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri($"api/assessments/{submission.Id}", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return $"LOST: acknowledged in round {submission.Round}, now 404";
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"UNREADABLE: acknowledged in round {submission.Round}, GET answered {(int)response.StatusCode}";
        }

        var stored = JsonNode.Parse(text)?.AsObject();
        if (stored is null)
        {
            return $"UNREADABLE: acknowledged in round {submission.Round}, GET answered an empty body";
        }

        var changed = submission.Body.Select(p => p.Key)
            .Union(stored.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(submission.Body[key], stored[key]))
            .ToList();
        return changed.Count == 0
            ? null
            : $"CHANGED: acknowledged in round {submission.Round}, differs in {string.Join(", ", changed)}";
    }
}
