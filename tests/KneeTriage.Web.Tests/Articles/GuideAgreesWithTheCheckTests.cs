using System.Text.RegularExpressions;
using KneeTriage.Web.Tests.Readability;

namespace KneeTriage.Web.Tests.Articles;

/// <summary>
/// The guide and the check give a sign one timescale. The guide said an X-ray "within 48 hours"
/// for unexplained night or rest pain in a young runner while the check says "be seen today"
/// (young-unexplained-bone-pain): a worried runner takes the later time. And a source is cited at
/// its current nhs.uk address, never the old NHS Choices one.
/// </summary>
public sealed partial class GuideAgreesWithTheCheckTests
{
    private static readonly string ArticleFolder = Path.Combine(AppContext.BaseDirectory, "content", "article");

    public static TheoryData<string> GuideSections() =>
        [.. Directory.GetFiles(ArticleFolder, "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GuideSections))]
    public void NoGuideSectionGivesAYoungRunnersNightPainALaterTimeThanTheChecksSameDay(string file)
    {
        var later = GuideProse.Blocks(File.ReadAllText(Path.Combine(ArticleFolder, file)))
            .Where(block => block.Contains("48 hours", StringComparison.OrdinalIgnoreCase) || (block.Contains("night", StringComparison.Ordinal) && block.Contains("X-ray within", StringComparison.Ordinal)))
            .ToList();

        Assert.True(later.Count == 0, $"{file} gives a later time than the check's \"be seen today\":\n" + string.Join('\n', later));
    }

    [Fact]
    public void TheGuideSendsAYoungRunnersNightPainToBeSeenTheSameDay()
    {
        var causes = GuideProse.Blocks(File.ReadAllText(Path.Combine(ArticleFolder, "02-causes.md")));

        Assert.Contains(causes, block => block.Contains("pain at night or at rest", StringComparison.Ordinal) && block.Contains("the same day, for an X-ray", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GuideSections))]
    public void NoSourceIsCitedAtTheOldNhsChoicesAddress(string file)
    {
        var old = OldNhsChoices().Matches(File.ReadAllText(Path.Combine(ArticleFolder, file))).Select(m => m.Value).ToList();

        Assert.True(old.Count == 0, $"{file} cites NHS Choices, not the current nhs.uk page: {string.Join(", ", old)}");
    }

    [GeneratedRegex(@"NHS Choices|nhs\.uk/Conditions/|nhs\.uk/conditions/[^)\s]*/Pages/|nhschoices", RegexOptions.None)]
    private static partial Regex OldNhsChoices();
}
