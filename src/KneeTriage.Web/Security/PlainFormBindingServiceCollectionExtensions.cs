using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeTriage.Web.Security;

public static class PlainFormBindingServiceCollectionExtensions
{
    /// <summary>
    /// Binds form fields and query keys as they are. MVC also reads them as jQuery-style keys
    /// (<c>a[b][c]</c>), which no page here uses, and its parser throws on a key such as <c>a[</c>:
    /// any form post carrying one answered 500. Without the jQuery providers it is just an unknown field.
    /// </summary>
    public static IServiceCollection AddPlainFormBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options =>
        {
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
}
