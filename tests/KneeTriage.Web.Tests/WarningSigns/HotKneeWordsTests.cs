using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KneeTriage.Triage.Knowledge;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;
using KneeTriage.Web.Tests.Readability;
using static KneeTriage.Web.Tests.Infrastructure.PageText;

namespace KneeTriage.Web.Tests.WarningSigns;

/// <summary>
/// The check asks "Does the knee itself feel hot?", and its help says redness can be hard to see
/// on brown or black skin: a clearly hotter knee counts. The warning signs said "a hot, red knee",
/// so a runner whose knee was hot but not red read the start page, the footer or the guide and
/// ruled herself out; and the result read "red" back to a runner who had said only "hot". Every
/// text a runner reads from the knowledge base (results, warning signs, get-help lines, the plan,
/// every step of questions) and from the guide must name a hot knee, red or not: "hot, red or
/// swollen" (any one of them) is fine, "hot, red knee" and "hot and red" (both needed) are not.
/// </summary>
public sealed partial class HotKneeWordsTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string ContentFolder = Path.Combine(AppContext.BaseDirectory, "content");

    [Fact]
    public void NoTextARunnerReadsMakesAHotKneeSignNeedRedness()
    {
        var kb = KnowledgeBaseLoader.Load(Path.Combine(ContentFolder, "triage"));
        var passages = KnowledgeBaseTexts.ResultTexts(kb)
            .Concat(KnowledgeBaseTexts.QuestionSteps(kb))
            .Concat(Directory.GetFiles(Path.Combine(ContentFolder, "article"), "*.md")
                .Select(file => new KnowledgeBaseTexts.Passage($"the guide, {Path.GetFileName(file)}", GuideProse.Blocks(File.ReadAllText(file)))));

        var needingRedness = passages
            .SelectMany(p => p.Blocks.Where(NeedsRedness).Select(block => $"{p.Name}: \"{block}\""))
            .ToList();

        Assert.True(needingRedness.Count == 0, "A hot knee that must also be red (the check asks only whether it feels hot):\n" + string.Join('\n', needingRedness));
    }

    /// <summary>
    /// The interruption page, the result and its clinician summary read the sign back: to a runner
    /// who answered only "Does the knee itself feel hot?" none of them may speak of a red knee.
    /// </summary>
    [Theory]
    [InlineData("a hot knee (the same-day page)", false)]
    [InlineData("a hot knee with a fever (the emergency department page)", true)]
    public async Task ARunnerWhoSaidHerKneeIsHotIsNeverToldItIsRed(string what, bool fever)
    {
        var answers = CheckForm.SelfCareAnswers.With("hot-red-knee", "yes");
        answers = fever ? answers.With("fever", "yes") : answers;
        var interruption = await CheckForm.AnswerEveryStepAsync(factory.CreatePlainClient(), answers);
        Assert.True(interruption.Url is "/check/urgent" or "/check/emergency", $"{what}: no warning page, {interruption.Url}");
        var client = factory.CreatePlainClient();
        var result = await HtmlPage.LoadAsync(client, await CheckForm.CompleteCheckAsync(client, answers));

        var readBack = new (string Page, IElement Root)[] { ("the warning page", interruption.Document.QuerySelector("main")!), ("the result and its clinician summary", result.Document.QuerySelector("article.result")!) }
            .SelectMany(page => page.Root.QuerySelectorAll("li, p, h1, h2, h3, dt, dd").Where(e => e.QuerySelector("li, p, dd") is null)
                .Select(e => (page.Page, Line: Normalise(e.TextContent))))
            .ToList();

        // The sign is read back (so the lines below are the ones that could get it wrong).
        Assert.Contains(readBack, line => Regex.IsMatch(line.Line, @"\bhot\b", RegexOptions.IgnoreCase));
        var red = readBack.Where(line => NeedsRedness(line.Line)).Select(line => $"{line.Page}: \"{line.Line}\"").ToList();
        Assert.True(red.Count == 0, $"{what}: a red knee read back to a runner who said only \"hot\":\n" + string.Join('\n', red));
    }

    [Theory]
    [InlineData("A hot, red knee with a fever", true)]
    [InlineData("the knee turns hot and red and you have a fever", true)]
    [InlineData("A hot, swollen, red knee with a fever needs hospital care now.", true)]
    [InlineData("Hot and red, with no injury: possible joint infection.", true)]
    [InlineData("a knee that is red and hot", true)]
    [InlineData("A hot knee (red or not) with a fever", false)]
    [InlineData("the knee turns hot, even if it is not red", false)]
    [InlineData("Go to an emergency department if the knee gets hot, red or swollen.", false)]
    [InlineData("A hot, red or swollen knee with a fever can be an infection.", false)]
    [InlineData("A flare makes a joint hot and swollen, and often red.", false)]
    [InlineData("Runner's knee does not make the knee hot or red.", false)]
    [InlineData("A calf that is both hot and red after an injury could be a blood clot.", false)]
    [InlineData("A hot, red calf below a hot, red knee.", true)]
    [InlineData("A calf strain is common. A hot, red knee with a fever is not.", true)]
    public void TheDetectorTellsAKneeThatMustBeRedFromOneThatMayBe(string text, bool needsRedness) =>
        Assert.Equal(needsRedness, NeedsRedness(text));

    /// <summary>
    /// "hot" and "red" in one list joined by commas or "and" ("hot, red", "hot, swollen, red",
    /// "hot and red", "red and hot"), unless the list ends in "or" (any one of them is the sign).
    /// </summary>
    private static bool NeedsRedness(string text) =>
        Sentence().Matches(text).Where(sentence => !AboutTheCalfOnly(sentence.Value)).Any(sentence =>
            JoinedList().Matches(sentence.Value).Any(m =>
            {
                var words = m.Groups["word"].Captures.Select(c => c.Value.ToLowerInvariant()).Append(m.Groups["first"].Value.ToLowerInvariant()).ToList();
                var endsInOr = sentence.Value.AsSpan(m.Index + m.Length).TrimStart().StartsWith("or ", StringComparison.OrdinalIgnoreCase);
                return words.Contains("hot") && words.Contains("red") && !endsInOr;
            }));

    /// <summary>
    /// A sentence about the calf and not the knee: the calf's urgent sign after an injury is its
    /// skin both hot and red (hot-red-calf-after-injury), which is not the knee's sign.
    /// </summary>
    private static bool AboutTheCalfOnly(string sentence) =>
        Regex.IsMatch(sentence, @"\bcalf\b", RegexOptions.IgnoreCase) && !Regex.IsMatch(sentence, @"\bknee\b", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"[^.;:!?]+[.;:!?]?")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(?<first>hot|red)\b(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?<word>[a-z]+)\b){1,4}", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedList();
}
