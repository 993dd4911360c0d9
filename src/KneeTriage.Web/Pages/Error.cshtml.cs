using KneeTriage.Web.Articles;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeTriage.Web.Pages;

/// <summary>
/// The friendly page for every error: re-executed for empty 4xx/5xx answers (with the status in
/// the route) and for unhandled exceptions. It keeps the original status code. Asked for directly
/// (<c>/error</c>, <c>/error/500</c>), it is the 404 of an address that does not exist: anyone
/// could otherwise fill the error log and fake an outage in monitoring.
/// </summary>
[AnswersEveryMethod] // re-executed for the failed request, whatever its method
[IgnoreAntiforgeryToken] // re-executed for POSTs to unknown URLs too; there is no form here to protect
[ResponseCache(NoStore = true, Duration = 0)]
public sealed class ErrorModel(ArticleLibrary library) : PageModel
{
    private int? status;

    /// <summary>
    /// The error being shown: the code in the route, else the status already set (500 after an
    /// exception). Worked out on first use rather than in a handler because Razor Pages runs no
    /// handler for a re-executed POST, PUT or DELETE, and those must get the page too.
    /// </summary>
    public int Status => status ??= ResolveStatus();

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public bool IsServerError => Status >= 500;

    public bool IsTooManyRequests => Status == StatusCodes.Status429TooManyRequests;

    /// <summary>The rate limiter's Retry-After, which survives the re-execution to this page.</summary>
    public string RetryAfterSeconds => Response.Headers.RetryAfter.ToString() is { Length: > 0 } seconds ? seconds : "60";

    public string Title => IsNotFound ? "Page not found"
        : IsServerError ? "Something went wrong"
        : IsTooManyRequests ? "Too many requests"
        : "That request could not be handled";

    public string Description => IsNotFound
        ? "The page you asked for does not exist. Find the guide's sections and the symptom check from here."
        : "An error stopped this page from being shown.";

    public IReadOnlyList<ArticleSection> Sections => library.Sections;

    /// <summary>
    /// Without it Razor Pages answer an OPTIONS request 200 with no body when no handler takes it,
    /// which would turn a re-executed 405 into a 200. The page renders as for any other method.
    /// </summary>
    public void OnOptions()
    {
    }

    private int ResolveStatus()
    {
        if (!IsReExecuted)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return StatusCodes.Status404NotFound;
        }

        var code = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), out var parsed)
            ? parsed
            : Response.StatusCode;
        var resolved = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;

        Response.StatusCode = resolved;
        return resolved;
    }

    /// <summary>The status-code pages or the exception handler sent this request here; a visitor did not.</summary>
    private bool IsReExecuted =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
        || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
}
