using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>
/// Whether the element that has focus shows it: a non-zero outline or a box-shadow, as the
/// browser computes it (so it accounts for :focus-visible rules and author overrides).
/// </summary>
public static class FocusIndicator
{
    private const string Probe = """
        () => {
          const element = document.activeElement;
          if (!element || element === document.body) return 'nothing has focus';
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          const shadow = style.boxShadow && style.boxShadow !== 'none';
          if (outline || shadow) return '';
          const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
            + (element.getAttribute('name') ? '[name=' + element.getAttribute('name') + ']' : '');
          return name + ' has focus but no outline or box-shadow';
        }
        """;

    /// <summary>Fails, naming the focused element, when focus is not visible on it.</summary>
    public static async Task AssertVisibleAsync(IPage page, string where)
    {
        var problem = await page.EvaluateAsync<string>(Probe);
        Assert.True(problem.Length == 0, $"Focus is not visible {where} ({page.Url}): {problem}.");
    }
}
