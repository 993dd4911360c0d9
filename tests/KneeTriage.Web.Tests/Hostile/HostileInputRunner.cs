using KneeTriage.Web.Data;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeTriage.Web.Tests.Hostile;

/// <summary>
/// Sends hostile requests one by one, counting stored results around each, and collects every way
/// the app's answer broke the rules: a 5xx, a rejection that is not a 4xx or not a problem, a
/// different status than the contract names, or anything stored for a rejected request.
/// </summary>
internal sealed class HostileInputRunner(RateLimitsOffAppFactory factory, HttpClient client)
{
    public int Tried { get; private set; }

    public Dictionary<string, int> TriedByCategory { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public async Task RunAsync(IEnumerable<HostileRequest> inputs)
    {
        foreach (var input in inputs)
        {
            Tried++;
            TriedByCategory[input.Category] = TriedByCategory.GetValueOrDefault(input.Category) + 1;
            var before = await CountStoredAsync();
            using var message = input.Build();
            var isApi = HostileRequest.IsApi(message);
            var method = message.Method;
            int status;
            string? mediaType;
            string body;
            try
            {
                using var response = await client.SendAsync(message);
                status = (int)response.StatusCode;
                mediaType = response.Content.Headers.ContentType?.MediaType;
                body = await response.Content.ReadAsStringAsync();
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
            {
                Failures.Add($"[{input.Category}] {input.Description}: the request failed ({exception.GetType().Name}: {exception.Message})");
                continue;
            }

            var stored = await CountStoredAsync() - before;
            var problem = Check(input, isApi, method, status, mediaType, stored);
            if (problem is not null)
            {
                Failures.Add($"[{input.Category}] {input.Description}: {problem} — {Shorten(body)}");
            }
        }
    }

    public string Summary() =>
        $"{Tried} hostile inputs: " + string.Join(", ", TriedByCategory.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string? Check(HostileRequest input, bool isApi, HttpMethod method, int status, string? mediaType, int stored)
    {
        if (status >= 500)
        {
            return $"answered {status}";
        }

        if (input.ExpectedStatus is { } expected && status != expected)
        {
            return $"answered {status}, the contract says {expected}";
        }

        var rejected = status is >= 400 and < 500;
        if (rejected && stored != 0)
        {
            return $"answered {status} but stored {stored} result(s)";
        }

        if (rejected && isApi && mediaType != "application/problem+json")
        {
            return $"answered {status} with {mediaType ?? "no body"}, not application/problem+json";
        }

        switch (input.Expect)
        {
            case Expectation.Rejected when !rejected:
                return $"answered {status}; expected a 4xx{(stored > 0 ? $" and it stored {stored} result(s)" : "")}";
            case Expectation.NothingStored when stored != 0:
                return $"answered {status} and stored {stored} result(s)";
            case Expectation.NoServerError when !rejected && stored != (method == HttpMethod.Post && status == 201 ? 1 : 0):
                return $"answered {status} and stored {stored} result(s)";
            default:
                return null;
        }
    }

    private async Task<int> CountStoredAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KneeTriageDbContext>().Assessments.CountAsync();
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }
}
