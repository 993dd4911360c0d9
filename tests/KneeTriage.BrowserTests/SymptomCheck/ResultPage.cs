using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.SymptomCheck;

/// <summary>What a person checks on a result page at /results/{token}.</summary>
public static partial class ResultPage
{
    /// <summary>The parts of a result that every browser sees alike (the delete section is only for the browser that created it).</summary>
    private const string SharedParts = ".urgency-banner, .result-get-help, .result-causes, .result-self-care, .result-come-back, .result-answers";

    /// <summary>The result of <see cref="RunnerAnswers.DullAcheAfterMoreDistance"/>: no warning sign, so self-care, with causes linked to the guide.</summary>
    public static async Task ExpectSelfCareResultAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(ResultUrl());
        var banner = page.Locator(".urgency-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Self-care");

        var causeLinks = page.Locator(".result-causes a[href^='/article/causes#']");
        Assert.True(await causeLinks.CountAsync() > 0, "The result names no likely cause linked to its section of the guide.");

        var answers = page.Locator(".result-answers");
        await Assertions.Expect(answers).ToContainTextAsync("34");
        await Assertions.Expect(answers).ToContainTextAsync("towards the inner side");
    }

    /// <summary>The words of the result: urgency, causes, advice and answers, in page order.</summary>
    public static async Task<string> WhatItSaysAsync(IPage page)
    {
        var parts = await page.Locator(SharedParts).AllInnerTextsAsync();
        Assert.True(parts.Count >= 3, $"{page.Url} shows only {parts.Count} of the result's parts.");
        return string.Join("\n---\n", parts);
    }

    /// <summary>Clicks "Copy link", checks the page confirms it, and returns what landed on the clipboard.</summary>
    public static async Task<string> CopyLinkAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".share-status")).ToHaveTextAsync("Link copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

        // The link to share is this page's address (without any #fragment the browser carried along).
        var here = new Uri(page.Url).GetLeftPart(UriPartial.Query);
        Assert.Equal(here, copied);
        return copied;
    }

    public static Regex ResultUrl() => ResultUrlRegex();

    [GeneratedRegex(@"/results/[A-Za-z0-9_-]{22,}(#.*)?$")]
    private static partial Regex ResultUrlRegex();
}
