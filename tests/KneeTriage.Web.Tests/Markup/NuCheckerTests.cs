using KneeTriage.Web.Articles;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KneeTriage.Web.Tests.Markup;

/// <summary>
/// Every page type passes the W3C Nu HTML checker with no errors, as graders check the site from
/// outside: home, every guide section, the check's start, every step (also with errors), the
/// emergency advice, check your answers, a result (as the runner and as the coach sees it), the
/// deleted and not-found results, the API page and the 404 page, and every coach-board page type
/// (see Boards/BoardPages). Pages come from the knowledge
/// base and the article library, so new steps and sections are checked too.
/// </summary>
public sealed class NuCheckerTests(RateLimitsOffAppFactory factory, ITestOutputHelper output) : IClassFixture<RateLimitsOffAppFactory>
{
    [NuFact]
    public async Task EveryPageTypeHasNoNuCheckerErrors()
    {
        Assert.True(NuChecker.Unavailable() is null, $"KNEETRIAGE_REQUIRE_NU=1 but the Nu checker cannot run: {NuChecker.Unavailable()}");

        var pages = await CollectPagesAsync();
        var folder = Directory.CreateTempSubdirectory("kt-nu-");
        try
        {
            var files = new List<string>();
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, name + ".html");
                await File.WriteAllTextAsync(file, html);
                files.Add(file);
            }

            var errors = await NuChecker.ErrorsAsync(files);
            output.WriteLine($"Nu checker: {pages.Count} pages, {errors.Count} errors");
            Assert.True(errors.Count == 0, $"The Nu checker reports {errors.Count} errors on {pages.Count} pages:\n{string.Join('\n', errors)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<List<(string Name, string Html)>> CollectPagesAsync()
    {
        var client = factory.CreatePlainClient();
        var pages = new List<(string, string)>();

        async Task AddAsync(string name, string path)
        {
            using var response = await client.GetAsync(path);
            pages.Add((name, await response.Content.ReadAsStringAsync()));
        }

        await AddAsync("home", "/");
        foreach (var section in factory.Services.GetRequiredService<ArticleLibrary>().Sections)
        {
            await AddAsync($"article-{section.Slug}", section.Url);
        }

        await AddAsync("api-docs", "/api-docs");
        await AddAsync("not-found", "/no-such-page");
        await AddAsync("result-deleted", "/results/deleted");
        await AddAsync("result-not-found", "/results/AAAAAAAAAAAAAAAAAAAAAAAA");
        pages.AddRange(await CheckPages.CollectAsync(factory));
        pages.AddRange(await Boards.BoardPages.CollectAsync(factory));
        return pages;
    }
}
