using KneeTriage.Triage.Knowledge;

namespace KneeTriage.Web.Questionnaire;

/// <summary>
/// Loads the knowledge base while the app starts, so a broken one stops start-up with the loader's
/// message instead of failing the first runner's request.
/// </summary>
internal sealed class KnowledgeBaseStartupCheck(IServiceProvider services, ILogger<KnowledgeBaseStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var knowledgeBase = services.GetRequiredService<KnowledgeBase>();
            logger.LogInformation(
                "Loaded knowledge base {Version}: {StepCount} steps, {ConditionCount} conditions",
                knowledgeBase.Version, knowledgeBase.Steps.Count, knowledgeBase.Conditions.Count);
        }
        catch (KnowledgeBaseException exception)
        {
            logger.LogCritical(exception, "The knowledge base is broken: {Reason}", exception.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
