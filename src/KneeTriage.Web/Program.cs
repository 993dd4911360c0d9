using KneeTriage.Web.Health;
using KneeTriage.Web.Security;

var builder = WebApplication.CreateBuilder(args);

// Razor Pages serve every HTML page; feature folders hold what each page needs.
builder.Services.AddRazorPages();
// Strict CSP and friends on every response; no framing, no server banner.
builder.Services.AddSecurityHeaders();

var app = builder.Build();

// First, so static files, 404s and error pages carry the security headers too.
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();

// Liveness for load balancers and CI.
app.MapHealth();
app.MapRazorPages();

app.Run();

/// <summary>Exposed so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
