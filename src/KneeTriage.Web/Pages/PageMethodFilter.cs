using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages;

/// <summary>
/// Razor Pages accept every method and, when no handler takes it, render the page without running
/// one: a TRACE or PUT reached the page with its model unset (a 500). This filter answers those
/// requests before anything else runs: 405 with <c>Allow</c> for a method no handler of the page
/// takes (before the antiforgery check, which would otherwise answer a PUT 400), and 400 when the
/// method is handled but the request names no handler that takes it (a POST without
/// <c>?handler=</c> to a page whose form actions are all named). HEAD goes with GET, as Razor
/// Pages run OnGet for it; a page without handlers takes GET and HEAD only.
/// </summary>
public sealed class PageMethodFilter : IAuthorizationFilter, IPageFilter, IOrderedFilter
{
    private readonly ConcurrentDictionary<ActionDescriptor, AllowedMethods> allowedByPage = new();

    /// <summary>First of the authorization filters, so before antiforgery validation (order 1000).</summary>
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is not CompiledPageActionDescriptor page || AnswersEveryMethod(page))
        {
            return;
        }

        var allowed = allowedByPage.GetOrAdd(page, AllowedMethods.Of);
        if (!allowed.Methods.Contains(context.HttpContext.Request.Method))
        {
            context.HttpContext.Response.Headers.Allow = allowed.Header;
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0 && !AnswersEveryMethod(context.ActionDescriptor))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static bool AnswersEveryMethod(ActionDescriptor page) => page.EndpointMetadata.OfType<AnswersEveryMethodAttribute>().Any();

    /// <summary>The methods one page's handlers take, and the <c>Allow</c> header that lists them.</summary>
    private sealed record AllowedMethods(HashSet<string> Methods, string Header)
    {
        private static readonly string[] Usual = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

        public static AllowedMethods Of(ActionDescriptor descriptor)
        {
            var page = (CompiledPageActionDescriptor)descriptor;
            var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToList();
            if (methods.Count == 0 || methods.Contains(HttpMethods.Get))
            {
                methods.AddRange([HttpMethods.Get, HttpMethods.Head]);
            }

            // GET, HEAD, POST first, as people read them.
            var ordered = methods.Distinct(StringComparer.Ordinal).OrderBy(m => Array.IndexOf(Usual, m) is var i and >= 0 ? i : Usual.Length).ToList();
            return new AllowedMethods(new HashSet<string>(ordered, StringComparer.OrdinalIgnoreCase), string.Join(", ", ordered));
        }
    }
}

/// <summary>
/// A page that renders for any method: the error page, which the app re-executes for the failed
/// request whatever its method was.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnswersEveryMethodAttribute : Attribute;
