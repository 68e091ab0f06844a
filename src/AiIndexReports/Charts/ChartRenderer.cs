using AiIndexReports.Typesetting;
using AiIndexReports.Typesetting.Export;
using ScottPlot;
using SkiaSharp;

namespace AiIndexReports.Charts;

/// <summary>
/// <see cref="Bare"/>: only the chart; the brief draws "[그림 n] title" above and "자료: …" below with its own text engine.
/// <see cref="Titled"/>: title above, note and source below, for PNG/SVG exports that travel alone.
/// </summary>
public enum ChartFrame { Bare, Titled }

/// <summary>
/// The Chart stage's entry point: draws a <see cref="Figure"/> as vector graphics onto any Skia canvas (the PDF page
/// for briefs), or exports it as PNG/SVG. Fonts come from the document's <see cref="ITypefaceSource"/>.
/// <para>
/// Thread safety: each call builds its own ScottPlot <see cref="Plot"/> and sets every label's typeface on the plot
/// itself (LabelStyle.Font), so ScottPlot's process-global <c>Fonts</c> (resolver list and a name-keyed typeface cache
/// that is never cleared) is never consulted. Parallel brief builds with different subset typefaces therefore need no
/// lock and cannot see each other's fonts.
/// </para>
/// </summary>
public sealed partial class ChartRenderer
{
    private readonly ChartFonts _fonts;
    private readonly PlotComposer _composer;
    private readonly ChartOverlay _overlay;

    public ChartRenderer(ITypefaceSource typefaces, ChartTheme? theme = null)
    {
        Theme = theme ?? ChartTheme.Default;
        _fonts = new ChartFonts(typefaces, Theme);
        _composer = new PlotComposer(Theme, _fonts);
        _overlay = new ChartOverlay(Theme, _fonts, _composer);
    }

    public ChartTheme Theme { get; }

    /// <summary>Draws the figure into <paramref name="bounds"/> (points) of the canvas, each element exactly once.</summary>
    public void Draw(SKCanvas canvas, Figure figure, SKRect bounds, ChartFrame frame = ChartFrame.Bare)
    {
        canvas.Save();
        canvas.Translate(bounds.Left, bounds.Top);
        var area = SKRect.Create(bounds.Width, bounds.Height);
        if (frame == ChartFrame.Titled) area = DrawFrame(canvas, figure, SKRect.Inflate(area, -FramePadding, -FramePadding));

        if (figure.Body is PlaceholderBody placeholder) DrawPlaceholder(canvas, placeholder, area);
        else DrawPlot(canvas, figure, area);
        canvas.Restore();
    }

    /// <summary>Size (points) of an export of the figure at <see cref="ChartTheme.ExportWidth"/>, frame included.</summary>
    public SKSize ExportSize(Figure figure, ChartFrame frame = ChartFrame.Titled)
    {
        float width = Theme.ExportWidth;
        return new SKSize(width, figure.PreferredHeight(width) + (frame == ChartFrame.Titled ? FrameHeight(figure) : 0));
    }

    /// <summary>PNG at <paramref name="scale"/> × the export size, white background, for slides and web posts.</summary>
    public byte[] RenderPng(Figure figure, float scale = 2, ChartFrame frame = ChartFrame.Titled)
    {
        var size = ExportSize(figure, frame);
        var info = new SKImageInfo((int)Math.Ceiling(size.Width * scale), (int)Math.Ceiling(size.Height * scale));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        Draw(surface.Canvas, figure, SKRect.Create(size), frame);
        return PngEncoder.Encode(surface);
    }

    /// <summary>SVG of the figure at the export size.</summary>
    public string RenderSvg(Figure figure, ChartFrame frame = ChartFrame.Titled)
    {
        var size = ExportSize(figure, frame);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(size), stream))
        {
            canvas.DrawRect(SKRect.Create(size), new SKPaint { Color = SKColors.White });
            Draw(canvas, figure, SKRect.Create(size), frame);
        }
        return NumberClipIds(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    // Skia names SVG clip paths from a process-wide counter ("cl_58"); renumber per file so exports are reproducible.
    private static string NumberClipIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id)) ids[m.Value] = id = "clip" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return id;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>The faces (family, weight) <see cref="Draw"/> asks the typeface source for.</summary>
    public static IReadOnlyList<(string Family, SKFontStyleWeight Weight)> TypefacesOf(ChartTheme theme) => ChartFonts.Faces(theme);

    /// <summary>
    /// Every string <see cref="Draw"/> puts on the canvas for this figure and frame, so the typesetter can add their
    /// characters to the font subset before drawing.
    /// </summary>
    public static IEnumerable<string> TextsOf(Figure figure, ChartFrame frame = ChartFrame.Bare) =>
        LocatedTextsOf(figure, frame).Select(t => t.Text);

    /// <summary>
    /// Every string the chart draws with the data row it comes from, when one row makes it (a model name on the price
    /// chart); the other strings (titles, ticks, series names) are made by the figure itself.
    /// </summary>
    public static IEnumerable<(string Text, SourceLocation? At)> LocatedTextsOf(Figure figure, ChartFrame frame = ChartFrame.Bare)
    {
        foreach (var text in OwnTextsOf(figure, frame)) yield return (text, null);
        if (figure.Body is LineBody lines)
            foreach (var point in lines.Series.Where(s => s.LabelPoints).SelectMany(s => s.Points).Where(p => !string.IsNullOrEmpty(p.Label)))
                yield return (point.Label!, point.At);
    }

    private static IEnumerable<string> OwnTextsOf(Figure figure, ChartFrame frame)
    {
        if (frame == ChartFrame.Titled)
        {
            yield return figure.Title;
            if (figure.Note is not null) yield return figure.Note;
            yield return figure.Source;
        }
        switch (figure.Body)
        {
            case PlaceholderBody placeholder:
                yield return placeholder.Message;
                yield break;
            case BarBody bars:
                foreach (var bar in bars.Bars) yield return bar.ValueLabel;
                foreach (var group in bars.GroupList) yield return group.Title;
                break;
            case LineBody lines:
                foreach (var series in lines.Series) yield return series.Name;
                foreach (var callout in lines.Callouts) yield return callout.Text;
                break;
        }
        foreach (var axis in new[] { figure.XAxis, figure.YAxis })
        {
            if (axis.Title.Length > 0) yield return axis.Title;
            foreach (var tick in axis.Ticks) yield return tick.Label;
        }
    }

    private void DrawPlot(SKCanvas canvas, Figure figure, SKRect area)
    {
        using Plot plot = _composer.Compose(figure);
        // ScottPlot lays out in whole pixels: render at the rounded size and scale it onto the exact area.
        int width = Math.Max(1, (int)Math.Round(area.Width)), height = Math.Max(1, (int)Math.Round(area.Height));
        // Layout first, off-canvas; then one render into the real canvas. Rendering straight into a canvas lets
        // ScottPlot re-render (up to five times) while its layout settles, which on a PDF canvas duplicates content.
        // The layout pass draws into a no-op canvas: same result as RenderInMemory without rasterising a bitmap.
        using (var layoutCanvas = new SKNoDrawCanvas(width, height))
            plot.Render(layoutCanvas, new PixelRect(0, width, height, 0));
        plot.RenderManager.ClearCanvasBeforeEachRender = false;

        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        canvas.Scale(area.Width / width, area.Height / height);
        canvas.ClipRect(SKRect.Create(width, height));
        plot.Render(canvas, new PixelRect(0, width, height, 0));
        if (figure.Body is LineBody lines) _overlay.Draw(canvas, plot, figure, lines);
        canvas.Restore();
    }

    private void DrawPlaceholder(SKCanvas canvas, PlaceholderBody placeholder, SKRect area)
    {
        var box = SKRect.Inflate(area, -4, -4);
        using var fill = new SKPaint { Color = SKColor.Parse(Theme.PlaceholderColor) };
        using var border = new SKPaint { Color = SKColor.Parse(Theme.AxisColor), IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
        canvas.DrawRect(box, fill);
        canvas.DrawRect(box, border);
        using var font = _fonts.Font(Theme.TitleSize, strong: true);
        using var text = new SKPaint { Color = SKColor.Parse(Theme.MutedTextColor), IsAntialias = true };
        canvas.DrawText(placeholder.Message, box.MidX, box.MidY + font.Size * 0.35f, SKTextAlign.Center, font, text);
    }

    private const float FramePadding = 6f;
    private float TitleBand => Theme.TitleSize * 2.2f;
    private float SourceLine => Theme.SourceSize * 1.6f;
    private float FrameHeight(Figure figure) => TitleBand + SourceLine * (figure.Note is null ? 1 : 2) + 4 + 2 * FramePadding;

    /// <summary>Title above, note and source below; returns the area left for the chart.</summary>
    private SKRect DrawFrame(SKCanvas canvas, Figure figure, SKRect area)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(Theme.TextColor) };
        using var titleFont = _fonts.Font(Theme.TitleSize, strong: true);
        canvas.DrawText(figure.Title, area.Left, area.Top + Theme.TitleSize * 1.3f, SKTextAlign.Left, titleFont, paint);

        using var sourceFont = _fonts.Font(Theme.SourceSize);
        paint.Color = SKColor.Parse(Theme.MutedTextColor);
        float baseline = area.Bottom - SourceLine * 0.35f;
        canvas.DrawText(figure.Source, area.Left, baseline, SKTextAlign.Left, sourceFont, paint);
        if (figure.Note is not null)
            canvas.DrawText(figure.Note, area.Left, baseline - SourceLine, SKTextAlign.Left, sourceFont, paint);

        return new SKRect(area.Left, area.Top + TitleBand, area.Right, area.Bottom - SourceLine * (figure.Note is null ? 1 : 2) - 4);
    }
}
