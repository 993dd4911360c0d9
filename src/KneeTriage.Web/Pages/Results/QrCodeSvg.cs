using System.Globalization;
using System.Text;
using QRCoder;

namespace KneeTriage.Web.Pages.Results;

/// <summary>
/// Draws a QR code as inline SVG: one path of dark modules on a light square, with classes and
/// attributes only (the Content-Security-Policy allows no inline styles).
/// </summary>
public static class QrCodeSvg
{
    /// <param name="label">What the code opens, for a screen reader; HTML-encoded here.</param>
    public static string Render(string text, string label = "QR code for the link to this result")
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        // One rectangle per horizontal run of dark modules rather than one per module: the path is
        // about half as long, and every result page carries it.
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && row[x + 1])
                {
                    x++;
                }

                var run = x - start + 1;
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{run}v1h-{run}z");
            }
        }

        var viewBox = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg class=\"qr-code\" viewBox=\"0 0 {viewBox} {viewBox}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\" xmlns=\"http://www.w3.org/2000/svg\">"
            + $"<rect class=\"qr-code-light\" width=\"{viewBox}\" height=\"{viewBox}\" fill=\"#ffffff\"/>"
            + $"<path class=\"qr-code-dark\" fill=\"#000000\" d=\"{path}\"/></svg>";
    }
}
