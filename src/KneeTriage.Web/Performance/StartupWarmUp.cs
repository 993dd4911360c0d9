using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Articles;

namespace KneeTriage.Web.Performance;

public static class StartupWarmUp
{
    /// <summary>
    /// Starts loading the article and the knowledge base on a second core while the first migrates
    /// the database, so start-up takes the longer of the two rather than their sum. Nothing here
    /// decides whether start-up succeeds: a failure is left to the start-up checks, which resolve
    /// the same singletons and report a broken file with its name and line.
    /// </summary>
    public static WebApplication StartWarmUp(this WebApplication app)
    {
        var services = app.Services;
        _ = Task.Run(() =>
        {
            try
            {
                services.GetRequiredService<ArticleLibrary>();
                services.GetRequiredService<KnowledgeBase>();
                services.GetRequiredService<TriageEngine>();
                services.GetRequiredService<AnswerSetValidator>();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reported by the start-up checks (they resolve these again), not here.
            }
        });
        return app;
    }
}
