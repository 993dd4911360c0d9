namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>All browser tests share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in Chromium";
}
