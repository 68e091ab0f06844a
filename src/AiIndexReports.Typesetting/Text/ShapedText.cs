using AiIndexReports.Typesetting.Fonts;

namespace AiIndexReports.Typesetting.Text;

/// <summary>Text of one span drawn with one face: the smallest unit that is drawn.</summary>
internal sealed class GlyphPiece(FontFace face, float size, ShapedRun run, int start, int length, int span)
{
    public FontFace Face { get; } = face;
    public float Size { get; } = size;
    public ShapedRun Run { get; } = run;
    public int Start { get; } = start;
    public int Length { get; } = length;
    public int Span { get; } = span;
    public float Width => Run.Width * Size;
}

/// <summary>
/// An unbreakable unit of a paragraph (an 어절, or the part of a hyphenated word up to the hyphen) and the
/// spaces after it. Lines break only between words.
/// </summary>
internal sealed class Word(GlyphPiece[] pieces, int start, int end, int spacesEnd, float spaceWidth, GlyphPiece? space, bool hardBreak)
{
    public GlyphPiece[] Pieces { get; } = pieces;
    public float Width { get; } = TotalWidth(pieces);
    public int Start { get; } = start;
    /// <summary>End of the visible text (exclusive), before trailing spaces.</summary>
    public int End { get; } = end;
    public int SpacesEnd { get; } = spacesEnd;
    /// <summary>Natural width of the trailing spaces (0 after a hyphen break).</summary>
    public float SpaceWidth { get; } = spaceWidth;
    /// <summary>The space glyph drawn in the gap after this word, so text extraction gets the space back.</summary>
    public GlyphPiece? Space { get; } = space;
    /// <summary>A line break ('\n') follows.</summary>
    public bool HardBreak { get; } = hardBreak;
    public float MaxSize
    {
        get
        {
            var size = Pieces.Length == 0 ? Space?.Size ?? 0 : 0;
            foreach (var piece in Pieces) size = Math.Max(size, piece.Size);
            return size;
        }
    }

    static float TotalWidth(GlyphPiece[] pieces)
    {
        float width = 0;
        foreach (var piece in pieces) width += piece.Width;
        return width;
    }
}

/// <summary>One line: its words, natural width and how much its inter-word spaces may stretch.</summary>
internal sealed class TextLine(Word[] words, float naturalWidth, float gapSpace, int gaps, bool endsParagraph, bool isFirst)
{
    public Word[] Words { get; } = words;
    /// <summary>Width with natural spaces (trailing space of the last word excluded).</summary>
    public float NaturalWidth { get; } = naturalWidth;
    /// <summary>Natural width of the spaces between words on the line.</summary>
    public float GapSpace { get; } = gapSpace;
    /// <summary>Number of gaps between words that contain a space (what justification stretches).</summary>
    public int Gaps { get; } = gaps;
    /// <summary>Last line of the paragraph or before a hard break: never justified.</summary>
    public bool EndsParagraph { get; } = endsParagraph;
    public bool IsFirst { get; } = isFirst;
    public float Height { get; set; }
    public float Baseline { get; set; }

    /// <summary>
    /// Where the line starts within <paramref name="width"/> and how much each inter-word gap grows (negative: shrinks).
    /// Justified lines fill the width exactly, except the paragraph's last line and lines without spaces.
    /// </summary>
    public (float X, float GapExtra) Place(float width, TextAlign align) => align switch
    {
        TextAlign.Right => (width - NaturalWidth, 0),
        TextAlign.Center => ((width - NaturalWidth) / 2, 0),
        TextAlign.Justify when !EndsParagraph && Gaps > 0 => (0, (width - NaturalWidth) / Gaps),
        _ => (0, 0),
    };

    /// <summary>Right edge of the drawn text, summing word by word as the renderer advances its pen.</summary>
    public float DrawnRight(float x, float gapExtra)
    {
        var pen = x;
        for (var i = 0; i < Words.Length; i++)
        {
            pen += Words[i].Pieces.Sum(p => p.Width);
            if (i < Words.Length - 1) pen += Words[i].SpaceWidth + (Words[i].SpaceWidth > 0 ? gapExtra : 0);
        }
        return pen;
    }
}
