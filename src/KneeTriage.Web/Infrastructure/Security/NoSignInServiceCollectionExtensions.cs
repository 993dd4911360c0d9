using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeTriage.Web.Infrastructure.Security;

public static class NoSignInServiceCollectionExtensions
{
    /// <summary>
    /// The site has no accounts and no sign-in. ASP.NET Core puts the authentication middleware in
    /// front of every request whenever an authentication scheme provider is registered (the
    /// framework's own registrations add one); with no schemes it found nothing to do, yet it
    /// cost about 2% of an article view's CPU. The same goes for the authorization middleware, which
    /// the framework puts in front of the whole pipeline (before routing, so it never saw an
    /// endpoint to authorize) whenever an authorization handler provider is registered: another
    /// 2-3% of an article view's CPU measured with perf (decision 0019). No page or endpoint asks for
    /// authorization. Call last, after every other registration. Adding real authentication later
    /// means deleting this call.
    /// </summary>
    public static IServiceCollection RemoveUnusedAuthentication(this IServiceCollection services) =>
        services
            .RemoveAll<IAuthenticationSchemeProvider>()
            .RemoveAll<IAuthenticationHandlerProvider>()
            .RemoveAll<IAuthenticationService>()
            .RemoveAll<IClaimsTransformation>()
            .RemoveAll<IAuthorizationHandlerProvider>()
            .RemoveAll<IAuthorizationService>()
            .RemoveAll<IPolicyEvaluator>();
}
