using System.Text;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Pdf;

/// <summary>
/// Marks where frame blocks begin and end in the page content Skia writes, so that the finisher can put each block in
/// its own marked-content sequence without a Skia layer per block (a layer is a form XObject that Skia deflates and
/// the finisher inflates again: ~400 of them in a full brief).
/// <para>
/// A marker is a 1×1 device-unit rectangle filled in a colour nothing else draws with, drawn with the identity matrix
/// and no clip, before every block and after a page's last one. Skia writes a draw as the state changes it needs and
/// then the path: to reach the identity matrix and the open clip it first closes every <c>q</c> the previous block
/// opened, and a block's first draw opens its own. So between two markers the content is balanced in <c>q</c>/<c>Q</c>
/// and outside any text object, and the marker itself is always the bytes of <see cref="Find"/>: the colour line
/// (<c>RG</c> and <c>rg</c> on one line), possibly a <c>gs</c> line (kept: later draws rely on it), and
/// <c>0 0 1 1 re</c>, <c>f</c>. Markers alternate between two colours, so Skia writes the colour even when a block
/// drew nothing between two markers.
/// </para>
/// </summary>
internal static class BlockMarker
{
    static readonly SKPaint[] Paints =
    [
        new() { Color = new SKColor(0x01, 0x02, 0x03), Style = SKPaintStyle.Fill },
        new() { Color = new SKColor(0x03, 0x02, 0x01), Style = SKPaintStyle.Fill },
    ];
    static readonly SKRect Rect = new(0, 0, 1, 1);

    // The lines Skia 3.119 writes for the markers' colours and rectangle (SkPDFDevice: colour, then graphics state, then path).
    static readonly byte[][] ColorLines =
    [
        Encoding.ASCII.GetBytes(".0039 .0078 .0118 RG .0039 .0078 .0118 rg\n"),
        Encoding.ASCII.GetBytes(".0118 .0078 .0039 RG .0118 .0078 .0039 rg\n"),
    ];
    static readonly byte[] RectLines = Encoding.ASCII.GetBytes("0 0 1 1 re\nf\n");

    /// <summary>Draws the <paramref name="index"/>-th marker of a page (0 before the first block).</summary>
    public static void Draw(SKCanvas canvas, int index)
    {
        canvas.Save();
        canvas.ResetMatrix(); // the page's base state: the identity matrix of Skia's page device, no q open
        canvas.DrawRect(Rect, Paints[index % 2]);
        canvas.Restore();
    }

    /// <summary>
    /// Where each marker's lines are in a page's content: (start, end of the colour line, start of the rectangle, end).
    /// Throws when a marker is not where the count says or is not whole: then the content is not what the exporter drew.
    /// </summary>
    public static List<(int Start, int ColorEnd, int RectStart, int End)> Find(ReadOnlySpan<byte> content, int count)
    {
        var markers = new List<(int, int, int, int)>(count);
        var from = 0;
        for (var index = 0; index < count; index++)
        {
            var color = ColorLines[index % 2];
            var at = from;
            while (true)
            {
                var found = content[at..].IndexOf(color);
                if (found < 0) throw new InvalidDataException($"marker {index + 1} of {count} is missing");
                at += found;
                if (at == 0 || content[at - 1] == '\n') break;
                at++;
            }
            var colorEnd = at + color.Length;
            var rect = colorEnd;
            if (content[rect..].StartsWith("/G"u8)) // Skia's graphics state for the fill, when it changes
            {
                var line = content[rect..].IndexOf((byte)'\n');
                if (line < 0 || !content.Slice(rect, line).EndsWith(" gs"u8)) throw new InvalidDataException($"marker {index + 1} of {count} is not whole");
                rect += line + 1;
            }
            if (!content[rect..].StartsWith(RectLines)) throw new InvalidDataException($"marker {index + 1} of {count} is not whole");
            markers.Add((at, colorEnd, rect, rect + RectLines.Length));
            from = rect + RectLines.Length;
        }
        if (content[from..].IndexOf(ColorLines[0]) >= 0 || content[from..].IndexOf(ColorLines[1]) >= 0)
            throw new InvalidDataException($"more than {count} markers");
        return markers;
    }
}
