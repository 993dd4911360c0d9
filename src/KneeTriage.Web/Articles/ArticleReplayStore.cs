using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Primitives;

namespace KneeTriage.Web.Articles;

/// <summary>
/// The article pages as the output cache last served them, one per request shape (method, scheme,
/// host, path, encoding, country), for <see cref="ArticleReplayMiddleware"/>. Only the replay reads it.
/// </summary>
public sealed class ArticleReplayStore
{
    /// <summary>Hosts are the client's to choose; past this many shapes, requests take the normal path.</summary>
    public const int MaxEntries = 256;

    private readonly ConcurrentDictionary<ArticleReplayKey, ArticleReplay> replays = new();

    public int Count => replays.Count;

    public bool TryGet(ArticleReplayKey key, [MaybeNullWhen(false)] out ArticleReplay replay) =>
        replays.TryGetValue(key, out replay);

    public void Add(ArticleReplayKey key, ArticleReplay replay)
    {
        if (replays.Count < MaxEntries)
        {
            replays[key] = replay;
        }
    }

    public void Remove(ArticleReplayKey key) => replays.TryRemove(key, out _);
}

/// <summary>What a request must share with another to get the same cached page (the output cache's key plus the encoding and the viewer's country).</summary>
public readonly record struct ArticleReplayKey(string Method, bool IsHttps, string Host, string Path, string Encoding, string Country);

/// <summary>
/// One cached answer: its headers as sent (Age left out: it is worked out per request from
/// <paramref name="Created"/>, as the output cache does) and its body.
/// </summary>
public sealed record ArticleReplay(KeyValuePair<string, StringValues>[] Headers, byte[] Body, DateTimeOffset Created);
