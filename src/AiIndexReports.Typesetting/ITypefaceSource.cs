using SkiaSharp;

namespace AiIndexReports.Typesetting;

/// <summary>
/// The document's typefaces for drawing callbacks (charts). While the PDF is drawn these are the per-document subset
/// typefaces, so a chart must declare every string it draws in <see cref="Elements.CanvasElement.Texts"/>.
/// </summary>
public interface ITypefaceSource
{
    SKTypeface GetTypeface(string family, SKFontStyleWeight weight);
}
