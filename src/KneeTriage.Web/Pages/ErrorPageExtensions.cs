namespace KneeTriage.Web.Pages;

public static class ErrorPageExtensions
{
    /// <summary>
    /// Sends readers to the friendly error page: for an unhandled exception (outside Development,
    /// where the developer page is more useful) and for every empty 4xx/5xx answer, such as an
    /// unknown URL. Under /api an empty error answer (an unknown API address, say) becomes
    /// application/problem+json instead, through the registered problem-details service.
    /// </summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePages());
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }
}
