using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Infrastructure.OptionsValidation;
using KneeTriage.Web.Infrastructure.Startup;
using KneeTriage.Web.WarningSigns;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Articles;

public static class ArticleServiceCollectionExtensions
{
    /// <summary>
    /// Registers the article library: options bound from "Articles", the library loaded once as a
    /// singleton (its warning-sign placeholders filled from the knowledge base), and preloaded at start-up so a broken content file stops the app before it serves anything.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddOptions<ArticleOptions>()
            .BindConfiguration(ArticleOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArticleOptions>>().Value;
            var logger = provider.GetRequiredService<ILogger<ArticleLibrary>>();
            // The guide's warning signs come from the knowledge base, so they say what the rules say.
            var library = ArticleLibraryLoader.Load(options.ContentPath, WarningSignMarkdown.Placeholders(provider.GetRequiredService<KnowledgeBase>()));
            logger.LogInformation("Loaded {SectionCount} article sections from {ContentPath}", library.Sections.Count, options.ContentPath);
            return library;
        });
        services.AddStartupPreload<ArticleLibrary>();
        services.AddSingleton<ArticleReplayStore>();
        return services;
    }

    /// <summary>
    /// Early in the pipeline, after the forwarded headers (the scheme decides HSTS) and before the
    /// security headers, so the replayed copy carries the headers the normal path wrote.
    /// </summary>
    public static IApplicationBuilder UseArticleReplay(this IApplicationBuilder app) =>
        app.UseMiddleware<ArticleReplayMiddleware>();
}
