using KneeTriage.Web.Retention;
using KneeTriage.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KneeTriage.Web.Tests.Retention;

public sealed class RetentionConfigurationTests
{
    [Fact]
    public void TheAppRunsThePurgeWithTheConfiguredMaximumAge()
    {
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?> { ["Retention:MaxAge"] = "30.00:00:00" });

        var options = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var hosted = app.Services.GetServices<IHostedService>();

        Assert.Equal(TimeSpan.FromDays(30), options.MaxAge);
        Assert.Contains(hosted, service => service is RetentionService);
    }

    [Theory]
    [InlineData("Retention:MaxAge", "00:00:00")]
    [InlineData("Retention:Interval", "-00:01:00")]
    public void ANonsensicalRetentionStopsStartUp(string key, string value)
    {
        using var app = RateLimitsOffAppFactory.With(new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => app.Services);

        Assert.True(failure is OptionsValidationException || failure?.InnerException is OptionsValidationException,
            $"{key}={value} started the app (or failed for another reason: {failure?.GetType().Name})");
    }
}
