using AiIndexReports.Typesetting;
using SkiaSharp;

namespace AiIndexReports.Charts;

/// <summary>The two typefaces a chart uses, taken from the document's typeface source (so chart glyphs join its subset).</summary>
internal sealed class ChartFonts(ITypefaceSource source, ChartTheme theme)
{
    public SKTypeface Regular { get; } = source.GetTypeface(theme.FontFamily, SKFontStyleWeight.Normal);
    public SKTypeface Strong { get; } = source.GetTypeface(theme.FontFamily, SKFontStyleWeight.SemiBold);

    /// <summary>The faces asked for above.</summary>
    public static IReadOnlyList<(string Family, SKFontStyleWeight Weight)> Faces(ChartTheme theme) =>
        [(theme.FontFamily, SKFontStyleWeight.Normal), (theme.FontFamily, SKFontStyleWeight.SemiBold)];

    public SKFont Font(float size, bool strong = false) =>
        new(strong ? Strong : Regular, size)
        {
            // Unhinted, linear advances: the same glyph positions at every scale (PDF, 2x PNG, SVG) and no letter gaps.
            Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias,
        };
}
