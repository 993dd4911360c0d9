using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace KneeTriage.Web.Data;

/// <summary>
/// How a stored result's JSON columns hold their text: Brotli, then base64 behind a "br:" mark, in
/// the same text column on both providers. Every word is kept (decompression gives back the exact
/// string); a row written before this (plain JSON, which always starts with "{") reads unchanged, so
/// no stored row is ever rewritten. About a fifth of the plain text's bytes (decision 0031).
/// </summary>
public static class CompressedText
{
    public const string Mark = "br:";

    // Quality 5 with the largest window: nearly all of quality 11's saving at a small share of its time,
    // paid once per submission.
    private const int Quality = 5;
    private const int Window = 22;

    public static string Write(string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var rented = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(plain.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(plain, rented, out var written, Quality, Window))
            {
                throw new InvalidOperationException("Brotli could not compress a stored result.");
            }

            return Mark + Convert.ToBase64String(rented, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Read(string stored)
    {
        if (!stored.StartsWith(Mark, StringComparison.Ordinal))
        {
            return stored;
        }

        var compressed = Convert.FromBase64String(stored[Mark.Length..]);
        using var input = new MemoryStream(compressed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
