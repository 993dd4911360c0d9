using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>The app serving <see cref="ArticleFolder.SampleGuide"/>, shared by the tests of one class.</summary>
public sealed class SampleGuideFixture : IDisposable
{
    private readonly ArticleFolder folder = ArticleFolder.SampleGuide();

    public SampleGuideFixture() => Factory = KneeTriageAppFactory.WithArticleContent(folder.Path);

    public KneeTriageAppFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        folder.Dispose();
    }
}
