using KneeTriage.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeTriage.Web.ResultPage;

public static class ResultPageCacheServiceCollectionExtensions
{
    /// <summary>Bounds every cached page together, so a flood of distinct result links cannot grow memory without limit.</summary>
    private const long OutputCacheSizeLimit = 32 * 1024 * 1024;

    /// <summary>Rendered result pages are kept in the output cache while their result exists (see <see cref="ResultPageCachePolicy"/>).</summary>
    public static IServiceCollection AddResultPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.SizeLimit = OutputCacheSizeLimit);
        // The policy holds the token lookup itself, so a cached view never builds a request scope.
        services.AddOptions<OutputCacheOptions>()
            .Configure<AssessmentStore>((options, store) => options.AddPolicy(ResultPageCachePolicy.Name, new ResultPageCachePolicy(store)));
        return services;
    }
}
