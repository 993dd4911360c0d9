using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeTriage.Web.Security;

public static class NoSignInServiceCollectionExtensions
{
    /// <summary>
    /// The site has no accounts and no sign-in. ASP.NET Core puts the authentication middleware in
    /// front of every request whenever an authentication scheme provider is registered (the
    /// framework's own registrations add one); with no schemes it found nothing to do, yet it
    /// cost about 2% of an article view's CPU. Call last, after every other registration.
    /// Adding real authentication later means deleting this call.
    /// </summary>
    public static IServiceCollection RemoveUnusedAuthentication(this IServiceCollection services) =>
        services
            .RemoveAll<IAuthenticationSchemeProvider>()
            .RemoveAll<IAuthenticationHandlerProvider>()
            .RemoveAll<IAuthenticationService>()
            .RemoveAll<IClaimsTransformation>();
}
