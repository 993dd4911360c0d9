using KneeTriage.Web.Infrastructure.LogPrivacy;

namespace KneeTriage.Web.Tests.LogPrivacy;

public sealed class SensitivePathTests
{
    [Theory]
    [InlineData("/results/AbC123-xyz_9", "/results/{redacted}")]
    [InlineData("/results/AbC123-xyz_9/qr", "/results/{redacted}/qr")]
    [InlineData("/api/assessments/AbC123-xyz_9", "/api/assessments/{redacted}")]
    [InlineData("/API/Assessments/AbC123", "/API/Assessments/{redacted}")]
    [InlineData("/results/AbC123?handler=Delete", "/results/{redacted}?handler=Delete")]
    [InlineData("http://localhost/results/AbC123#top", "http://localhost/results/{redacted}#top")]
    [InlineData("from /results/One to /results/Two", "from /results/{redacted} to /results/{redacted}")]
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
