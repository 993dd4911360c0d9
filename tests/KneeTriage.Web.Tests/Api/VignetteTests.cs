using System.Net;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Api;

/// <summary>The development vignettes through HTTP, as the outside check sends them.</summary>
public sealed class VignetteTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    private static readonly string[] Levels = ["self-care", "see-clinician", "urgent", "emergency"];

    public static TheoryData<string> VignetteIds => [.. ApiClient.DevVignettes().Select(v => v.Id)];

    [Theory]
    [MemberData(nameof(VignetteIds))]
    public async Task EveryDevVignetteIsStoredAndNeverUnderTriaged(string id)
    {
        var vignette = ApiClient.DevVignettes().Single(v => v.Id == id);

        using var response = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), vignette.Answers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{id}: HTTP {(int)response.StatusCode}: {text}");
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;

        var urgency = body.GetProperty("urgency").GetString()!;
        var floor = Array.IndexOf(Levels, vignette.Urgency[0]);
        Assert.True(Array.IndexOf(Levels, urgency) >= floor, $"{id}: UNDER-TRIAGE, got {urgency}, expected at least {vignette.Urgency[0]}.");
        Assert.Equal(urgency != "self-care", body.GetProperty("seeClinician").GetBoolean());
        if (vignette.Top3.Length > 0)
        {
            var top3 = body.GetProperty("likelyCauses").EnumerateArray().Take(3).Select(c => c.GetProperty("id").GetString()).ToList();
            Assert.True(vignette.Top3.Intersect(top3).Any(), $"{id}: top three {string.Join(", ", top3)}, expected one of {string.Join(", ", vignette.Top3)}.");
        }
    }
}
