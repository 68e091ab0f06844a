using ScottPlot;
using SkiaSharp;

namespace AiIndexReports.Charts;

/// <summary>
/// What we draw on top of ScottPlot's render, in the same canvas and coordinates: the legend, model labels beside
/// points (placed so they do not collide) and gap brackets. Drawn by us because their placement depends on pixel
/// positions known only after layout, and so that their fonts are exactly the document's.
/// </summary>
internal sealed class ChartOverlay(ChartTheme theme, ChartFonts fonts, PlotComposer composer)
{
    private const float Gap = 3f;

    public void Draw(SKCanvas canvas, Plot plot, Figure figure, LineBody body)
    {
        PixelRect data = plot.RenderManager.LastRender.DataRect;
        var occupied = new List<SKRect>();
        SKPoint Pixel(double x, double y)
        {
            var px = plot.GetPixel(new Coordinates(PlotComposer.Position(figure.XAxis, x), PlotComposer.Position(figure.YAxis, y)));
            return new SKPoint(px.X, px.Y);
        }

        // Labels must keep clear of markers and of the lines themselves: sample each segment every few points.
        foreach (var series in body.Series)
            for (int i = 0; i < series.Points.Count; i++)
            {
                var p = Pixel(series.Points[i].X, series.Points[i].Y);
                occupied.Add(new SKRect(p.X - 3, p.Y - 3, p.X + 3, p.Y + 3));
                if (i == 0) continue;
                var q = Pixel(series.Points[i - 1].X, series.Points[i - 1].Y);
                int steps = (int)(SKPoint.Distance(p, q) / 4);
                for (int k = 1; k < steps; k++)
                {
                    var s = new SKPoint(q.X + (p.X - q.X) * k / steps, q.Y + (p.Y - q.Y) * k / steps);
                    occupied.Add(new SKRect(s.X - 1, s.Y - 1, s.X + 1, s.Y + 1));
                }
            }

        occupied.Add(DrawLegend(canvas, data, body));

        using var labelFont = fonts.Font(theme.ValueLabelSize);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(theme.MutedTextColor) };
        foreach (var series in body.Series.Where(s => s.LabelPoints))
            foreach (var point in series.Points.Where(p => !string.IsNullOrEmpty(p.Label)))
            {
                var box = PlaceLabel(labelFont, point.Label!, Pixel(point.X, point.Y), data, occupied);
                occupied.Add(box);
                canvas.DrawText(point.Label!, box.Left, box.Bottom - labelFont.Metrics.Descent, SKTextAlign.Left, labelFont, paint);
            }

        foreach (var callout in body.Callouts)
            DrawCallout(canvas, callout, Pixel(callout.X, callout.FromY), Pixel(callout.X, callout.ToY), data, occupied);
    }

    /// <summary>A vertical bracket between the two values and the text to its right, centred on the bracket.</summary>
    private void DrawCallout(SKCanvas canvas, Callout callout, SKPoint from, SKPoint to, PixelRect data, List<SKRect> occupied)
    {
        using var line = new SKPaint { IsAntialias = true, IsStroke = true, StrokeWidth = 0.8f, Color = SKColor.Parse(theme.TextColor) };
        float x = from.X + 5;
        if (Math.Abs(to.Y - from.Y) >= 6) // a bracket shorter than its caps reads as a stray glyph: the text alone says it
        {
            canvas.DrawLine(x, from.Y, x, to.Y, line);
            canvas.DrawLine(x - 2, from.Y, x, from.Y, line);
            canvas.DrawLine(x - 2, to.Y, x, to.Y, line);
        }
        using var font = fonts.Font(theme.ValueLabelSize, strong: true);
        using var text = new SKPaint { IsAntialias = true, Color = SKColor.Parse(theme.TextColor) };
        float w = font.MeasureText(callout.Text), h = font.Size * 1.1f, middle = (from.Y + to.Y) / 2;
        // Beside the bracket, right or left, at its middle or towards either end: whichever hits no line.
        var candidates = new[] { 0f, -0.3f, 0.3f }.SelectMany(shift =>
        {
            float y = middle + shift * Math.Abs(to.Y - from.Y) - h / 2;
            return new[] { SKRect.Create(x + Gap, y, w, h), SKRect.Create(x - 2 - Gap - w, y, w, h) };
        }).ToArray();
        var box = Best(candidates, data, occupied);
        occupied.Add(box);
        canvas.DrawText(callout.Text, box.Left, box.Bottom - font.Metrics.Descent, SKTextAlign.Left, font, text);
    }

    private SKRect DrawLegend(SKCanvas canvas, PixelRect data, LineBody body)
    {
        using var font = fonts.Font(theme.LegendSize);
        const float swatch = 14f, rowGap = 2f, padding = 4f;
        float lineHeight = font.Spacing + rowGap;
        float width = swatch + Gap + body.Series.Max(s => font.MeasureText(s.Name)) + 2 * padding;
        float height = body.Series.Count * lineHeight + padding;
        float left = body.LegendAt == LegendCorner.UpperLeft ? data.Left + 6 : data.Right - width - 2;
        float top = body.LegendAt == LegendCorner.LowerRight ? data.Bottom - height - 6 : data.Top + 4;

        using var text = new SKPaint { IsAntialias = true, Color = SKColor.Parse(theme.TextColor) };
        for (int i = 0; i < body.Series.Count; i++)
        {
            var series = body.Series[i];
            float baseline = top + padding + i * lineHeight + font.Size * 0.85f;
            float middle = baseline - font.Size * 0.33f;
            using var stroke = new SKPaint
            {
                IsAntialias = true, IsStroke = true, StrokeWidth = theme.LineWidth, Color = composer.SeriesColor(series).ToSKColor(),
                PathEffect = series.Style == LineStyleKind.Dashed ? SKPathEffect.CreateDash([3f, 2f], 0) : null,
            };
            canvas.DrawLine(left + padding, middle, left + padding + swatch, middle, stroke);
            canvas.DrawText(series.Name, left + padding + swatch + Gap, baseline, SKTextAlign.Left, font, text);
        }
        return new SKRect(left, top, left + width, top + height);
    }

    /// <summary>First spot around the point (right, upper right, lower right, left …) that stays inside the data area and hits nothing.</summary>
    private static SKRect PlaceLabel(SKFont font, string text, SKPoint at, PixelRect data, List<SKRect> occupied)
    {
        float w = font.MeasureText(text), h = font.Size * 1.1f;
        SKRect[] candidates =
        [
            SKRect.Create(at.X + 5, at.Y - h / 2, w, h),
            SKRect.Create(at.X + 3, at.Y - h - 2, w, h),
            SKRect.Create(at.X + 3, at.Y + 2, w, h),
            SKRect.Create(at.X - w / 2, at.Y - h - 4, w, h),
            SKRect.Create(at.X - w / 2, at.Y + 4, w, h),
            SKRect.Create(at.X - w - 5, at.Y - h / 2, w, h),
            SKRect.Create(at.X - w - 3, at.Y - h - 2, w, h),
            SKRect.Create(at.X - w - 3, at.Y + 2, w, h),
        ];
        return Best(candidates, data, occupied);
    }

    /// <summary>The candidate inside the data area overlapping least with what is drawn (ties: the earlier, preferred one).</summary>
    private static SKRect Best(SKRect[] candidates, PixelRect data, List<SKRect> occupied)
    {
        var area = new SKRect(data.Left + 3, data.Top + 2, data.Right - 2, data.Bottom - 3); // keep off the axis lines
        float Cost(SKRect r) =>
            (area.Contains(r) ? 0 : 1e6f) + occupied.Sum(o => SKRect.Intersect(o, r) is { IsEmpty: false } hit ? hit.Width * hit.Height : 0);
        return candidates.OrderBy(Cost).First(); // OrderBy is stable
    }
}
