using KneeTriage.Web.Data;

namespace KneeTriage.Web.Boards;

public static class BoardServiceCollectionExtensions
{
    /// <summary>The boards' store (a singleton that rents a pooled context per call, like AssessmentStore) and their links.</summary>
    public static IServiceCollection AddBoards(this IServiceCollection services)
    {
        services.AddSingleton<BoardStore>();
        services.AddSingleton<BoardLinks>();
        return services;
    }

    /// <summary>The boards' JSON API (/api/boards, /api/shares); the pages are Razor Pages under Pages/Boards and Pages/Join.</summary>
    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder endpoints) => endpoints.MapBoardApi();
}
