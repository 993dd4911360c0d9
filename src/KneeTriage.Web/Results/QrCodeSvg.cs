using System.Globalization;
using System.Text;
using QRCoder;

namespace KneeTriage.Web.StoredResults;

/// <summary>
/// Draws a QR code as inline SVG: one path of dark modules on a light square, with classes and
/// attributes only (the Content-Security-Policy allows no inline styles).
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var viewBox = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg class=\"qr-code\" viewBox=\"0 0 {viewBox} {viewBox}\" role=\"img\" aria-label=\"QR code for the link to this result\" shape-rendering=\"crispEdges\" xmlns=\"http://www.w3.org/2000/svg\">"
            + $"<rect class=\"qr-code-light\" width=\"{viewBox}\" height=\"{viewBox}\" fill=\"#ffffff\"/>"
            + $"<path class=\"qr-code-dark\" fill=\"#000000\" d=\"{path}\"/></svg>";
    }
}
