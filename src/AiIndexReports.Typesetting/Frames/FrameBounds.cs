using SkiaSharp;

namespace AiIndexReports.Typesetting.Frames;

/// <summary>
/// Where a frame block's ink is on its page (points, origin top-left): the union of its items' boxes. Glyph runs count
/// from the font's ascender to its descender and to the end of the last glyph's advance, so a line of text is one band.
/// For tools that map a page back to its source (a preview that says which template line drew what was clicked); the
/// exporters do not need it.
/// </summary>
public static class FrameBounds
{
    /// <summary>The box around everything the block draws; empty for a block without items.</summary>
    public static SKRect Of(FrameBlock block)
    {
        SKRect? bounds = null;
        foreach (var item in block.Items)
            if (Of(item) is { } box)
                bounds = bounds is { } b ? SKRect.Union(b, box) : box;
        return bounds ?? SKRect.Empty;
    }

    /// <summary>The box of one item; null for an item that draws nothing (an empty glyph run).</summary>
    public static SKRect? Of(FrameItem item)
    {
        switch (item)
        {
            case GlyphRunItem run when run.Glyphs.Length > 0:
            {
                using var font = new SKFont(run.Face.Typeface, run.Size);
                var widths = font.GetGlyphWidths(run.Glyphs);
                float left = float.MaxValue, right = float.MinValue, top = float.MaxValue, bottom = float.MinValue;
                for (var i = 0; i < run.Glyphs.Length; i++)
                {
                    var p = run.Positions[i];
                    left = Math.Min(left, p.X);
                    right = Math.Max(right, p.X + widths[i]);
                    top = Math.Min(top, p.Y - run.Face.Ascent * run.Size);
                    bottom = Math.Max(bottom, p.Y + run.Face.Descent * run.Size);
                }
                return new SKRect(left, top, right, bottom);
            }
            case LineItem line:
            {
                var half = line.Width / 2;
                return new SKRect(Math.Min(line.From.X, line.To.X) - half, Math.Min(line.From.Y, line.To.Y) - half,
                    Math.Max(line.From.X, line.To.X) + half, Math.Max(line.From.Y, line.To.Y) + half);
            }
            case RectItem rect:
                return rect.Rect;
            case DotsItem { Centers.Count: > 0 } dots:
                return new SKRect(dots.Centers.Min(c => c.X) - dots.Radius, dots.Centers.Min(c => c.Y) - dots.Radius,
                    dots.Centers.Max(c => c.X) + dots.Radius, dots.Centers.Max(c => c.Y) + dots.Radius);
            case ImageItem image:
                return image.Rect;
            case CanvasItem canvas:
                return canvas.Rect;
            default:
                return null;
        }
    }
}
