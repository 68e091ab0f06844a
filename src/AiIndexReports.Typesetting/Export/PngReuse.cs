using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using AiIndexReports.Typesetting.Elements;
using AiIndexReports.Typesetting.Frames;

namespace AiIndexReports.Typesetting.Export;

/// <summary>
/// Page images kept from one rendering of a document to the next, by what the page draws: a page whose frame draws the
/// same things as before (same glyphs at the same places in the same faces, sizes and colours, same rules and fills, same
/// charts) gets the same PNG bytes back without being drawn or encoded again. For a tool that renders the same document
/// over and over as it is edited — a live preview, where an edit usually changes one page.
/// </summary>
/// <remarks>
/// A chart (a <see cref="CanvasItem"/>) counts as the same when its element has the same <see cref="CanvasElement.Name"/>,
/// <see cref="CanvasElement.Alt"/> and <see cref="CanvasElement.Texts"/> and its box is the same: its callback must draw
/// the same for those (the brief's charts do: their alt text is made from the numbers they draw). Keep one object per
/// document and font library, and drop it when the fonts change. A page with an image is always drawn. Thread-safe;
/// keeps only the images of the latest rendering.
/// </remarks>
public sealed class PngReuse
{
    private readonly Lock _gate = new();
    private Dictionary<string, byte[]> _previous = new(StringComparer.Ordinal);
    private Dictionary<string, byte[]> _current = new(StringComparer.Ordinal);
    private int _reused;

    /// <summary>Pages not drawn again (their image reused) since this object was made: for measurements and tests.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>The PNG of a page: the one kept for the same drawing, else <paramref name="render"/>'s.</summary>
    internal byte[] Get(PageFrame page, float dpi, Func<byte[]> render)
    {
        if (KeyOf(page, dpi) is not { } key) return render();
        lock (_gate)
            if (_previous.TryGetValue(key, out var kept) || _current.TryGetValue(key, out kept))
            {
                _current[key] = kept;
                Interlocked.Increment(ref _reused);
                return kept;
            }
        var png = render();
        lock (_gate) _current[key] = png;
        return png;
    }

    /// <summary>Starts a rendering: what the last one drew is what this one may reuse.</summary>
    internal void Begin()
    {
        lock (_gate)
        {
            if (_current.Count > 0) _previous = _current;
            _current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }
    }

    /// <summary>A hash of everything the page draws, in order; null when it draws something that cannot be compared (an image).</summary>
    private static string? KeyOf(PageFrame page, float dpi)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Floats(params float[] values) => hash.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
        void Text(string? text)
        {
            var bytes = Encoding.UTF8.GetBytes(text ?? "\0");
            Floats(bytes.Length);
            hash.AppendData(bytes);
        }
        Floats(dpi, page.Size.Width, page.Size.Height);
        foreach (var block in page.Blocks)
            foreach (var item in block.Items)
                switch (item)
                {
                    case GlyphRunItem run:
                        Text("g" + run.Face.Source);
                        Floats(run.Size, run.Color.Alpha, run.Color.Red, run.Color.Green, run.Color.Blue, run.Glyphs.Length);
                        hash.AppendData(MemoryMarshal.AsBytes(run.Glyphs.AsSpan()));
                        hash.AppendData(MemoryMarshal.AsBytes(run.Positions.AsSpan()));
                        break;
                    case LineItem line:
                        Text("l");
                        Floats(line.From.X, line.From.Y, line.To.X, line.To.Y, line.Width, line.Color.Alpha, line.Color.Red, line.Color.Green, line.Color.Blue);
                        break;
                    case RectItem rect:
                        Text("r");
                        Floats(rect.Rect.Left, rect.Rect.Top, rect.Rect.Right, rect.Rect.Bottom, rect.Color.Alpha, rect.Color.Red, rect.Color.Green, rect.Color.Blue);
                        break;
                    case DotsItem dots:
                        Text("d");
                        Floats(dots.Radius, dots.Color.Alpha, dots.Color.Red, dots.Color.Green, dots.Color.Blue, dots.Centers.Count);
                        foreach (var center in dots.Centers) Floats(center.X, center.Y);
                        break;
                    case CanvasItem canvas when block.Element is CanvasElement { Name: not null } element:
                        Text("v" + element.Name);
                        Text(element.Alt);
                        foreach (var text in element.Texts) Text(text);
                        Floats(canvas.Rect.Left, canvas.Rect.Top, canvas.Rect.Right, canvas.Rect.Bottom);
                        break;
                    default:
                        return null;
                }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
