using ScottPlot;
using SkiaSharp;

namespace AiIndexReports.Charts;

/// <summary>
/// A line chart's point marker: a filled disc drawn as a zero-length stroke with round caps. Skia writes it into a PDF
/// as "x y m x y l S" and into an SVG as "Mx yLx y" (both formats paint such a stroke as a disc: ISO 32000-1 8.5.3.2,
/// SVG 1.1 11.4), where ScottPlot's FilledCircle became sixteen Bézier curves — 72 KB of the 2025 brief's 295 KB of
/// page content, which Skia compresses at level 6 while drawing. Not a lone point: Skia's SVG writer drops those.
/// </summary>
internal sealed class RoundDotMarker : IMarker
{
    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
    {
        using var dot = new SKPaint
        {
            Color = markerStyle.FillColor.ToSKColor(), IsAntialias = true,
            Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round, StrokeWidth = size,
        };
        canvas.DrawLine(center.X, center.Y, center.X, center.Y, dot);
    }
}
