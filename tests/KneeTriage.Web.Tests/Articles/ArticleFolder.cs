namespace KneeTriage.Web.Tests.Articles;

/// <summary>A throw-away content folder of section files, for tests that need content of their own.</summary>
public sealed class ArticleFolder : IDisposable
{
    public ArticleFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kt-articles-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public ArticleFolder With(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>The end every section needs: a sentence citing [1] and a sources list with that one source.</summary>
    public const string SourcesEnding = """

        This rests on a published source [1].

        ## Sources {#sources}

        1. Example Publisher. *A title*. 2020. [example.org](https://example.org/a-title)
        """;

    /// <summary>A section file with valid front matter and this body, ended by <see cref="SourcesEnding"/> unless <paramref name="sources"/> is false.</summary>
    public ArticleFolder WithSection(string slug, int order, string body, string? kind = null, string? title = null, bool sources = true) =>
        With($"{order:00}-{slug}.md", $"""
            ---
            title: {title ?? $"Section {slug}"}
            slug: {slug}
            order: {order}
            summary: A one-line summary of {slug}.
            lastReviewed: 2026-11-20
            {(kind is null ? string.Empty : $"kind: {kind}")}
            ---

            {body}
            {(sources ? SourcesEnding : string.Empty)}
            """);

    /// <summary>A small three-section guide: prose with anchors and a table, a second prose section, and questions.</summary>
    public static ArticleFolder SampleGuide() => new ArticleFolder()
        .WithSection("welcome", 1, """
            Welcome to the **guide**. See [Baker's cyst](/article/causes#bakers-cyst) and [the questions](/article/questions).

            ## First steps

            Some words.

            ### A detail

            More words, and <script>alert('raw html')</script> that must never run.
            """, title: "Welcome to the guide")
        .WithSection("causes", 2, """
            ## Common causes {#common}

            ### Baker's cyst {#bakers-cyst}

            A swelling at the back of the knee.

            | Cause | Where |
            |:---|---:|
            | Baker's cyst | back |

            Back to [the start](#common).
            """, title: "Causes")
        .WithSection("questions", 3, """
            Answers to what runners ask.

            ## Can I keep running?

            Usually, if the pain stays mild.

            ## When should I see someone? {#see-someone}

            If it is not better in two weeks.
            """, kind: "faq", title: "Questions");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine only leaves a temp folder behind.
        }
    }
}
