using System.Numerics;
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

/// <summary>What the gap after a word is, for justification.</summary>
internal enum GapKind : byte
{
    /// <summary>No space: a break inside a word (after a hyphen, slash or middle dot), or nothing follows.</summary>
    None,
    /// <summary>A space between 어절: shrinks and stretches.</summary>
    Word,
    /// <summary>A space inside a Latin phrase of Korean text ("AI Index Report 2025"): natural width unless the line has no word gaps.</summary>
    Latin,
    /// <summary>A space inside a title in 「」『』《》〈〉: natural width unless the line has no other gaps.</summary>
    Title,
}

/// <summary>
/// An unbreakable unit of a paragraph (an 어절, or the part of a word up to a hyphen, slash or middle dot) and the
/// spaces after it. Lines break only between words.
/// </summary>
internal sealed class Word(GlyphPiece[] pieces, int start, int end, int spacesEnd, float spaceWidth, GlyphPiece? space, bool hardBreak,
    GapKind gap, ulong letterSlots, ulong edgeSlots, bool softBreak)
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
    /// <summary>How the gap after the word takes part in justification.</summary>
    public GapKind Gap { get; } = gap;
    /// <summary>
    /// Characters before which justification may add space, the second of two Hangul syllables (bit i: the character
    /// at <see cref="Start"/> + i). Only the first 64 characters of a word have slots (longer words are identifiers).
    /// </summary>
    public ulong LetterSlotMask { get; } = letterSlots;
    public int LetterSlots { get; } = BitOperations.PopCount(letterSlots);
    /// <summary>Like <see cref="LetterSlotMask"/>, between a Hangul syllable and a digit or Latin letter ("2024년", "8B의"): used only on lines looser than every limit.</summary>
    public ulong EdgeSlotMask { get; } = edgeSlots;
    public int EdgeSlots { get; } = BitOperations.PopCount(edgeSlots);
    public bool IsLetterSlot(int index) => IsIn(LetterSlotMask, index);
    public bool IsEdgeSlot(int index) => IsIn(EdgeSlotMask, index);
    bool IsIn(ulong mask, int index) => index > Start && index - Start < 64 && (mask >> (index - Start) & 1) != 0;
    /// <summary>The break after this word is one only the total-fit breaker takes (after a middle dot).</summary>
    public bool SoftBreak { get; } = softBreak;
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

/// <summary>Limits of justification in points for one paragraph (from <see cref="JustificationStyle"/> and its size).</summary>
internal readonly record struct JustificationLimits(float MinWordSpace, float MaxWordSpace, float LetterSpace, float MaxLetterSpace)
{
    public static JustificationLimits For(JustificationStyle style, float size) =>
        new(style.MinWordSpace, style.MaxWordSpace, style.LetterSpace * size, Math.Max(style.LetterSpace, style.MaxLetterSpace) * size);
}

/// <summary>
/// What a line is made of, for justification: natural width, its gaps by kind and its slots next to Hangul syllables.
/// The breakers build it from prefix sums and lines from their words; both justify with <see cref="Justify"/>.
/// </summary>
internal struct LineMetrics
{
    /// <summary>Words and the gaps between them at natural width.</summary>
    public float Natural;
    public float WordSpace, LatinSpace, TitleSpace;
    public int WordGaps, LatinGaps, TitleGaps;
    public int LetterSlots, EdgeSlots;

    /// <summary>The gaps that act as word spaces: 어절 spaces, else (a line of Latin or titles only) the tight ones.</summary>
    public readonly GapKind Adjusted => WordGaps > 0 ? GapKind.Word : LatinGaps > 0 ? GapKind.Latin : TitleGaps > 0 ? GapKind.Title : GapKind.None;

    /// <summary>Gaps that stretch only after the letter slots: a Latin phrase's, on a line that has word spaces.</summary>
    readonly float SecondarySpace => Adjusted == GapKind.Word ? LatinSpace : 0;

    readonly float AdjustedSpace => Adjusted switch
    {
        GapKind.Word => WordSpace,
        GapKind.Latin => LatinSpace,
        GapKind.Title => TitleSpace,
        _ => 0,
    };

    /// <summary>How much narrower than natural the line can be set (word spaces at their minimum).</summary>
    public readonly float Shrink(in JustificationLimits limits) => AdjustedSpace * (1 - limits.MinWordSpace);

    /// <summary>
    /// Badness of setting the line <paramref name="width"/> wide, 100·r³ per kind of adjustment, r being how much of
    /// its limit is used: word spaces shrunk or stretched, letter slots, a Latin phrase's spaces, the edge slots (each
    /// up to 100 within its limit, more beyond). So a line that needs letter spacing costs more than one whose spaces
    /// suffice. Null when the line cannot be set that narrow; infinity when it must widen but has no gap.
    /// </summary>
    public readonly double? Badness(float width, in JustificationLimits limits)
    {
        var delta = width - Natural;
        if (delta < 0)
        {
            var shrink = AdjustedSpace * (1 - limits.MinWordSpace);
            if (-delta > shrink + 0.01f) return null;
            return shrink <= 0 ? 0 : Cube(-delta / shrink);
        }
        if (delta < 0.01f) return 0;
        if (Adjusted == GapKind.None) return double.PositiveInfinity;
        var (primary, letters, secondary, edges) = Allocate(delta, limits);
        var (primaryLimit, letterLimit, secondaryLimit, edgeLimit) = Limits(limits);
        return Cube(primary / primaryLimit) + (letters > 0 ? Cube(letters / letterLimit) : 0)
            + (secondary > 0 ? Cube(secondary / secondaryLimit) : 0) + (edges > 0 ? Cube(edges / edgeLimit) : 0);

        static double Cube(double r) => 100 * r * r * r;
    }

    readonly (float Primary, float Letters, float Secondary, float Edges) Limits(in JustificationLimits limits) =>
        (AdjustedSpace * (limits.MaxWordSpace - 1), LetterSlots * limits.LetterSpace, SecondarySpace * (limits.MaxWordSpace - 1), EdgeSlots * limits.LetterSpace);

    /// <summary>
    /// Shares out <paramref name="delta"/> (&gt; 0) in order of what readers notice least, each to its limit: word
    /// spaces, the slots between Hangul syllables, a Latin phrase's spaces; then, on a line looser than all of those,
    /// the syllable slots and the edge slots (a syllable next to a digit or Latin letter: "2024년") up to the ceiling,
    /// in proportion to their room; whatever is left goes to the gaps. So "2024년" opens up only on a line that
    /// would otherwise have very wide gaps.
    /// </summary>
    readonly (float Primary, float Letters, float Secondary, float Edges) Allocate(float delta, in JustificationLimits limits)
    {
        var (primaryLimit, letterLimit, secondaryLimit, _) = Limits(limits);
        var primary = Math.Min(delta, primaryLimit);
        var letters = Math.Min(delta - primary, letterLimit);
        var secondary = Math.Min(delta - primary - letters, secondaryLimit);
        var edges = 0f;
        var rest = delta - primary - letters - secondary;
        if (rest > 0)
        {
            var letterRoom = LetterSlots * limits.MaxLetterSpace - letters;
            var edgeRoom = EdgeSlots * limits.MaxLetterSpace;
            if (letterRoom + edgeRoom > 0)
            {
                var share = Math.Min(1, rest / (letterRoom + edgeRoom));
                letters += letterRoom * share;
                edges = edgeRoom * share;
                rest -= (letterRoom + edgeRoom) * share;
            }
            // The gaps share the rest in proportion to their limits (or widths, without limits).
            var gapShare = primaryLimit + secondaryLimit > 0 ? primaryLimit / (primaryLimit + secondaryLimit) : AdjustedSpace / (AdjustedSpace + SecondarySpace);
            primary += rest * gapShare;
            secondary += rest * (1 - gapShare);
        }
        return (primary, letters, secondary, edges);
    }

    /// <summary>
    /// Fills <paramref name="width"/>: narrower, word spaces shrink; wider, see <see cref="Allocate"/>. A title's spaces
    /// change only on a line with no other gap, and a line without gaps keeps its natural width.
    /// </summary>
    public readonly LinePlacement Justify(float width, in JustificationLimits limits)
    {
        var adjusted = Adjusted;
        if (adjusted == GapKind.None) return default;
        var count = adjusted switch { GapKind.Word => WordGaps, GapKind.Latin => LatinGaps, _ => TitleGaps };
        var delta = width - Natural;
        var (primary, letters, secondary, edges) = delta <= 0 ? (delta, 0f, 0f, 0f) : Allocate(delta, limits);
        var letterExtra = LetterSlots == 0 ? 0 : letters / LetterSlots;
        var edgeExtra = EdgeSlots == 0 ? 0 : edges / EdgeSlots;
        return adjusted switch
        {
            GapKind.Word => new LinePlacement(0, primary / count, LatinGaps == 0 ? 0 : secondary / LatinGaps, 0, letterExtra, edgeExtra),
            GapKind.Latin => new LinePlacement(0, 0, primary / count, 0, letterExtra, edgeExtra),
            _ => new LinePlacement(0, 0, 0, primary / count, letterExtra, edgeExtra),
        };
    }

    public void AddGap(Word word)
    {
        switch (word.Gap)
        {
            case GapKind.Word: WordSpace += word.SpaceWidth; WordGaps++; break;
            case GapKind.Latin: LatinSpace += word.SpaceWidth; LatinGaps++; break;
            case GapKind.Title: TitleSpace += word.SpaceWidth; TitleGaps++; break;
        }
    }
}

/// <summary>
/// Where a line's text starts and what justification adds to each kind of gap, to each letter slot and to each edge
/// slot (negative: narrowed). The default is a line set at natural width from its start.
/// </summary>
internal readonly record struct LinePlacement(float X, float WordExtra, float LatinExtra, float TitleExtra, float LetterExtra, float EdgeExtra)
{
    /// <summary>Drawn width of the gap after <paramref name="word"/> (not the last on the line).</summary>
    public float GapWidth(Word word) => word.SpaceWidth + word.Gap switch
    {
        GapKind.Word => WordExtra,
        GapKind.Latin => LatinExtra,
        GapKind.Title => TitleExtra,
        _ => 0,
    };

    /// <summary>Space added before the character at <paramref name="index"/> of <paramref name="word"/>.</summary>
    public float SpaceBefore(Word word, int index) =>
        word.IsLetterSlot(index) ? LetterExtra : word.IsEdgeSlot(index) ? EdgeExtra : 0;

    /// <summary>Space added inside <paramref name="word"/> in all.</summary>
    public float SpaceInside(Word word) => word.LetterSlots * LetterExtra + word.EdgeSlots * EdgeExtra;
}

/// <summary>One line: its words, natural width and how its gaps and syllables are adjusted when justified.</summary>
internal sealed class TextLine
{
    readonly LineMetrics _metrics;
    readonly JustificationLimits _limits;

    public TextLine(Word[] words, bool endsParagraph, bool isFirst, JustificationLimits limits)
    {
        Words = words;
        EndsParagraph = endsParagraph;
        IsFirst = isFirst;
        _limits = limits;
        var metrics = new LineMetrics();
        for (var i = 0; i < words.Length; i++)
        {
            metrics.Natural += words[i].Width;
            metrics.LetterSlots += words[i].LetterSlots;
            metrics.EdgeSlots += words[i].EdgeSlots;
            if (i == words.Length - 1) break;
            metrics.Natural += words[i].SpaceWidth;
            metrics.AddGap(words[i]);
        }
        _metrics = metrics;
    }

    public Word[] Words { get; }
    internal LineMetrics Metrics => _metrics;
    /// <summary>Width with natural spaces (trailing space of the last word excluded).</summary>
    public float NaturalWidth => _metrics.Natural;
    /// <summary>Natural width of the gaps that justification adjusts.</summary>
    public float AdjustableSpace => _metrics.Adjusted switch
    {
        GapKind.Word => _metrics.WordSpace,
        GapKind.Latin => _metrics.LatinSpace,
        GapKind.Title => _metrics.TitleSpace,
        _ => 0,
    };
    /// <summary>The kind of gap that shrinks on this line and stretches first (word spaces, if it has any).</summary>
    public GapKind AdjustedGaps => _metrics.Adjusted;
    /// <summary>Narrowest the line can be set (its adjustable gaps at their minimum).</summary>
    public float TightestWidth => _metrics.Natural - _metrics.Shrink(_limits);
    /// <summary>Places between two Hangul syllables where justification may add space.</summary>
    public int LetterSlots => _metrics.LetterSlots;
    /// <summary>Last line of the paragraph or before a hard break: not justified (only narrowed if it must be).</summary>
    public bool EndsParagraph { get; }
    public bool IsFirst { get; }
    public JustificationLimits Limits => _limits;
    public float Height { get; set; }
    public float Baseline { get; set; }

    /// <summary>
    /// Where the line starts within <paramref name="width"/> and how its gaps and syllables are adjusted. Justified
    /// lines fill the width exactly, except the paragraph's last line (set at natural width, narrowed only if it would
    /// overflow) and lines without gaps.
    /// </summary>
    public LinePlacement Place(float width, TextAlign align)
    {
        if (align == TextAlign.Justify && (!EndsParagraph || _metrics.Natural > width + 0.01f) && _metrics.Adjusted != GapKind.None)
            return _metrics.Justify(width, _limits);
        return align switch
        {
            TextAlign.Right => default(LinePlacement) with { X = width - NaturalWidth },
            TextAlign.Center => default(LinePlacement) with { X = (width - NaturalWidth) / 2 },
            _ => default,
        };
    }

    /// <summary>Right edge of the drawn text, summing word by word as the renderer advances its pen.</summary>
    public float DrawnRight(LinePlacement placement)
    {
        var pen = placement.X;
        for (var i = 0; i < Words.Length; i++)
        {
            foreach (var piece in Words[i].Pieces) pen += piece.Width;
            pen += placement.SpaceInside(Words[i]);
            if (i < Words.Length - 1) pen += placement.GapWidth(Words[i]);
        }
        return pen;
    }
}
