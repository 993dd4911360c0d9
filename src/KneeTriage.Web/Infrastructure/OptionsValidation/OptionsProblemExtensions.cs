using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Infrastructure.OptionsValidation;

public static class OptionsProblemExtensions
{
    /// <summary>
    /// The app's one options idiom: <c>AddOptions&lt;XOptions&gt;().BindConfiguration(XOptions.SectionName)
    /// .ValidateProblem(o =&gt; o.Problem()).ValidateOnStart()</c>. Each options class says what is wrong
    /// with it in one sentence naming the setting ("Retention:MaxAge must be greater than zero."), or null.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateProblem<TOptions>(this OptionsBuilder<TOptions> builder, Func<TOptions, string?> problem)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new NamedProblem<TOptions>(builder.Name, problem));
        return builder;
    }

    private sealed class NamedProblem<TOptions>(string name, Func<TOptions, string?> problem) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : problem(options) is { } message ? ValidateOptionsResult.Fail(message)
            : ValidateOptionsResult.Success;
    }
}
