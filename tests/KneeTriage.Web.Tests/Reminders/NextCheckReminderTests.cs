using System.Net;
using System.Text;
using Ical.Net;
using KneeTriage.Web.Reminders;
using KneeTriage.Web.Tests.Api;
using KneeTriage.Web.Tests.Infrastructure;
using KneeTriage.Web.Tests.Questionnaire;

namespace KneeTriage.Web.Tests.Reminders;

/// <summary>GET /results/{token}/next-check.ics: a reminder a week on that says nothing about the runner and stores nothing.</summary>
public sealed class NextCheckReminderTests(RateLimitsOffAppFactory factory) : IClassFixture<RateLimitsOffAppFactory>
{
    [Fact]
    public async Task TheReminderIsOneCalendarEventAWeekAfterTheResultWithItsLinkAndWhatToDo()
    {
        var (id, createdAt) = await PostAsync();

        using var response = await factory.CreatePlainClient().GetAsync($"/results/{id}/next-check.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(text)!;
        var reminder = Assert.Single(calendar.Events);
        Assert.False(reminder.DtStart!.HasTime, "A reminder for a day, not a meeting at a time.");
        Assert.Equal(DateOnly.FromDateTime(createdAt).AddDays(7), reminder.DtStart.Date);
        var link = $"http://localhost/results/{id}";
        Assert.Equal(new Uri(link), reminder.Url);
        // Only the link and the one line of what to do: no answer, urgency or cause.
        Assert.Equal($"{NextCheckCalendar.WhatToDo}\n{link}", reminder.Description);
        Assert.Equal("Check your knee again", reminder.Summary);
    }

    [Fact]
    public async Task TheFileFollowsRfc5545LinesAndDownloadsTheSameEventEveryTime()
    {
        var (id, _) = await PostAsync();
        var client = factory.CreatePlainClient();

        var first = await client.GetStringAsync($"/results/{id}/next-check.ics");
        var second = await client.GetStringAsync($"/results/{id}/next-check.ics");

        Assert.Equal(first, second);
        Assert.EndsWith("\r\n", first, StringComparison.Ordinal);
        var lines = first[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"A line longer than 75 octets: {line}"));
        Assert.DoesNotContain('\n', string.Concat(lines));
        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0"], lines[..2]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var uid = Assert.Single(Calendar.Load(first)!.Events).Uid;
        Assert.False(string.IsNullOrEmpty(uid));
        Assert.DoesNotContain(id, uid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongLinkIsFoldedAndReadsBackWhole()
    {
        var link = "https://a-long-public-address-for-the-knee-check.example.org/results/" + new string('A', 43);

        var calendar = Calendar.Load(NextCheckCalendar.Build(link, "token", new DateTime(2026, 12, 31, 23, 59, 0, DateTimeKind.Utc)))!;

        var reminder = Assert.Single(calendar.Events);
        Assert.Equal(new Uri(link), reminder.Url);
        Assert.EndsWith(link, reminder.Description, StringComparison.Ordinal);
        // A week after New Year's Eve is in the next year.
        Assert.Equal(new DateOnly(2027, 1, 7), reminder.DtStart!.Date);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("x")]
    public async Task AnUnknownOrMalformedResultIs404(string id)
    {
        using var response = await factory.CreatePlainClient().GetAsync($"/results/{id}/next-check.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/calendar", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ADeletedResultIs404()
    {
        var client = factory.CreatePlainClient();
        using var created = await ApiClient.PostAnswersAsync(client, ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(created);
        var id = body.GetProperty("id").GetString()!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/assessments/{id}");
        delete.Headers.Add("X-Delete-Key", body.GetProperty("deleteKey").GetString());
        using var deleted = await client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var response = await client.GetAsync($"/results/{id}/next-check.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NothingIsStoredOrSetForTheReminder()
    {
        var (id, _) = await PostAsync();
        var before = await factory.StoredCountAsync();

        using var response = await factory.CreatePlainClient().GetAsync($"/results/{id}/next-check.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await factory.StoredCountAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"), "The reminder set a cookie.");
        Assert.True(response.Headers.CacheControl?.NoStore, "A token-bearing answer without no-store.");
    }

    [Fact]
    public async Task TheResultPageOffersTheReminderAndTheFhirDownloadAsPlainLinks()
    {
        var client = factory.CreatePlainClient();
        var url = await CheckForm.CompleteCheckAsync(client, CheckForm.SelfCareAnswers);
        var token = url["/results/".Length..];

        var page = await HtmlPage.LoadAsync(client, url);

        var reminder = page.Document.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "Add a reminder to check again");
        Assert.Equal($"/results/{token}/next-check.ics", reminder?.GetAttribute("href"));
        var fhir = page.Document.QuerySelectorAll(".share-buttons a").SingleOrDefault(a => a.TextContent.Trim() == "Download for your clinician (FHIR)");
        Assert.Equal($"/api/assessments/{token}/fhir", fhir?.GetAttribute("href"));
        Assert.False(fhir!.HasAttribute("hidden"), "The FHIR link needs no script.");
        using var ics = await client.GetAsync(reminder!.GetAttribute("href"));
        using var bundle = await client.GetAsync(fhir.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    private async Task<(string Id, DateTime CreatedAt)> PostAsync()
    {
        using var created = await ApiClient.PostAnswersAsync(factory.CreatePlainClient(), ApiClient.ValidAnswers());
        var body = await ApiClient.JsonAsync(created);
        return (body.GetProperty("id").GetString()!, body.GetProperty("createdAt").GetDateTime());
    }
}
