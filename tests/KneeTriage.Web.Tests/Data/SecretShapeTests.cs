using KneeTriage.Web.Data;
using KneeTriage.Web.Infrastructure.LogPrivacy;

namespace KneeTriage.Web.Tests.Data;

/// <summary>The log redaction recognises secrets by their length and alphabet; those must match what is made.</summary>
public sealed class SecretShapeTests
{
    [Fact]
    public void ShareTokensAndDeleteKeysHaveTheLengthsAndAlphabetTheRedactionLooksFor()
    {
        var token = ShareToken.Create();
        var deleteKey = DeleteKey.Create();

        Assert.Equal(ShareToken.Length, token.Length);
        Assert.Equal(DeleteKey.Length, deleteKey.Length);
        Assert.All(token + deleteKey, c => Assert.True(ShareToken.IsBase64UrlCharacter(c), $"'{c}' is outside the alphabet."));
        Assert.Equal("see {redacted} and {redacted}", SecretRedactingEnricher.Redact($"see {token} and {deleteKey}"));
    }
}
