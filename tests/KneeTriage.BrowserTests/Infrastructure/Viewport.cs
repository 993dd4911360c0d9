using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>The screens the site is checked on: a 375 px phone (touch, mobile layout) and a desktop.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static Viewport Phone { get; } = new("phone-375", 375, 667, IsMobile: true);

    public static Viewport Desktop { get; } = new("desktop-1280", 1280, 800, IsMobile: false);

    public BrowserNewContextOptions ContextOptions() => new()
    {
        ViewportSize = new ViewportSize { Width = Width, Height = Height },
        IsMobile = IsMobile,
        HasTouch = IsMobile,
        DeviceScaleFactor = 1,
    };

    /// <summary>Fails when the page is wider than the screen, so a phone user would scroll sideways.</summary>
    public static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return '';
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
              return `page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen; too wide: ${wide.join(', ')}`;
            }
            """);
        Assert.True(overflow.Length == 0, $"{page.Url}: {overflow}");
    }
}
