using System.Buffers.Text;
using KneeTriage.Web.Data;

namespace KneeTriage.Web.Tests.Security;

/// <summary>Share tokens name a result in a link; delete keys let its creator remove it. Neither may be guessable.</summary>
public sealed class ShareTokenTests
{
    private const int Samples = 20_000;

    [Fact]
    public void ShareTokensCarryAtLeast128RandomBitsInUrlSafeCharacters()
    {
        var token = ShareToken.Create();

        Assert.True(token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
            $"share token {token} has characters that need escaping in a URL");
        Assert.True(ShareToken.IsWellFormed(token), "a freshly made token is not accepted as well formed");
        var bytes = Base64Url.DecodeFromChars(token);
        Assert.True(bytes.Length * 8 >= 128, $"share token carries {bytes.Length * 8} bits; at least 128 are needed");
    }

    [Fact]
    public void ShareTokensNeverRepeat()
    {
        var tokens = Enumerable.Range(0, Samples).Select(_ => ShareToken.Create()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Samples, tokens.Count);
    }

    [Fact]
    public void EveryBitOfAShareTokenIsAsLikelyToBeSetAsNot()
    {
        // A GUID, a timestamp or a counter leaves bits fixed or skewed; a cryptographic generator
        // sets each bit about half the time (here 50 % ± 5 %, ten standard deviations at this sample size).
        AssertEveryBitIsUniform(() => Base64Url.DecodeFromChars(ShareToken.Create()), "share token");
    }

    [Fact]
    public void DeleteKeysCarryAtLeast128RandomBits()
    {
        var key = DeleteKey.Create();

        Assert.True(Base64Url.DecodeFromChars(key).Length * 8 >= 128, "delete key is shorter than 128 bits");
        AssertEveryBitIsUniform(() => Base64Url.DecodeFromChars(DeleteKey.Create()), "delete key");
    }

    [Fact]
    public void OnlyTheExactDeleteKeyMatchesItsStoredHash()
    {
        var key = DeleteKey.Create();
        var stored = DeleteKey.Hash(key);
        var oneCharacterOff = (key[0] == 'A' ? "B" : "A") + key[1..];

        Assert.True(DeleteKey.Matches(key, stored), "the right delete key was refused");
        Assert.False(DeleteKey.Matches(oneCharacterOff, stored), "a delete key one character off was accepted");
        Assert.False(DeleteKey.Matches(key[..^1], stored), "a truncated delete key was accepted");
        Assert.False(DeleteKey.Matches("", stored), "an empty delete key was accepted");
        Assert.False(DeleteKey.Matches(null, stored), "a missing delete key was accepted");
        Assert.False(DeleteKey.Matches(Convert.ToHexString(stored), stored), "the stored hash itself worked as a key");
    }

    [Fact]
    public void OnlyTheDeleteKeysHashIsStoredNotTheKey()
    {
        var key = DeleteKey.Create();
        var stored = DeleteKey.Hash(key);

        Assert.DoesNotContain(key, Convert.ToBase64String(stored), StringComparison.Ordinal);
        Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes(key), stored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA/A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA+A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA=A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA%2")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAéA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA\0A")]
    public void MalformedTokensAreTurnedAwayBeforeTheDatabase(string? candidate)
    {
        Assert.False(ShareToken.IsWellFormed(candidate), $"'{candidate}' was taken for a share token");
    }

    private static void AssertEveryBitIsUniform(Func<byte[]> next, string what)
    {
        var first = next();
        var setCounts = new int[first.Length * 8];
        for (var sample = 0; sample < Samples; sample++)
        {
            var bytes = sample == 0 ? first : next();
            for (var bit = 0; bit < setCounts.Length; bit++)
            {
                if ((bytes[bit / 8] & (1 << (bit % 8))) != 0)
                {
                    setCounts[bit]++;
                }
            }
        }

        for (var bit = 0; bit < setCounts.Length; bit++)
        {
            var share = setCounts[bit] / (double)Samples;
            Assert.True(share is > 0.45 and < 0.55,
                $"{what} bit {bit} is set in {share:P1} of {Samples} samples; a random bit is set in about half");
        }
    }
}
