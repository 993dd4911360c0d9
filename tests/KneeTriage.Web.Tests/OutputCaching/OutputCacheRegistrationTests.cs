using System.Reflection;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Infrastructure.Compression;
using KneeTriage.Web.Pages.Boards;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Tests.OutputCaching;

/// <summary>
/// The output cache is registered once (<c>Infrastructure/OutputCaching</c>) with its size limit and
/// every policy. These read the options the running app holds, so a policy or the limit lost in a
/// move fails here by name; the cache tests (Compression, Countries, ResultPage, Articles) show each
/// policy at work over HTTP.
/// </summary>
public sealed class OutputCacheRegistrationTests(KneeTriageAppFactory app) : IClassFixture<KneeTriageAppFactory>
{
    [Fact]
    public void EveryCachedPageTogetherFitsIn32Megabytes()
    {
        Assert.Equal(32L * 1024 * 1024, Options().SizeLimit);
    }

    [Fact]
    public void EveryPolicyAPageAsksForIsRegistered()
    {
        var asked = MappedEndpoints.Of(app)
            .SelectMany(endpoint => endpoint.Metadata.OfType<OutputCacheAttribute>())
            .Select(attribute => attribute.PolicyName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var registered = NamedPolicies(Options());

        // The home page and the guide ask for the article policy, the result page and the board page for their own.
        Assert.Equal([ArticleCachePolicy.Name, BoardPageCachePolicy.Name, ResultPageCachePolicy.Name], asked);
        Assert.All(asked, name => Assert.True(
            registered.ContainsKey(name),
            $"a page asks for the output-cache policy '{name}', which is not registered (so it is silently never cached)"));
        Assert.IsType<ResultPageCachePolicy>(registered[ResultPageCachePolicy.Name]);
        Assert.IsType<BoardPageCachePolicy>(registered[BoardPageCachePolicy.Name]);
    }

    [Fact]
    public void EveryCachedPageIsKeptOncePerCountryAndOncePerEncoding()
    {
        var basePolicies = Internal<List<IOutputCachePolicy>>(Options(), "BasePolicies") ?? [];

        Assert.Equal([typeof(CountryVariantPolicy), typeof(EncodingVariantPolicy)], basePolicies.Select(policy => policy.GetType()));
    }

    private OutputCacheOptions Options() => app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

    private static Dictionary<string, IOutputCachePolicy> NamedPolicies(OutputCacheOptions options) =>
        Internal<Dictionary<string, IOutputCachePolicy>>(options, "NamedPolicies") ?? [];

    /// <summary>
    /// .NET 10 keeps the registered policies in internal properties (a public provider comes later);
    /// if the framework renames them, this says so rather than passing.
    /// </summary>
    private static T? Internal<T>(OutputCacheOptions options, string property)
        where T : class
    {
        var found = typeof(OutputCacheOptions).GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"OutputCacheOptions has no internal property {property} any more: read the policies another way.");
        return (T?)found.GetValue(options);
    }
}
