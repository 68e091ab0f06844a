using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Elements;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Layout;

/// <summary>
/// Everything elements need during one pass: fonts, theme, the canvas (null while only laying out), the page being
/// filled, and what the previous pass learned (page count, anchor pages).
/// </summary>
internal sealed class LayoutContext : ITypefaceSource
{
    readonly Dictionary<(SKTypeface, float), SKFont> _fonts = [];
    readonly Dictionary<FontFace, SKTypeface> _drawingTypefaces;
    readonly HashSet<int> _missingCodePoints = [];

    internal LayoutContext(Theme theme, FontLibrary fonts, Dictionary<FontFace, SKTypeface> drawingTypefaces)
    {
        Theme = theme;
        Fonts = fonts;
        _drawingTypefaces = drawingTypefaces;
    }

    internal Theme Theme { get; }
    internal FontLibrary Fonts { get; }
    /// <summary>Null while laying out without drawing (pass 1, pages skipped when rendering one PNG).</summary>
    internal SKCanvas? Canvas { get; set; }
    internal int PageIndex { get; set; }
    /// <summary>Page count learned by the previous pass; 0 in the first pass.</summary>
    internal int PageCount { get; set; }
    /// <summary>Set when a page is empty and still nothing fits: soft rules (keep-with-next, orphans) give way.</summary>
    internal bool Relaxed { get; set; }
    /// <summary>True while measuring or drawing what comes first on a page: space before it is dropped.</summary>
    internal bool AtPageTop { get; set; }
    internal GlyphUsage? GlyphUsage { get; set; }
    internal List<MissingGlyph> Missing { get; } = [];
    internal List<HeadingPlacement> Headings { get; } = [];
    internal Dictionary<string, int> AnchorPages { get; } = [];
    /// <summary>Page index of each heading drawn in this pass.</summary>
    internal Dictionary<Heading, int> HeadingPages { get; } = [];
    /// <summary>Heading pages from the previous pass (table of contents).</summary>
    internal IReadOnlyDictionary<Heading, int> KnownHeadingPages { get; set; } = new Dictionary<Heading, int>();
    /// <summary>Headings found in the document tree before layout: what the table of contents lists.</summary>
    internal IReadOnlyList<Heading> AllHeadings { get; set; } = [];

    internal void ReportMissing(int codePoint, string text)
    {
        if (_missingCodePoints.Add(codePoint)) Missing.Add(new MissingGlyph(codePoint, text));
    }

    /// <summary>Reused by every line of the pass (buffers, text blob builder, paint).</summary>
    internal Text.LineRenderer LineRenderer { get; } = new();

    internal SKTypeface DrawingTypeface(FontFace face) =>
        _drawingTypefaces.TryGetValue(face, out var subset) ? subset : face.Typeface;

    internal SKFont Font(FontFace face, float size)
    {
        var typeface = DrawingTypeface(face);
        if (!_fonts.TryGetValue((typeface, size), out var font))
        {
            font = new SKFont(typeface, size)
            {
                Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.SubpixelAntialias,
            };
            _fonts[(typeface, size)] = font;
        }
        return font;
    }

    public SKTypeface GetTypeface(string family, SKFontStyleWeight weight) =>
        DrawingTypeface(Fonts.Find(family, weight)
            ?? throw new TypesettingException($"font family '{family}' requested by a drawing callback is not in the font library"));

    internal void ReleaseDrawingResources()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        _fonts.Clear();
        LineRenderer.Dispose();
    }
}
