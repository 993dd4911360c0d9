using KneeTriage.Web.Tests.Infrastructure;

namespace KneeTriage.Web.Tests.Markup;

/// <summary>
/// NuCheckerTests passes when the checker reports nothing, so the checker and the way its report is
/// read must be seen to report something: a broken page, an address it cannot read, a file not there.
/// </summary>
public sealed class NuCheckerCanFailTests
{
    private const string BrokenPage =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><p id=\"twice\">a</p><p id=\"twice\">b</p></span></body></html>";

    [NuFact]
    public async Task ABrokenPageAndAnAddressItCannotReadAreBothReported()
    {
        Assert.True(NuChecker.Unavailable() is null, $"KNEETRIAGE_REQUIRE_NU=1 but the Nu checker cannot run: {NuChecker.Unavailable()}");
        var file = Path.Combine(Path.GetTempPath(), $"kt-nu-broken-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, BrokenPage);
        try
        {
            // The checker refuses loopback addresses without connecting: a non-document error, every time.
            var errors = await NuChecker.ErrorsAsync([file, "http://127.0.0.1:5369/"]);

            Assert.Contains(errors, e => e.Contains("Duplicate ID", StringComparison.Ordinal) && e.StartsWith(Path.GetFileName(file), StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("Stray end tag", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("non-document-error", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ANonDocumentErrorInAReportIsAnError()
    {
        const string report = """{"messages":[{"type":"non-document-error","url":"file:/tmp/page.html","subType":"io","message":"Cannot read."},{"type":"info","subType":"warning","url":"file:/tmp/page.html","message":"Just a warning."}]}""";

        var errors = NuChecker.ReadReport(report);

        Assert.Equal(["page.html:0: non-document-error: Cannot read."], errors);
    }

    [Fact]
    public async Task AFileThatIsNotThereIsAnErrorNotASilentPass()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kt-nu-missing-{Guid.NewGuid():N}.html");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => NuChecker.ErrorsAsync([missing]));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
