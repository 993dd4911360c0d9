using KneeTriage.Web.Health;

var builder = WebApplication.CreateBuilder(args);

// Razor Pages serve every HTML page; feature folders hold what each page needs.
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseStaticFiles();
app.UseRouting();

// Liveness for load balancers and CI.
app.MapHealth();
app.MapRazorPages();

app.Run();

/// <summary>Exposed so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
