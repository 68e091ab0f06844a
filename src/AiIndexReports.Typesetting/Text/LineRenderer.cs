using AiIndexReports.Typesetting.Layout;
using SkiaSharp;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// Draws one line: glyph runs at shaped positions, the space glyph in each inter-word gap (so PDF text extraction
/// gives the words back with their spaces), underlines and link annotations. In the layout pass (no canvas) it
/// records which glyphs each face draws, for subsetting.
/// </summary>
internal static class LineRenderer
{
    public static void Draw(LayoutContext context, ParagraphText text, TextLine line, float x, float baseline, float gapExtra)
    {
        var canvas = context.Canvas;
        if (canvas is null)
        {
            Record(context, text, line);
            return;
        }

        // Glyph runs grouped by colour: one text blob per colour keeps the PDF small.
        using var builder = new SKTextBlobBuilder();
        var groupColor = SKColor.Empty;
        var groupHasRuns = false;
        var pen = x;
        var linkSpan = -1;
        var linkRect = SKRect.Empty;
        for (var w = 0; w < line.Words.Length; w++)
        {
            var word = line.Words[w];
            foreach (var piece in word.Pieces)
            {
                AddPiece(piece, pen);
                Decorate(piece, pen, piece.Width);
                pen += piece.Width;
            }
            if (w < line.Words.Length - 1 && word.Space is { } space)
            {
                var gap = word.SpaceWidth + (word.SpaceWidth > 0 ? gapExtra : 0);
                AddPiece(space, pen);
                Decorate(space, pen, gap);
                pen += gap;
            }
        }
        Flush();
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

        void AddPiece(GlyphPiece piece, float at)
        {
            var color = text.Styles[piece.Span].Color;
            if (groupHasRuns && color != groupColor) Flush();
            groupColor = color;
            groupHasRuns = true;
            var run = piece.Run;
            // The run carries its text and clusters: where a glyph is not the font's plain glyph for its character
            // (tabular digits, contextual forms), Skia writes /ActualText so that text extraction still gets the text.
            var source = text.Text.AsSpan(piece.Start, piece.Length);
            var utf8Length = System.Text.Encoding.UTF8.GetByteCount(source);
            var buffer = builder.AllocatePositionedTextRun(context.Font(piece.Face, piece.Size), run.Glyphs.Length, utf8Length);
            var glyphs = buffer.Glyphs;
            var positions = buffer.Positions;
            System.Text.Encoding.UTF8.GetBytes(source, buffer.Text);
            var clusters = buffer.Clusters;
            Span<uint> utf8Offsets = stackalloc uint[source.Length + 1];
            for (int c = 0, offset = 0; c <= source.Length; c++)
            {
                utf8Offsets[c] = (uint)offset;
                if (c < source.Length) offset += source[c] < 0x80 ? 1 : source[c] < 0x800 ? 2 : char.IsSurrogate(source[c]) ? 2 : 3;
            }
            var penX = at;
            for (var g = 0; g < run.Glyphs.Length; g++)
            {
                glyphs[g] = run.Glyphs[g];
                positions[g] = new SKPoint(penX + run.Offsets[g].X * piece.Size, baseline + run.Offsets[g].Y * piece.Size);
                clusters[g] = utf8Offsets[Math.Min(run.Clusters[g], source.Length)];
                penX += run.Advances[g] * piece.Size;
            }
        }

        void Flush()
        {
            if (!groupHasRuns) return;
            using var blob = builder.Build();
            if (blob is not null)
            {
                using var paint = new SKPaint { Color = groupColor, IsAntialias = true };
                canvas.DrawText(blob, 0, 0, paint);
            }
            groupHasRuns = false;
        }
    }

    static void Record(LayoutContext context, ParagraphText text, TextLine line)
    {
        if (context.GlyphUsage is not { } usage) return;
        foreach (var word in line.Words)
        {
            foreach (var piece in word.Pieces)
                usage.Add(piece.Face, piece.Run.Glyphs, text.Text.AsSpan(piece.Start, piece.Length));
            if (word.Space is { } space) usage.Add(space.Face, space.Run.Glyphs, " ");
        }
    }
}
