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
    /// Highest badness (r ≈ 10): lines looser than that are all equally bad, and so is a line that must be wider than
    /// natural but has no gap to widen (left ragged); among those, fewer lines win, as first fit would have it.
    /// </summary>
    const double MaxBadness = 100_000;

    /// <summary>The lines, or null when first fit must do it (a word wider than a line, or a huge paragraph).</summary>
    public static List<TextLine>? Break(IReadOnlyList<Word> words, float firstWidth, float otherWidth, JustificationStyle style, JustificationLimits limits)
    {
        var n = words.Count;
        if (n > MaxWords) return null;
        var narrowest = Math.Min(firstWidth, otherWidth);
        foreach (var word in words)
            if (word.Width > narrowest + 0.01f) return null;

        var sums = new Sums[n + 1];
        for (var i = 0; i < n; i++) sums[i + 1] = sums[i].Add(words[i]);

        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        var active = new List<int>(32) { 0 };
        var segmentStart = 0;
        for (var k = 1; k <= n; k++)
        {
            var last = words[k - 1];
            var endsSegment = k == n || last.HardBreak;
            var penalty = endsSegment ? 0 : BreakPenalty(last, style);
            for (var a = 0; a < active.Count; a++)
            {
                var i = active[a];
                var width = i == 0 ? firstWidth : otherWidth;
                var metrics = Sums.Line(sums, i, k);
                double badness;
                if (metrics.Badness(width, limits) is not { } lineBadness)
                {
                    // Too full even with word spaces at their minimum, and longer lines from i only get fuller.
                    active.RemoveAt(a--);
                    continue;
                }
                else if (endsSegment && metrics.Natural <= width) badness = 0;
                else badness = Math.Min(MaxBadness, lineBadness);
                var demerits = (LinePenalty + badness) * (LinePenalty + badness) + penalty * penalty;
                // A too-short last line costs the more the shorter it is, most with one word on it ("주도"), half with two…
                var shortOf = style.ShortLastLine * width - metrics.Natural;
                if (endsSegment && i > segmentStart && shortOf > 0)
                    demerits += style.ShortLastLineDemerits * shortOf / (style.ShortLastLine * width) / (k - i);
                var total = best[i] + demerits;
                if (total < best[k])
                {
                    best[k] = total;
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

    /// <summary>Breaks after a hyphen, slash or middle dot inside a word, or inside a title or Latin phrase, cost a penalty.</summary>
    static double BreakPenalty(Word word, JustificationStyle style) =>
        word.SoftBreak || word.Gap is GapKind.None or GapKind.Latin or GapKind.Title ? style.DiscouragedBreakPenalty : 0;

    /// <summary>Prefix sums over the words, so any line's metrics come from two entries.</summary>
    struct Sums
    {
        double _width, _space, _wordSpace, _latinSpace, _titleSpace;
        int _wordGaps, _latinGaps, _titleGaps, _letters;

        public readonly Sums Add(Word word)
        {
            var next = this;
            next._width += word.Width;
            next._space += word.SpaceWidth;
            next._letters += word.LetterSlots.Length;
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
            };
        }
    }
}
