using KneeTriage.Triage.Engine;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Triage.Validation;
using KneeTriage.Web.Infrastructure.OptionsValidation;
using KneeTriage.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Questionnaire;

public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base (loaded and validated once), the engine and the one answer validator, all
    /// shared read-only; plus the check's flow and draft cookie. A broken knowledge base
    /// stops start-up with the loader's message naming the file and entry.
    /// </summary>
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddOptions<TriageOptions>()
            .BindConfiguration(TriageOptions.SectionName)
            .ValidateProblem(options => options.Problem())
            .ValidateOnStart();
        services.AddSingleton(LoadKnowledgeBase);
        services.AddSingleton<TriageEngine>();
        services.AddSingleton<AnswerSetValidator>();
        services.AddStartupPreload<KnowledgeBase>().AddStartupPreload<TriageEngine>().AddStartupPreload<AnswerSetValidator>();
        services.AddSingleton<DraftCookie>();
        services.AddSingleton<InterruptingSigns>();
        services.AddSingleton<QuestionnaireFlow>();
        // The forms post flat names only. MVC's jQuery-style readers of "a[b]" keys would turn a
        // garbage key with a stray "[" into an exception (a 500) before any page code runs.
        services.Configure<MvcOptions>(options =>
        {
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
        return services;
    }

    private static KnowledgeBase LoadKnowledgeBase(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILogger<KnowledgeBase>>();
        try
        {
            var knowledgeBase = KnowledgeBaseLoader.Load(services.GetRequiredService<IOptions<TriageOptions>>().Value.ContentPath);
            logger.LogInformation(
                "Loaded knowledge base {Version}: {StepCount} steps, {ConditionCount} conditions",
                knowledgeBase.Version, knowledgeBase.Steps.Count, knowledgeBase.Conditions.Count);
            return knowledgeBase;
        }
        catch (KnowledgeBaseException exception)
        {
            logger.LogCritical(exception, "The knowledge base is broken: {Reason}", exception.Message);
            throw;
        }
    }
}
