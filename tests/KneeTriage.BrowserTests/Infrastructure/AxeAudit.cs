using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KneeTriage.BrowserTests.Infrastructure;

/// <summary>Runs axe-core at WCAG 2.2 AA on the page as it stands and fails with every violation listed.</summary>
public static class AxeAudit
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
    };

    public static async Task AssertNoViolationsAsync(IPage page, string pageDescription)
    {
        var result = await page.RunAxe(WcagAa);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder()
            .Append("axe found ").Append(result.Violations.Length).Append(" WCAG 2.2 AA violation(s) on ")
            .Append(pageDescription).Append(" (").Append(page.Url).AppendLine("):");
        foreach (var violation in result.Violations)
        {
            report.Append("  ").Append(violation.Id).Append(" [").Append(violation.Impact).Append("] ")
                .AppendLine(violation.Help);
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(check => check.Message);
                report.Append("    at ").Append(node.Target).Append(' ').AppendLine(node.Html)
                    .Append("      ").AppendLine(string.Join(" | ", checks));
            }
        }

        Assert.Fail(report.ToString());
    }
}
