using AiIndexReports.Typesetting.Fonts;
using AiIndexReports.Typesetting.Frames;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Export;

/// <summary>
/// Draws frame items onto a Skia canvas with a given set of typefaces — the per-document subsets for a PDF, the full
/// faces for PNG previews (glyph ids are the same in both). Consecutive glyph runs of one colour become one text blob,
/// which keeps PDF content small. Drawing callbacks (charts) get the same typefaces.
/// </summary>
internal sealed class FrameDrawer(FontLibrary fonts, IReadOnlyDictionary<FontFace, SKTypeface>? subsets) : ITypefaceSource, IDisposable
{
    readonly Dictionary<(FontFace, float), SKFont> _fonts = [];
    readonly SKTextBlobBuilder _blobs = new();
    readonly SKPaint _text = new() { IsAntialias = true };
    readonly SKSamplingOptions _sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);
    // Drawing callbacks run once per exporter, recorded: an empty recording (a callback that drew nothing) is no content.
    // Each is recorded by whichever thread needs it first (see RecordAhead), the others wait for it.
    readonly Dictionary<CanvasItem, Lazy<SKPicture?>> _pictures = new(ReferenceEqualityComparer.Instance);
    Task? _ahead;

    Lazy<SKPicture?> PictureOf(CanvasItem item)
    {
        if (!_pictures.TryGetValue(item, out var picture))
            _pictures[item] = picture = new Lazy<SKPicture?>(() => Record(item), LazyThreadSafetyMode.ExecutionAndPublication);
        return picture;
    }

    SKPicture? Picture(CanvasItem item) => PictureOf(item).Value;

    SKPicture? Record(CanvasItem item)
    {
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(0, 0, item.Rect.Width, item.Rect.Height));
        item.Draw(canvas, item.Rect.Size, this);
        var picture = recorder.EndRecording();
        if (picture.ApproximateOperationCount > 0) return picture;
        picture.Dispose();
        return null;
    }

    /// <summary>
    /// Starts recording the drawing callbacks (charts) among <paramref name="items"/> on another thread, in their order,
    /// while the caller draws the pages: drawing one that is not recorded yet records it there (or waits while the other
    /// thread does). The recordings are the same whichever thread makes them. Callbacks must be thread-safe (charts are:
    /// each draws its own plot with the typefaces it is given).
    /// </summary>
    public void RecordAhead(IEnumerable<FrameItem> items)
    {
        var queue = items.OfType<CanvasItem>().Select(PictureOf).Distinct().ToList();
        if (queue.Count == 0) return;
        _ahead = Task.Run(() =>
        {
            foreach (var picture in queue)
            {
                try { _ = picture.Value; }
                catch (Exception) { return; } // the Lazy keeps the failure: it is rethrown where the page draws that item
            }
        });
    }

    /// <summary>False when drawing the items puts nothing on the page (only callbacks that drew nothing).</summary>
    public bool Draws(IReadOnlyList<FrameItem> items)
    {
        foreach (var item in items)
            if (item is not CanvasItem canvas || Picture(canvas) is not null) return true;
        return false;
    }

    SKTypeface Typeface(FontFace face) => subsets is not null && subsets.TryGetValue(face, out var subset) ? subset : face.Typeface;

    SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
            _fonts[(face, size)] = font = new SKFont(Typeface(face), size)
            {
                Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.SubpixelAntialias,
            };
        return font;
    }

    public SKTypeface GetTypeface(string family, SKFontStyleWeight weight) =>
        Typeface(fonts.Find(family, weight)
            ?? throw new TypesettingException($"font family '{family}' requested by a drawing callback is not in the font library"));

    public void Draw(SKCanvas canvas, IReadOnlyList<FrameItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case GlyphRunItem run:
                    // Runs of one colour in a row: one blob, one text object in the PDF.
                    var last = i;
                    while (last + 1 < items.Count && items[last + 1] is GlyphRunItem next && next.Color == run.Color) last++;
                    for (var r = i; r <= last; r++) AddRun((GlyphRunItem)items[r]);
                    using (var blob = _blobs.Build())
                        if (blob is not null)
                        {
                            _text.Color = run.Color;
                            canvas.DrawText(blob, 0, 0, _text);
                        }
                    i = last;
                    break;
                case LineItem line:
                    using (var stroke = new SKPaint { Color = line.Color, StrokeWidth = line.Width, IsAntialias = true })
                        canvas.DrawLine(line.From, line.To, stroke);
                    break;
                case RectItem rect:
                    using (var fill = new SKPaint { Color = rect.Color, Style = SKPaintStyle.Fill })
                        canvas.DrawRect(rect.Rect, fill);
                    break;
                case DotsItem dots:
                    // Points with round caps: in a PDF each dot is "x y m h S" (a closed one-point path stroked with
                    // round caps is a filled circle, ISO 32000-1 8.5.3.2), not four Bézier curves: the 2025 brief's
                    // leaders were 138 KB of its first page's 163 KB of content, which Skia compressed at level 6.
                    using (var dot = new SKPaint
                           {
                               Color = dots.Color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round, StrokeWidth = dots.Radius * 2,
                           })
                        canvas.DrawPoints(SKPointMode.Points, [.. dots.Centers], dot);
                    break;
                case ImageItem image:
                    using (var paint = new SKPaint { IsAntialias = true })
                        canvas.DrawImage(image.Image, image.Rect, _sampling, paint);
                    break;
                case CanvasItem drawing when Picture(drawing) is { } picture:
                    canvas.Save();
                    canvas.Translate(drawing.Rect.Left, drawing.Rect.Top);
                    canvas.ClipRect(new SKRect(0, 0, drawing.Rect.Width, drawing.Rect.Height));
                    canvas.DrawPicture(picture);
                    canvas.Restore();
                    break;
            }
        }
    }

    /// <summary>Where a glyph is not the font's plain glyph for its text, Skia writes /ActualText from the text and clusters.</summary>
    void AddRun(GlyphRunItem run)
    {
        var buffer = _blobs.AllocatePositionedTextRun(Font(run.Face, run.Size), run.Glyphs.Length, run.Utf8.Length);
        run.Glyphs.CopyTo(buffer.Glyphs);
        run.Positions.CopyTo(buffer.Positions);
        run.Clusters.CopyTo(buffer.Clusters);
        run.Utf8.CopyTo(buffer.Text);
    }

    public void Dispose()
    {
        _ahead?.Wait(); // first: the other thread may still be drawing a chart (it never throws: failures stay in their Lazy)
        foreach (var font in _fonts.Values) font.Dispose();
        foreach (var picture in _pictures.Values)
            if (picture.IsValueCreated) picture.Value?.Dispose();
        _blobs.Dispose();
        _text.Dispose();
    }
}
