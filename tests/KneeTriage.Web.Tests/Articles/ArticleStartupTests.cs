using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>Broken content stops the app before it serves anyone, with a message naming the file.</summary>
public sealed class ArticleStartupTests
{
    [Fact]
    public void BadFrontMatterStopsStartUpNamingTheFile()
    {
        using var folder = ArticleFolder.SampleGuide()
            .With("04-broken.md", "---\ntitle: Broken\nslug: broken\n---\nNo order, summary or review date.");
        using var factory = KneeTriageAppFactory.WithArticleContent(folder.Path);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var content = FindContentError(error);
        Assert.Contains("04-broken.md", content.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateSlugStopsStartUpNamingBothFiles()
    {
        using var folder = ArticleFolder.SampleGuide()
            .With("04-copy.md", "---\ntitle: Copy\nslug: causes\norder: 4\nsummary: S\nlastReviewed: 2026-11-20\n---\nBody." + ArticleFolder.SourcesEnding);
        using var factory = KneeTriageAppFactory.WithArticleContent(folder.Path);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var content = FindContentError(error);
        Assert.Contains("04-copy.md", content.Message, StringComparison.Ordinal);
        Assert.Contains("02-causes.md", content.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingContentFolderStopsStartUpNamingTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kt-missing-{Guid.NewGuid():N}");
        using var factory = KneeTriageAppFactory.WithArticleContent(missing);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(missing, FindContentError(error).Message, StringComparison.Ordinal);
    }

    private static ArticleContentException FindContentError(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is ArticleContentException content)
            {
                return content;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                return FindContentError(aggregate.InnerExceptions[0]);
            }
        }

        Assert.Fail($"start-up failed, but not because of the content: {error}");
        throw new InvalidOperationException("unreachable");
    }
}
