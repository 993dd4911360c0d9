using System.Globalization;
using System.Text.RegularExpressions;

namespace KneeTriage.Web.Tests.Readability;

/// <summary>
/// Flesch reading ease and Flesch-Kincaid grade of a passage (issue #24), small enough to read:
/// <list type="bullet">
/// <item>grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59;</item>
/// <item>ease = 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.</item>
/// </list>
/// <para>Sentences: a passage is split at . ! or ? followed by a space or its end; every block the
/// caller gives (a paragraph, a list item, a heading, a table cell, one text of the knowledge base)
/// ends a sentence too, since a list item or heading is read as one.</para>
/// <para>Words: runs of letters and digits, with ' - and – inside (so "6–12", "runner's" and
/// "front-of-knee" are one word each).</para>
/// <para>Syllables, the usual English rule of thumb: lower-case the word and keep its letters;
/// a word of three letters or fewer has one; otherwise drop a silent ending (-es, -ed or -e after a
/// consonant other than l, so "table" keeps its -le) and a leading y, then count the groups of
/// vowels (a e i o u y) in a row; every word has at least one. It miscounts some words ("started"
/// counts one), as every such rule does; it is the same rule for every text, which is what a limit needs.</para>
/// </summary>
public static partial class ReadingScore
{
    public sealed record Result(double Grade, double Ease, int Words, int Sentences, string LongestSentence)
    {
        public string Figures =>
            string.Create(CultureInfo.InvariantCulture, $"grade {Grade:0.0}, reading ease {Ease:0.0} ({Words} words, {Sentences} sentences)");
    }

    public static Result Of(IEnumerable<string> blocks)
    {
        var sentences = blocks.SelectMany(SentencesOf).ToList();
        var words = sentences.Sum(s => WordsOf(s).Count());
        var syllables = sentences.Sum(s => WordsOf(s).Sum(Syllables));
        if (words == 0)
        {
            return new Result(0, 100, 0, 0, string.Empty);
        }

        var wordsPerSentence = (double)words / sentences.Count;
        var syllablesPerWord = (double)syllables / words;
        return new Result(
            Grade: Math.Round((0.39 * wordsPerSentence) + (11.8 * syllablesPerWord) - 15.59, 1),
            Ease: Math.Round(206.835 - (1.015 * wordsPerSentence) - (84.6 * syllablesPerWord), 1),
            Words: words,
            Sentences: sentences.Count,
            LongestSentence: sentences.MaxBy(s => WordsOf(s).Count()) ?? string.Empty);
    }

    public static IEnumerable<string> SentencesOf(string block) =>
        SentenceEnd().Split(block.Trim()).Select(s => s.Trim()).Where(s => WordsOf(s).Any());

    public static IEnumerable<string> WordsOf(string sentence) => Word().Matches(sentence).Select(m => m.Value);

    public static int Syllables(string word)
    {
        var letters = NotALetter().Replace(word.ToLowerInvariant(), string.Empty);
        if (letters.Length <= 3)
        {
            return 1;
        }

        letters = LeadingY().Replace(SilentEnding().Replace(letters, string.Empty), string.Empty);
        return Math.Max(1, VowelGroup().Count(letters));
    }

    [GeneratedRegex(@"(?<=[.!?])[""”’)]*\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9'’\-–]*")]
    private static partial Regex Word();

    [GeneratedRegex("[^a-z]")]
    private static partial Regex NotALetter();

    [GeneratedRegex("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
