using KneeTriage.Web.Api;
using KneeTriage.Web.Articles;
using KneeTriage.Web.Boards;
using KneeTriage.Web.Countries;
using KneeTriage.Web.Data;
using KneeTriage.Web.Fhir;
using KneeTriage.Web.Infrastructure.AllowedHosts;
using KneeTriage.Web.Infrastructure.Assets;
using KneeTriage.Web.Infrastructure.Compression;
using KneeTriage.Web.Infrastructure.Health;
using KneeTriage.Web.Infrastructure.Hosting;
using KneeTriage.Web.Infrastructure.Logging;
using KneeTriage.Web.Infrastructure.LogPrivacy;
using KneeTriage.Web.Infrastructure.OutputCaching;
using KneeTriage.Web.Infrastructure.Proxy;
using KneeTriage.Web.Infrastructure.Routing;
using KneeTriage.Web.Infrastructure.Security;
using KneeTriage.Web.Infrastructure.Startup;
using KneeTriage.Web.Infrastructure.StorageFailures;
using KneeTriage.Web.MyResults;
using KneeTriage.Web.Pages;
using KneeTriage.Web.Pages.Results;
using KneeTriage.Web.Progress;
using KneeTriage.Web.Questionnaire;
using KneeTriage.Web.Reminders;
using KneeTriage.Web.Retention;
using KneeTriage.Web.Submission;

// A start-up failure the app explains (a setting, the content) exits 1 with its message, not an abort with a stack trace.
StartupFailures.ExitWithTheMessage();
// A published app finds its wwwroot and data folder beside itself, whatever folder it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PublishedContentRoot.Find() });
// With SQLite, request code runs on the socket thread that read it, with no hand-off to the thread pool (decision 0020).
builder.UseInlineSocketScheduling();
// One clock for every feature that reads the time (storage, retention, the draft cookie, the log summary).
builder.Services.AddSingleton(TimeProvider.System);
// Static assets answer from build output as they do when published (fingerprints cached for a year, compressed copies).
builder.UseBuildOutputStaticAssets();

// Serilog from the "Serilog" section of appsettings, with the enrichers that every event passes through.
builder.Services.AddSiteLogging(builder.Configuration);
// Share tokens and delete keys masked in every log event, whoever logged it (paths, route values, any token-shaped value).
builder.Services.AddLogPrivacy();
// Behind nginx: client address and scheme from trusted proxies' X-Forwarded-*; links from Site:PublicUrl.
builder.Services.AddBehindProxy();
// AllowedHosts enforced inside the pipeline, so a refused host gets the contract's 400 with the security headers.
builder.Services.AddSiteHostFiltering();

// Razor Pages serve every HTML page; feature folders hold what each page needs.
// A method no handler of a page takes is a 405 with Allow (Razor Pages would render the page without a handler).
builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new PageMethodFilter()));
// The knowledge base, engine and the one answer validator, loaded once; a broken knowledge base stops start-up.
// First, so the start-up preload names a broken knowledge-base file before the article (which takes its warning signs from it) trips on it.
builder.Services.AddTriage();
// The one path from answers to a stored result, shared by the form's review page and the JSON API.
builder.Services.AddSubmission();
// The article, read and rendered once at start-up, warning signs filled in from the knowledge base; broken content stops start-up.
builder.Services.AddArticles();
// Stored results and the shared data-protection keys: SQLite by default, or PostgreSQL (Storage:Provider, ConnectionStrings:KneeTriage).
builder.AddStorage();
// Problem details for the JSON API and its OpenAPI document.
builder.Services.AddAssessmentApi();
// A runner's series of checks ("Check again"): the API's series and the result page's progress.
builder.Services.AddProgress();
// The result page's links, from its route, for everything that links to a result (API, boards, chart, reminders).
builder.Services.AddResultPage();
// /my-results: the results this browser made, from its own cookies (nothing stored about the browser).
builder.Services.AddMyResults();
// Coach boards: a coach's private list of the runners who shared their series with it (JSON API and pages).
builder.Services.AddBoards();
// Contract v1.2 "For the clinician": the questionnaire and a result as FHIR R4 (Firely's model loads on first request).
builder.Services.AddFhirExport();
// The output cache and every policy, in one place: article pages, and result pages while their result exists (32 MB in all).
builder.Services.AddSiteOutputCache();
// Numbers and services for the viewer's country (cookie, else Accept-Language); cached pages kept once per country.
builder.Services.AddCountries();
// Brotli and gzip for HTML and large JSON; cached pages are stored compressed, once per encoding.
builder.Services.AddSiteCompression();
// Strict CSP and friends on every response; no framing, no server banner.
builder.Services.AddSecurityHeaders();
// A post without a valid antiforgery token: counted and logged at Debug, a routine event rather than a warning.
builder.Services.AddAntiforgeryFailureCounting();
// Per-client limits on storing results and on token lookups (429 + Retry-After); RateLimiting:Enabled=false for benchmarks.
builder.Services.AddSiteRateLimiting();
// Stored results older than Retention:MaxAge (365 days by default) are deleted soon after start-up and every Retention:Interval.
builder.Services.AddRetention();
// No accounts, so no authentication or authorization middleware on every request (the framework would add both).
builder.Services.RemoveUnusedAuthentication();

var app = builder.Build();

// Article and knowledge base load on the other core while the database migrates; the host waits for them before serving.
app.BeginStartupPreload();
// Checked-in migrations and WAL before the first request, so every instance starts on the current schema (one query when it is).
app.MigrateDatabase();

// Before anything reads the client's address or scheme (HSTS, Secure cookies, rate limits, logs).
app.UseBehindProxy();
// Article pages the output cache holds, replayed before the rest of the pipeline runs (decision 0019).
app.UseArticleReplay();
// Everything else leaves the socket thread before its own code runs, so a slow request holds up no other connection (decision 0032).
app.UseThreadPoolForRequestCode();
// First after that, so static files, 404s and error pages carry the security headers too.
app.UseSecurityHeaders();
// One log line per request, path only (never the query string).
app.UseSiteRequestLogging();
// A friendly page for errors, every unknown URL and a browser's 429; API paths keep their problem+json answers.
app.UseErrorPages();
// A database that cannot be reached answers 503 with Retry-After everywhere, never 500 (Data/StorageFailure).
app.UseStorageFailureAnswers();
// A Host that AllowedHosts refuses: 400, problem+json under /api, the error page elsewhere.
app.UseSiteHostFiltering();
app.UseRouting();
// Token-bearing routes (Routing/SiteRoutes, the one list) answer with no-store, no-referrer and noindex, 429s included.
app.UseSecretRouteHeaders();
// After routing and the error pages, before any endpoint: too many submissions or lookups get 429.
app.UseSiteRateLimiting();
// Served from memory: article and home pages (they change only on restart) and result pages while their result exists.
app.UseOutputCache();
// Inside the output cache, so what it stores is already compressed.
app.UseSiteCompression();

// The framework's health checks: /healthz (liveness, no check) for CI; /healthz/ready asks the database, for load balancers.
app.MapHealth();
// wwwroot from the build's manifest: fingerprinted URLs cached for a year, ETags, the build's .br/.gz copies.
app.MapSiteStaticAssets();
app.MapRazorPages().WithStaticAssets();
// POST /country: the footer's country choice, kept in a cookie, then back to the page (303).
app.MapCountryChoice();
// The contract's JSON API (/api/questionnaire, /api/assessments) and /openapi/v1.json.
app.MapAssessmentApiWithDocument();
// /api/boards and /api/shares, described in the same OpenAPI document.
app.MapBoards();
// /api/questionnaire/fhir and /api/assessments/{id}/fhir, in the same OpenAPI document.
app.MapFhirExport();
// /results/{token}/next-check.ics: a calendar reminder to check again a week on (nothing stored).
app.MapNextCheckReminder();

app.Run();

/// <summary>Exposed so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
