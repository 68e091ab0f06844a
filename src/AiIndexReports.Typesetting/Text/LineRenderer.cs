using System.Text;
using AiIndexReports.Typesetting.Frames;
using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// Turns one laid-out line into frame items: glyph runs at their shaped positions plus the justification's space
/// between Hangul syllables (one run per face, size and colour), the space glyph in each inter-word gap (each gap as
/// wide as the line's placement sets it) and at a line end that broke at a space (so text extraction and screen
/// readers get the words back with their spaces, also across lines), underlines, and link areas. Linked text goes
/// into its span's Link node, so a tagged PDF nests the link's words and its annotation in one Link element.
/// </summary>
internal sealed class LineRenderer
{
    // The pending run: glyphs of one face at one size and colour, with the UTF-8 text and clusters of each glyph.
    readonly List<ushort> _glyphs = [];
    readonly List<SKPoint> _positions = [];
    readonly List<uint> _clusters = [];
    byte[] _utf8 = new byte[256];
    int _utf8Length;
    GlyphPiece? _runPiece;
    SKColor _runColor;
    StructNode? _runNode;

    /// <param name="placement">Where the line starts and what justification adds to each gap and letter slot.</param>
    /// <param name="linkNodes">Per span: the Link node of a linked span (created on first use); null when no span links.</param>
    public void Draw(LayoutContext context, ParagraphText text, TextLine line, LinePlacement placement, float baseline, StructNode?[]? linkNodes = null)
    {
        var frame = context.Frame;
        var pen = placement.X;
        var linkSpan = -1;
        var linkRect = SKRect.Empty;
        for (var w = 0; w < line.Words.Length; w++)
        {
            var word = line.Words[w];
            foreach (var piece in word.Pieces)
            {
                Decorate(piece, pen, piece.Width + SlotSpace(word, piece, placement));
                pen += Add(context, text, piece, pen, baseline, word, placement);
            }
            if (word.Space is not { } space) continue;
            if (w < line.Words.Length - 1)
            {
                var gap = placement.GapWidth(word);
                Decorate(space, pen, gap);
                Add(context, text, space, pen, baseline);
                pen += gap;
            }
            else if (!line.EndsParagraph && word.SpaceWidth > 0)
            {
                // The line broke at this space: draw it past the text (invisible) so the words stay apart when read.
                Add(context, text, space, pen, baseline);
            }
        }
        FlushRun(frame);
        FlushLink();

        void Decorate(GlyphPiece piece, float at, float width)
        {
            var style = text.Styles[piece.Span];
            if (style.Underline)
            {
                FlushRun(frame);
                var y = baseline + style.Size * 0.14f;
                PushSpan(piece.Span);
                frame.Line(at, y, at + width, y, Math.Max(0.4f, style.Size * 0.06f), style.Color);
                PopSpan();
            }
            // One link area per span and line, not one per glyph run.
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
                frame.Link(linkRect, span.LinkUrl, span.LinkAnchor, span.Text, LinkNode(linkSpan));
            }
            linkSpan = -1;
        }

        void PushSpan(int span) => frame.Push(LinkNode(span));
        void PopSpan() => frame.Pop();

        StructNode? LinkNode(int span)
        {
            if (linkNodes is null || (text.Spans[span].LinkUrl is null && text.Spans[span].LinkAnchor is null)) return null;
            return linkNodes[span] ??= frame.NewNode(StructRole.Link, null);
        }

        // A word's pieces pass the word and the placement (its letter and edge slots); a space piece passes neither.
        float Add(LayoutContext context, ParagraphText text, GlyphPiece piece, float at, float baseline, Word? word = null, LinePlacement placement = default)
        {
            var color = text.Styles[piece.Span].Color;
            var node = LinkNode(piece.Span);
            if (_runPiece is not null && (_runPiece.Face != piece.Face || _runPiece.Size != piece.Size || _runColor != color || _runNode != node))
                FlushRun(frame);
            _runPiece = piece;
            _runColor = color;
            _runNode = node;
            return AppendGlyphs(text, piece, at, baseline, word, placement);
        }
    }

    /// <summary>Space the placement adds inside <paramref name="piece"/> (before each of its word's slots it covers).</summary>
    static float SlotSpace(Word word, GlyphPiece piece, LinePlacement placement)
    {
        if (placement.LetterExtra == 0 && placement.EdgeExtra == 0) return 0;
        var space = 0f;
        for (var c = piece.Start; c < piece.Start + piece.Length; c++) space += placement.SpaceBefore(word, c);
        return space;
    }

    /// <summary>
    /// Adds the piece's glyphs from <paramref name="at"/>; from each of the word's letter and edge slots on, the glyphs
    /// move right by the space the placement adds there. Returns the advance.
    /// </summary>
    float AppendGlyphs(ParagraphText text, GlyphPiece piece, float at, float baseline, Word? word, LinePlacement placement)
    {
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

    void FlushRun(FrameBuilder frame)
    {
        if (_runPiece is null) return;
        if (_glyphs.Count > 0)
        {
            var origin = frame.Origin;
            var positions = new SKPoint[_positions.Count];
            for (var i = 0; i < positions.Length; i++) positions[i] = new SKPoint(_positions[i].X + origin.X, _positions[i].Y + origin.Y);
            frame.Push(_runNode);
            frame.Glyphs(new GlyphRunItem(_runPiece.Face, _runPiece.Size, _runColor, [.. _glyphs], positions, _utf8[.._utf8Length], [.. _clusters]));
            frame.Pop();
        }
        _glyphs.Clear();
        _positions.Clear();
        _clusters.Clear();
        _utf8Length = 0;
        _runPiece = null;
        _runNode = null;
    }
}
