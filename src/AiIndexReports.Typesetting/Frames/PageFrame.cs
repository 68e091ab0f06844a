using System.Text;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Fonts;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Frames;

/// <summary>
/// One laid-out page: what layout decided, ready to draw, in page coordinates (points, origin top-left). Exporters
/// (PDF, PNG) draw frames and never lay out again. Content is grouped in <see cref="Blocks"/>, each one semantic unit
/// (the part of a paragraph on this page, a chart, the running footer…) tagged with its structure node or as an
/// artifact; links and named destinations are listed apart because they are annotations, not drawing.
/// </summary>
public sealed class PageFrame(int index, SKSize size, IReadOnlyList<FrameBlock> blocks, IReadOnlyList<LinkItem> links,
    IReadOnlyList<DestinationItem> destinations)
{
    /// <summary>0-based page index.</summary>
    public int Index { get; } = index;
    public SKSize Size { get; } = size;
    /// <summary>Drawing order; within a page it is also reading order for the tagged blocks.</summary>
    public IReadOnlyList<FrameBlock> Blocks { get; } = blocks;
    public IReadOnlyList<LinkItem> Links { get; } = links;
    public IReadOnlyList<DestinationItem> Destinations { get; } = destinations;
}

/// <summary>
/// Consecutive items of one semantic unit on one page: tagged content of <see cref="Node"/>, or an artifact of
/// <see cref="Artifact"/> kind. Each block the PDF exporter draws becomes one marked-content sequence of the tagged PDF.
/// </summary>
public sealed class FrameBlock(StructNode? node, ArtifactKind? artifact, Element? element, int pageIndex)
{
    readonly List<FrameItem> _items = [];

    /// <summary>The structure node this content belongs to; null for artifacts.</summary>
    public StructNode? Node { get; } = node;
    /// <summary>Set for page furniture (header, footer, rules, backgrounds); null for content.</summary>
    public ArtifactKind? Artifact { get; } = artifact;
    /// <summary>The element that drew the block: its <see cref="Element.Source"/> maps the page back to the source.</summary>
    public Element? Element { get; } = element;
    public int PageIndex { get; } = pageIndex;
    public IReadOnlyList<FrameItem> Items => _items;

    internal void Add(FrameItem item) => _items.Add(item);
}

/// <summary>Something drawn on a page, in page coordinates.</summary>
public abstract class FrameItem;

/// <summary>
/// Positioned glyphs of one face at one size and colour, with the text they show (UTF-8) and each glyph's cluster
/// (byte offset into the text), so the PDF can map glyphs back to text. Glyph ids are the full font's: subset fonts
/// retain them, so a frame laid out with the full font draws with the subset.
/// </summary>
public sealed class GlyphRunItem(FontFace face, float size, SKColor color, ushort[] glyphs, SKPoint[] positions, byte[] utf8, uint[] clusters) : FrameItem
{
    public FontFace Face { get; } = face;
    public float Size { get; } = size;
    public SKColor Color { get; } = color;
    public ushort[] Glyphs { get; } = glyphs;
    /// <summary>Baseline origin of each glyph.</summary>
    public SKPoint[] Positions { get; } = positions;
    public byte[] Utf8 { get; } = utf8;
    public uint[] Clusters { get; } = clusters;
    public string Text => Encoding.UTF8.GetString(Utf8);
}

/// <summary>A straight stroke (rules, borders, underlines).</summary>
public sealed class LineItem(SKPoint from, SKPoint to, float width, SKColor color) : FrameItem
{
    public SKPoint From { get; } = from;
    public SKPoint To { get; } = to;
    public float Width { get; } = width;
    public SKColor Color { get; } = color;
}

/// <summary>A filled rectangle (backgrounds, shading).</summary>
public sealed class RectItem(SKRect rect, SKColor color) : FrameItem
{
    public SKRect Rect { get; } = rect;
    public SKColor Color { get; } = color;
}

/// <summary>Round dots of one size and colour (a leader): one item, so an exporter can draw them as one shape.</summary>
public sealed class DotsItem(IReadOnlyList<SKPoint> centers, float radius, SKColor color) : FrameItem
{
    public IReadOnlyList<SKPoint> Centers { get; } = centers;
    public float Radius { get; } = radius;
    public SKColor Color { get; } = color;
}

/// <summary>A raster image scaled into <see cref="Rect"/>.</summary>
public sealed class ImageItem(SKImage image, SKRect rect) : FrameItem
{
    public SKImage Image { get; } = image;
    public SKRect Rect { get; } = rect;
}

/// <summary>
/// A drawing callback (a chart) run at export time with the exporter's typefaces — the subset fonts in a PDF — clipped
/// to <see cref="Rect"/>, origin at its top-left.
/// </summary>
public sealed class CanvasItem(SKRect rect, Action<SKCanvas, SKSize, ITypefaceSource> draw) : FrameItem
{
    public SKRect Rect { get; } = rect;
    public Action<SKCanvas, SKSize, ITypefaceSource> Draw { get; } = draw;
}

/// <summary>
/// A clickable area: an external <see cref="Url"/> or an internal <see cref="Anchor"/> (a named destination). In a
/// tagged PDF it is an object reference inside its <see cref="Node"/> (a Link element), with <see cref="Text"/> as
/// the annotation's description.
/// </summary>
public sealed class LinkItem(SKRect rect, string? url, string? anchor, string text, StructNode? node, int pageIndex)
{
    public SKRect Rect { get; } = rect;
    public string? Url { get; } = url;
    public string? Anchor { get; } = anchor;
    public string Text { get; } = text;
    public StructNode? Node { get; } = node;
    public int PageIndex { get; } = pageIndex;
}

/// <summary>A named destination (link target) at a point of the page.</summary>
public sealed class DestinationItem(string name, SKPoint point)
{
    public string Name { get; } = name;
    public SKPoint Point { get; } = point;
}
