using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.LogPrivacy;
using Serilog.Events;

namespace KneeTriage.Web.Tests.LogPrivacy;

public sealed class SecretRedactingEnricherTests
{
    [Fact]
    public void ShareTokensAndDeleteKeysAreMaskedWhereverTheyAppearInAValue()
    {
        var token = ShareToken.Create();
        var key = DeleteKey.Create();

        Assert.Equal("/results/{redacted}?handler=Delete", SecretRedactingEnricher.Redact($"/results/{token}?handler=Delete"));
        Assert.Equal("{redacted}", SecretRedactingEnricher.Redact(token));
        Assert.Equal("key {redacted}.", SecretRedactingEnricher.Redact($"key {key}."));
    }

    [Fact]
    public void RouteValuesAndListsAreMaskedToo()
    {
        var token = ShareToken.Create();
        var routeData = new DictionaryValue([new(new ScalarValue("page"), new ScalarValue("/Results/Show")), new(new ScalarValue("token"), new ScalarValue(token))]);
        var endpoints = new SequenceValue([new ScalarValue($"/results/{token}")]);

        var redactedRoute = SecretRedactingEnricher.Redact(routeData).ToString();
        var redactedList = SecretRedactingEnricher.Redact(endpoints).ToString();

        Assert.DoesNotContain(token, redactedRoute, StringComparison.Ordinal);
        Assert.Contains("/Results/Show", redactedRoute, StringComparison.Ordinal);
        Assert.DoesNotContain(token, redactedList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP GET /article/causes responded 200 in 3.2 ms")]
    [InlineData("0HNQ9SCEA4T2J:00000001")]
    [InlineData("ee03ff4f-0afb-41fb-b092-2b39b3c0e163")]
    [InlineData("Microsoft.AspNetCore.Routing.DefaultLinkGenerator")]
    [InlineData("Serilog.AspNetCore.RequestLoggingMiddleware")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void OrdinaryLogValuesAreLeftAlone(string text)
    {
        Assert.Same(text, SecretRedactingEnricher.Redact(text));
    }
}
