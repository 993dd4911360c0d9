using KneeTriage.Web.Logging;

namespace KneeTriage.Web.Tests.Logging;

public sealed class SensitivePathTests
{
    [Theory]
    [InlineData("/results/AbC123-xyz_9", "/results/{redacted}")]
    [InlineData("/results/AbC123-xyz_9/qr", "/results/{redacted}/qr")]
    [InlineData("/api/assessments/AbC123-xyz_9", "/api/assessments/{redacted}")]
    [InlineData("/API/Assessments/AbC123", "/API/Assessments/{redacted}")]
    public void ShareTokensInPathsAreRedacted(string path, string expected) =>
        Assert.Equal(expected, SensitivePath.Redact(path));

    [Theory]
    [InlineData("/article/causes")]
    [InlineData("/results/")]
    [InlineData("/api/assessments")]
    [InlineData("/")]
    [InlineData("")]
    public void PathsWithoutASecretAreLoggedAsTheyAre(string path) =>
        Assert.Equal(path, SensitivePath.Redact(path));
}
