using System.Reflection;
using KneeTriage.Web.Submission;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.Tests.Submission;

/// <summary>
/// Results are stored, followed and deleted through <see cref="StoredResults"/>, which keeps the
/// result-page cache in step. A page or endpoint that took the cache store (or the recorder behind
/// the owner) could store or delete a result and leave stale pages cached: these tests find any
/// constructor or method in the web assembly that asks for either, outside the owner and the
/// result page's own cache policy.
/// </summary>
public sealed class OneOwnerOfStoredResultsTests
{
    private static readonly Assembly Web = typeof(StoredResults).Assembly;

    [Theory]
    [InlineData(typeof(IOutputCacheStore))]
    [InlineData(typeof(AssessmentRecorder))]
    public void OnlyTheOwnerAsksFor(Type owned)
    {
        var askers = Web.GetTypes()
            .Where(type => !IsAllowed(type))
            .SelectMany(type => Members(type).Where(member => member.GetParameters().Any(p => p.ParameterType == owned))
                .Select(member => $"{type.FullName}.{member.Name}"))
            .Distinct()
            .ToList();

        Assert.True(askers.Count == 0, $"These take {owned.Name} directly; store, follow and delete results through StoredResults instead: {string.Join(", ", askers)}");
    }

    [Fact]
    public void TheCheckFindsAnAskerWhenThereIsOne()
    {
        // The owner itself asks for both: the search above would name it if it were not allowed.
        Assert.Contains(Members(typeof(StoredResults)), m => m.GetParameters().Any(p => p.ParameterType == typeof(IOutputCacheStore)));
        Assert.Contains(Members(typeof(StoredResults)), m => m.GetParameters().Any(p => p.ParameterType == typeof(AssessmentRecorder)));
    }

    private static bool IsAllowed(Type type) =>
        type == typeof(StoredResults)
        || type.DeclaringType == typeof(StoredResults)
        // The result page's cache policy and its registration are the cache's own room.
        || type.Namespace == "KneeTriage.Web.Pages.Results"
        // Plumbing that registers the output cache for every feature.
        || (type.Namespace?.StartsWith("KneeTriage.Web.Infrastructure", StringComparison.Ordinal) ?? false);

    private static IEnumerable<MethodBase> Members(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
}
