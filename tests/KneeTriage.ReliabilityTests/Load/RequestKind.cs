namespace KneeTriage.ReliabilityTests.Load;

/// <summary>What a load request does; the weights say how often, out of 100, a worker picks it.</summary>
internal enum RequestKind
{
    HomePage,
    ArticlePage,
    QuestionnairePage,
    Stylesheet,
    ResultPage,
    ResultApi,
    Submission,
}

internal static class RequestMix
{
    /// <summary>
    /// Mostly reading, as on a health-advice site: people read the guide, open shared results, and
    /// fewer submit. Submissions are still frequent enough that SQLite's single writer is busy throughout.
    /// </summary>
    public static readonly IReadOnlyList<(RequestKind Kind, int Weight)> Weights =
    [
        (RequestKind.HomePage, 10),
        (RequestKind.ArticlePage, 30),
        (RequestKind.QuestionnairePage, 5),
        (RequestKind.Stylesheet, 5),
        (RequestKind.ResultPage, 25),
        (RequestKind.ResultApi, 10),
        (RequestKind.Submission, 15),
    ];

    public static RequestKind Pick(Random random)
    {
        var roll = random.Next(Weights.Sum(w => w.Weight));
        foreach (var (kind, weight) in Weights)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The weights do not add up.");
    }
}
