using System.Buffers;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) adapted to keep-all Korean: the
/// candidate breaks are the words' ends (spaces, hyphens, slashes, middle dots; 금칙 and number+unit already hold
/// inside a word), and the breaks of the whole paragraph are chosen together to minimise the sum of each line's
/// demerits: (10 + badness)² plus a penalty² for a discouraged break, plus a cost for a too-short last line
/// (in proportion to how much shorter than the limit it is, divided by its number of words).
/// Badness is 100·r³ for each adjustment the line would get (<see cref="LineMetrics.Badness"/>: spaces shrunk or
/// stretched, then letter slots, then a Latin phrase's spaces, r being the share of its limit used); a line looser
/// than its limits is allowed, at a high price, so a paragraph always has a solution.
/// </summary>
internal static class TotalFit
{
    /// <summary>Paragraphs with more words than this are broken first-fit instead (the cost grows with words × words per line).</summary>
    public const int MaxWords = 5000;
    /// <summary>Most line starts considered for one break; only lines of more than this many words ever reach it.</summary>
    const int MaxActive = 128;
    const double LinePenalty = 10;
    /// <summary>
    /// Beyond this badness (r ≈ 10) lines are hopeless anyway: badness grows only logarithmically, so the breaker prefers
    /// fewer hopeless lines to spreading the looseness over more lines, and among them still the less loose.
    /// </summary>
    const double HopelessBadness = 100_000;
    /// <summary>A line that must be wider than natural but has no gap to widen (left ragged): worse than any loose line.</summary>
    const double RaggedBadness = 10_000_000;

    /// <summary>The lines, or null when first fit must do it (a word wider than a line, or a huge paragraph).</summary>
    public static List<TextLine>? Break(IReadOnlyList<Word> words, float firstWidth, float otherWidth, JustificationStyle style, JustificationLimits limits)
    {
        var n = words.Count;
        if (n > MaxWords) return null;
        var narrowest = Math.Min(firstWidth, otherWidth);
        foreach (var word in words)
            if (word.Width > narrowest + 0.01f) return null;

        // Rented: breaking is per paragraph and per width, the arrays are only needed here.
        var sums = ArrayPool<Sums>.Shared.Rent(n + 1);
        var best = ArrayPool<double>.Shared.Rent(n + 1);
        var from = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            return Break(words, firstWidth, otherWidth, style, limits, sums, best, from);
        }
        finally
        {
            ArrayPool<Sums>.Shared.Return(sums);
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(from);
        }
    }

    static List<TextLine>? Break(IReadOnlyList<Word> words, float firstWidth, float otherWidth, JustificationStyle style, JustificationLimits limits,
        Sums[] sums, double[] best, int[] from)
    {
        var n = words.Count;
        sums[0] = default;
        for (var i = 0; i < n; i++) sums[i + 1] = sums[i].Add(words[i]);
        Array.Fill(best, double.PositiveInfinity, 0, n + 1);
        best[0] = 0;
        var active = new List<int>(32) { 0 };
        var segmentStart = 0;
        for (var k = 1; k <= n; k++)
        {
            var last = words[k - 1];
            var endsSegment = k == n || last.HardBreak;
            for (var a = 0; a < active.Count; a++)
            {
                var i = active[a];
                var demerits = Demerits(Sums.Line(sums, i, k), i == 0 ? firstWidth : otherWidth, k - i, last, endsSegment, i > segmentStart, style, limits);
                if (demerits is not { } cost)
                {
                    // Too full even with word spaces at their minimum, and longer lines from i only get fuller.
                    active.RemoveAt(a--);
                    continue;
                }
                if (best[i] + cost < best[k])
                {
                    best[k] = best[i] + cost;
                    from[k] = i;
                }
            }
            if (double.IsPositiveInfinity(best[k])) continue;
            if (endsSegment)
            {
                // A hard break ends every line that could run past it.
                active.Clear();
                segmentStart = k;
            }
            active.Add(k);
            if (active.Count > MaxActive) active.RemoveAt(0);
        }
        if (n > 0 && double.IsPositiveInfinity(best[n])) return null;

        var breaks = new List<int>();
        for (var k = n; k > 0; k = from[k]) breaks.Add(k);
        breaks.Reverse();
        var lines = new List<TextLine>(breaks.Count);
        var start = 0;
        foreach (var end in breaks)
        {
            var lineWords = new Word[end - start];
            for (var j = start; j < end; j++) lineWords[j - start] = words[j];
            lines.Add(new TextLine(lineWords, end == n || words[end - 1].HardBreak, start == 0, limits));
            start = end;
        }
        return lines;
    }

    /// <summary>
    /// Demerits of one line of <paramref name="wordCount"/> words ending with <paramref name="last"/>, or null when it
    /// cannot be set <paramref name="width"/> wide. <paramref name="endsSegment"/>: the paragraph's last line or one
    /// before a hard break (set at natural width, so only its shortness counts); <paramref name="afterABreak"/>: not the
    /// segment's first line (a segment of one short line is not "too short").
    /// </summary>
    static double? Demerits(in LineMetrics metrics, float width, int wordCount, Word last, bool endsSegment, bool afterABreak,
        JustificationStyle style, in JustificationLimits limits)
    {
        if (metrics.Badness(width, limits) is not { } lineBadness) return null;
        var badness = endsSegment && metrics.Natural <= width ? 0
            : double.IsPositiveInfinity(lineBadness) ? RaggedBadness
            : lineBadness <= HopelessBadness ? lineBadness
            : HopelessBadness * (1 + Math.Log(lineBadness / HopelessBadness));
        var demerits = (LinePenalty + badness) * (LinePenalty + badness);
        if (!endsSegment && (last.SoftBreak || last.Gap is GapKind.None or GapKind.Latin or GapKind.Title))
            demerits += style.DiscouragedBreakPenalty * style.DiscouragedBreakPenalty;
        // A too-short last line costs the more the shorter it is, most with one word on it ("주도"), half with two…
        var limit = style.ShortLastLine * width;
        if (endsSegment && afterABreak && metrics.Natural < limit)
            demerits += style.ShortLastLineDemerits * (limit - metrics.Natural) / limit / wordCount;
        return demerits;
    }

    /// <summary>
    /// The total demerits of <paramref name="lines"/> as this breaker counts them (null if a line cannot be set), so
    /// any breaking of the paragraph can be compared with the one <see cref="Break"/> chose.
    /// </summary>
    public static double? Demerits(IReadOnlyList<TextLine> lines, float firstWidth, float otherWidth, JustificationStyle style, JustificationLimits limits)
    {
        double total = 0;
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var afterABreak = l > 0 && !lines[l - 1].EndsParagraph;
            var cost = Demerits(line.Metrics, l == 0 ? firstWidth : otherWidth, line.Words.Length, line.Words[^1], line.EndsParagraph, afterABreak, style, limits);
            if (cost is null) return null;
            total += cost.Value;
        }
        return total;
    }

    /// <summary>Prefix sums over the words, so any line's metrics come from two entries.</summary>
    struct Sums
    {
        double _width, _space, _wordSpace, _latinSpace, _titleSpace;
        int _wordGaps, _latinGaps, _titleGaps, _letters, _edges;

        public readonly Sums Add(Word word)
        {
            var next = this;
            next._width += word.Width;
            next._space += word.SpaceWidth;
            next._letters += word.LetterSlots;
            next._edges += word.EdgeSlots;
            switch (word.Gap)
            {
                case GapKind.Word: next._wordSpace += word.SpaceWidth; next._wordGaps++; break;
                case GapKind.Latin: next._latinSpace += word.SpaceWidth; next._latinGaps++; break;
                case GapKind.Title: next._titleSpace += word.SpaceWidth; next._titleGaps++; break;
            }
            return next;
        }

        /// <summary>Metrics of the line of words [i, k): the gaps after words i … k-2 are inside it.</summary>
        public static LineMetrics Line(Sums[] sums, int i, int k)
        {
            ref readonly var a = ref sums[i];
            ref readonly var words = ref sums[k];
            ref readonly var gaps = ref sums[k - 1];
            return new LineMetrics
            {
                Natural = (float)(words._width - a._width + gaps._space - a._space),
                WordSpace = (float)(gaps._wordSpace - a._wordSpace),
                LatinSpace = (float)(gaps._latinSpace - a._latinSpace),
                TitleSpace = (float)(gaps._titleSpace - a._titleSpace),
                WordGaps = gaps._wordGaps - a._wordGaps,
                LatinGaps = gaps._latinGaps - a._latinGaps,
                TitleGaps = gaps._titleGaps - a._titleGaps,
                LetterSlots = words._letters - a._letters,
                EdgeSlots = words._edges - a._edges,
            };
        }
    }
}
