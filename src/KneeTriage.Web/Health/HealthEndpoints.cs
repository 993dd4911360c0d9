namespace KneeTriage.Web.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        return endpoints;
    }
}
