using System.Text;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// Draws one line: glyphs at shaped positions (plus the justification's space between Hangul syllables), the space
/// glyph in each inter-word gap (so PDF text extraction gives the words back with their spaces), underlines and link
/// annotations. Consecutive glyphs of one font form one run
/// and a line is one text blob per colour, which keeps drawing fast and the PDF small. In the layout pass (no canvas)
/// it records which glyphs each face draws, for subsetting.
/// </summary>
internal sealed class LineRenderer : IDisposable
{
    readonly SKTextBlobBuilder _builder = new();
    readonly SKPaint _paint = new() { IsAntialias = true };
    // The pending run: glyphs of one font, with the UTF-8 text and clusters that let Skia write /ActualText.
    readonly List<ushort> _glyphs = [];
    readonly List<SKPoint> _positions = [];
    readonly List<uint> _clusters = [];
    byte[] _utf8 = new byte[256];
    int _utf8Length;
    SKFont? _runFont;
    SKColor _blobColor;
    bool _blobHasRuns;

    public void Draw(LayoutContext context, ParagraphText text, TextLine line, LinePlacement placement, float baseline)
    {
        var canvas = context.Canvas;
        if (canvas is null)
        {
            Record(context, text, line);
            return;
        }

        var pen = placement.X;
        var linkSpan = -1;
        var linkRect = SKRect.Empty;
        for (var w = 0; w < line.Words.Length; w++)
        {
            var word = line.Words[w];
            foreach (var piece in word.Pieces)
            {
                var width = Add(context, canvas, text, piece, pen, baseline, word, placement);
                Decorate(piece, pen, width);
                pen += width;
            }
            if (w < line.Words.Length - 1 && word.Space is { } space)
            {
                var gap = placement.GapWidth(word);
                Add(context, canvas, text, space, pen, baseline, null, default);
                Decorate(space, pen, gap);
                pen += gap;
            }
        }
        FlushBlob(canvas);
        FlushLink();

        void Decorate(GlyphPiece piece, float at, float width)
        {
            var style = text.Styles[piece.Span];
            if (style.Underline)
            {
                using var paint = new SKPaint { Color = style.Color, StrokeWidth = Math.Max(0.4f, style.Size * 0.06f), IsAntialias = true };
                var y = baseline + style.Size * 0.14f;
                canvas.DrawLine(at, y, at + width, y, paint);
            }
            // One link annotation per span and line, not one per glyph run.
            var span = text.Spans[piece.Span];
            var linked = span.LinkUrl is not null || span.LinkAnchor is not null;
            if (linkSpan != piece.Span) FlushLink();
            if (!linked) return;
            if (linkSpan != piece.Span)
            {
                linkSpan = piece.Span;
                linkRect = new SKRect(at, baseline - piece.Face.Ascent * piece.Size, at + width, baseline + piece.Face.Descent * piece.Size);
            }
            else linkRect.Right = at + width;
        }

        void FlushLink()
        {
            if (linkSpan >= 0)
            {
                var span = text.Spans[linkSpan];
                if (span.LinkUrl is not null) canvas.DrawUrlAnnotation(linkRect, span.LinkUrl)?.Dispose();
                else canvas.DrawLinkDestinationAnnotation(linkRect, span.LinkAnchor!)?.Dispose();
            }
            linkSpan = -1;
        }
    }

    /// <summary>
    /// Adds the piece's glyphs from <paramref name="at"/>; from each of the word's letter and edge slots on, the glyphs
    /// move right by the space the placement adds there. Returns the advance.
    /// </summary>
    float Add(LayoutContext context, SKCanvas canvas, ParagraphText text, GlyphPiece piece, float at, float baseline,
        Word? word, LinePlacement placement)
    {
        var color = text.Styles[piece.Span].Color;
        var font = context.Font(piece.Face, piece.Size);
        if ((_blobHasRuns || _glyphs.Count > 0) && color != _blobColor) FlushBlob(canvas);
        else if (_runFont is not null && font != _runFont) FlushRun();
        _blobColor = color;
        _runFont = font;

        var source = text.Text.AsSpan(piece.Start, piece.Length);
        var textStart = _utf8Length;
        if (_utf8.Length < _utf8Length + source.Length * 3) Array.Resize(ref _utf8, Math.Max(_utf8.Length * 2, _utf8Length + source.Length * 3));
        _utf8Length += Encoding.UTF8.GetBytes(source, _utf8.AsSpan(_utf8Length));
        Span<uint> offsets = source.Length <= 256 ? stackalloc uint[source.Length + 1] : new uint[source.Length + 1];
        for (int c = 0, offset = textStart; c <= source.Length; c++)
        {
            offsets[c] = (uint)offset;
            if (c < source.Length) offset += source[c] < 0x80 ? 1 : source[c] < 0x800 ? 2 : char.IsSurrogate(source[c]) ? 2 : 3;
        }

        var run = piece.Run;
        var penX = at;
        var end = piece.Start + piece.Length;
        var spacing = word is not null && (placement.LetterExtra != 0 || placement.EdgeExtra != 0);
        var next = piece.Start; // the next character whose slot is not yet behind the pen
        for (var g = 0; g < run.Glyphs.Length; g++)
        {
            // Clusters rise in left-to-right text: the slots up to this glyph's character are behind the pen.
            for (; spacing && next <= piece.Start + run.Clusters[g]; next++)
                penX += placement.SpaceBefore(word!, next);
            _glyphs.Add(run.Glyphs[g]);
            _positions.Add(new SKPoint(penX + run.Offsets[g].X * piece.Size, baseline + run.Offsets[g].Y * piece.Size));
            _clusters.Add(offsets[Math.Min(run.Clusters[g], source.Length)]);
            penX += run.Advances[g] * piece.Size;
        }
        // Slots of characters without a glyph of their own (none in practice) still widen the piece.
        for (; spacing && next < end; next++)
            penX += placement.SpaceBefore(word!, next);
        return penX - at;
    }

    void FlushRun()
    {
        if (_runFont is null || _glyphs.Count == 0) return;
        // Where a glyph is not the font's plain glyph for its character, Skia writes /ActualText from text + clusters.
        var buffer = _builder.AllocatePositionedTextRun(_runFont, _glyphs.Count, _utf8Length);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_glyphs).CopyTo(buffer.Glyphs);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_positions).CopyTo(buffer.Positions);
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_clusters).CopyTo(buffer.Clusters);
        _utf8.AsSpan(0, _utf8Length).CopyTo(buffer.Text);
        _glyphs.Clear();
        _positions.Clear();
        _clusters.Clear();
        _utf8Length = 0;
        _blobHasRuns = true;
    }

    void FlushBlob(SKCanvas canvas)
    {
        FlushRun();
        _runFont = null;
        if (!_blobHasRuns) return;
        using var blob = _builder.Build();
        if (blob is not null)
        {
            _paint.Color = _blobColor;
            canvas.DrawText(blob, 0, 0, _paint);
        }
        _blobHasRuns = false;
    }

    static void Record(LayoutContext context, ParagraphText text, TextLine line)
    {
        if (context.GlyphUsage is not { } usage) return;
        foreach (var word in line.Words)
        {
            foreach (var piece in word.Pieces)
                usage.Add(piece.Face, piece.Run, text.Text.AsSpan(piece.Start, piece.Length));
            if (word.Space is { } space) usage.Add(space.Face, space.Run, " ");
        }
    }

    public void Dispose()
    {
        _builder.Dispose();
        _paint.Dispose();
    }
}
