using System.Globalization;
using System.Text;
using AiIndexReports.Typesetting.Fonts;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// A paragraph's spans itemized into shaped words: fonts chosen per character (first face of the family chain
/// that has the glyph, so "韓AI" takes 韓 from the fallback), shaped with HarfBuzz, split at KLREQ break points.
/// Independent of the line width, so it is built once and broken into lines for any width.
/// </summary>
internal sealed class ParagraphText
{
    readonly int[] _spanStarts;
    readonly FontFace[][] _chains;
    // Characters inside a title bracket pair (「…」), or null when the paragraph has none.
    readonly bool[]? _inTitle;
    readonly bool _hasHangul;

    public ParagraphText(IReadOnlyList<TextSpan> spans, TextStyle paragraphText, FontLibrary fonts)
    {
        Spans = spans;
        Styles = new TextStyle[spans.Count];
        _chains = new FontFace[spans.Count][];
        _spanStarts = new int[spans.Count + 1];
        var text = new StringBuilder();
        for (var i = 0; i < spans.Count; i++)
        {
            _spanStarts[i] = text.Length;
            // Line ends from any platform become one hard break.
            text.Append(spans[i].Text.Replace("\r\n", "\n").Replace('\r', '\n'));
            Styles[i] = spans[i].Resolve(paragraphText);
            _chains[i] = fonts.Chain(Styles[i].FontFamilies, Styles[i].Weight);
        }
        _spanStarts[spans.Count] = text.Length;
        Text = text.ToString();
        PrimaryFace = fonts.Chain(paragraphText.FontFamilies, paragraphText.Weight)[0];
        BaseSize = paragraphText.Size;
        _inTitle = TitleRanges(Text);
        foreach (var c in Text)
            if (KoreanLineBreaking.IsHangulSyllable(c)) { _hasHangul = true; break; }
        Words = Itemize();
    }

    public string Text { get; }
    public IReadOnlyList<TextSpan> Spans { get; }
    public TextStyle[] Styles { get; }
    public FontFace PrimaryFace { get; }
    public float BaseSize { get; }
    public IReadOnlyList<Word> Words { get; }
    /// <summary>Characters no face of their span's family chain has (drawn as .notdef of the first face).</summary>
    public List<MissingGlyph> Missing { get; } = [];

    List<Word> Itemize()
    {
        var words = new List<Word>();
        var start = 0;
        // Leading spaces of a paragraph carry no meaning in typeset text.
        while (start < Text.Length && KoreanLineBreaking.IsBreakingSpace(Text[start])) start++;
        while (start < Text.Length)
        {
            var end = start + 1;
            var soft = false;
            while (end < Text.Length && !KoreanLineBreaking.CanBreakBefore(Text, end))
            {
                if (KoreanLineBreaking.CanBreakAfterMiddleDot(Text, end)) { soft = true; break; }
                end++;
            }
            // [start, end) is word + trailing spaces (+ a '\n').
            var spacesEnd = end;
            var hardBreak = Text[end - 1] == '\n';
            var visibleEnd = hardBreak ? end - 1 : end;
            while (visibleEnd > start && KoreanLineBreaking.IsBreakingSpace(Text[visibleEnd - 1])) visibleEnd--;
            words.Add(BuildWord(start, visibleEnd, spacesEnd, hardBreak, soft));
            start = end;
        }
        return words;
    }

    /// <summary>Marks the characters from an opening title bracket to its matching closer; unmatched brackets mark nothing.</summary>
    static bool[]? TitleRanges(string text)
    {
        if (text.AsSpan().IndexOfAny(KoreanLineBreaking.TitleOpeners) < 0) return null;
        var inTitle = new bool[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var kind = KoreanLineBreaking.TitleOpeners.IndexOf(text[i]);
            if (kind >= 0) { open.Push(i); continue; }
            kind = KoreanLineBreaking.TitleClosers.IndexOf(text[i]);
            if (kind < 0 || open.Count == 0) continue;
            // Close the innermost opener of the same kind; openers left inside it were never closed.
            while (open.Count > 0 && KoreanLineBreaking.TitleOpeners.IndexOf(text[open.Peek()]) != kind) open.Pop();
            if (open.Count == 0) continue;
            var from = open.Pop();
            Array.Fill(inTitle, true, from, i - from + 1);
        }
        return inTitle;
    }

    bool InTitle(int index) => _inTitle is not null && _inTitle[index];

    /// <summary>
    /// The gap after [start, end) when a space follows: a title's inside, a Latin phrase of Korean text (a word without
    /// Hangul, not ending a clause with , ; : . and followed by a Latin letter or digit) or a plain word space.
    /// </summary>
    GapKind GapAfter(int start, int end, int spacesEnd)
    {
        if (InTitle(end)) return GapKind.Title;
        if (!_hasHangul || spacesEnd >= Text.Length) return GapKind.Word;
        if (Text[end - 1] is ',' or ';' or ':' or '.' or '!' or '?') return GapKind.Word;
        var latin = false;
        for (var i = start; i < end; i++)
        {
            var c = Text[i];
            if (c >= '\u1100' && !char.IsPunctuation(c) && !char.IsSymbol(c)) return GapKind.Word; // Hangul, Hanja, …
            latin |= char.IsAsciiLetterOrDigit(c) || char.IsLetter(c);
        }
        var next = spacesEnd;
        while (next < Text.Length - 1 && Text[next] is '(' or '[' or '“' or '‘' or '"' or '\'') next++;
        return latin && (char.IsAsciiLetterOrDigit(Text[next]) || Text[next] is >= '\u00C0' and < '\u0250') ? GapKind.Latin : GapKind.Word;
    }

    /// <summary>The slots of [start, end): between two Hangul syllables, and between a syllable and a digit or letter.</summary>
    (ulong Letters, ulong Edges) SlotsOf(int start, int end)
    {
        ulong letters = 0, edges = 0;
        for (var i = start + 1; i < end && i - start < 64; i++)
        {
            char a = Text[i - 1], b = Text[i];
            var hangulA = KoreanLineBreaking.IsHangulSyllable(a);
            var hangulB = KoreanLineBreaking.IsHangulSyllable(b);
            if (!(hangulA || hangulB) || InTitle(i)) continue;
            if (hangulA && hangulB) letters |= 1UL << (i - start);
            else if (char.IsLetterOrDigit(a) && char.IsLetterOrDigit(b)) edges |= 1UL << (i - start);
        }
        return (letters, edges);
    }

    readonly List<GlyphPiece> _pieces = new(4);

    public Word BuildWord(int start, int end, int spacesEnd, bool hardBreak, bool softBreak = false)
    {
        var pieces = _pieces;
        pieces.Clear();
        var runStart = start;
        var runSpan = -1;
        FontFace? runFace = null;
        var span = SpanAt(start);
        for (var i = start; i < end;)
        {
            while (i >= _spanStarts[span + 1]) span++;
            var codePoint = CodePointAt(Text, i, out var length);
            var face = IsJoiner(codePoint) && runFace is not null && runSpan == span ? runFace : FaceFor(span, codePoint);
            if (face != runFace || span != runSpan)
            {
                if (runFace is not null) pieces.Add(Shape(runFace, runSpan, runStart, i));
                runFace = face;
                runSpan = span;
                runStart = i;
            }
            i += length;
        }
        if (runFace is not null) pieces.Add(Shape(runFace, runSpan, runStart, end));

        GlyphPiece? space = null;
        float spaceWidth = 0;
        if (spacesEnd > end && KoreanLineBreaking.IsBreakingSpace(Text[end]))
        {
            var spaceSpan = SpanAt(end);
            var style = Styles[spaceSpan];
            var face = _chains[spaceSpan][0];
            foreach (var candidate in _chains[spaceSpan])
                if (candidate.SpaceGlyph != 0) { face = candidate; break; }
            for (var i = end; i < spacesEnd && KoreanLineBreaking.IsBreakingSpace(Text[i]); i++)
                spaceWidth += face.SpaceAdvance * style.Size * (Text[i] == '\u3000' ? 4 : Text[i] == '\t' ? 4 : 1);
            space = new GlyphPiece(face, style.Size, face.SpaceRun, end, 1, spaceSpan);
        }
        var gap = space is null ? GapKind.None : GapAfter(start, end, spacesEnd);
        var (letters, edges) = SlotsOf(start, end);
        return new Word(pieces.ToArray(), start, end, spacesEnd, spaceWidth, space, hardBreak, gap, letters, edges, softBreak);
    }

    static bool IsJoiner(int codePoint)
    {
        if (codePoint is 0x200D or 0x200C || codePoint is >= 0xFE00 and <= 0xFE0F) return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    FontFace FaceFor(int span, int codePoint)
    {
        var chain = _chains[span];
        foreach (var face in chain)
            if (face.HasGlyph(codePoint)) return face;
        if (Missing.TrueForAll(m => m.CodePoint != codePoint)) Missing.Add(new MissingGlyph(codePoint, Text));
        return chain[0];
    }

    GlyphPiece Shape(FontFace face, int span, int start, int end)
    {
        var style = Styles[span];
        var run = face.Shape(Text.AsSpan(start, end - start), style.TabularDigits);
        return new GlyphPiece(face, style.Size, run, start, end - start, span);
    }

    int SpanAt(int index)
    {
        var span = Array.BinarySearch(_spanStarts, index);
        if (span < 0) span = ~span - 1;
        // Empty spans share a start with the next one: take the last span starting at or before index.
        while (span + 1 < Spans.Count && _spanStarts[span + 1] <= index) span++;
        return Math.Min(span, Spans.Count - 1);
    }

    /// <summary>
    /// Breaks the words into lines. Justified text is broken as a whole (<see cref="TotalFit"/>) when the style asks for
    /// it, no word is wider than a line and the paragraph is not huge; otherwise line by line (first fit).
    /// </summary>
    public List<TextLine> BreakLines(float firstLineWidth, float otherLinesWidth, bool justify, JustificationStyle? style = null)
    {
        style ??= JustificationStyle.Default;
        var limits = JustificationLimits.For(style, BaseSize);
        if (justify && style.TotalFit && TotalFit.Break(Words, firstLineWidth, otherLinesWidth, style, limits) is { } lines)
            return lines;
        return BreakFirstFit(FirstFitWords, firstLineWidth, otherLinesWidth, justify, limits);
    }

    IReadOnlyList<Word>? _firstFitWords;

    /// <summary>The words without the breaks only total fit takes (after a middle dot): ragged text never breaks there.</summary>
    IReadOnlyList<Word> FirstFitWords
    {
        get
        {
            if (_firstFitWords is not null) return _firstFitWords;
            var merged = new List<Word>(Words.Count);
            for (var i = 0; i < Words.Count; i++)
            {
                var first = i;
                while (Words[i].SoftBreak && i + 1 < Words.Count) i++;
                merged.Add(first == i ? Words[i] : BuildWord(Words[first].Start, Words[i].End, Words[i].SpacesEnd, Words[i].HardBreak));
            }
            return _firstFitWords = merged.Count == Words.Count ? Words : merged;
        }
    }

    /// <summary>
    /// Breaks the words line by line (greedy): a word joins the line if it fits with natural spaces, or — when
    /// justifying — with word spaces shrunk to their minimum. A word wider than a whole line is broken between characters.
    /// </summary>
    List<TextLine> BreakFirstFit(IReadOnlyList<Word> words, float firstLineWidth, float otherLinesWidth, bool justify, JustificationLimits limits)
    {
        var lines = new List<TextLine>();
        var current = new List<Word>();
        var metrics = new LineMetrics();
        var queue = new Queue<Word>(words);
        while (queue.Count > 0)
        {
            var word = queue.Peek();
            var width = lines.Count == 0 ? firstLineWidth : otherLinesWidth;
            if (current.Count == 0)
            {
                if (word.Width > width + 0.01f)
                {
                    queue.Dequeue();
                    var (head, tail) = SplitWord(word, width);
                    current.Add(head);
                    metrics.Natural = head.Width;
                    if (tail is null)
                    {
                        // A single character wider than the line: it overflows rather than looping forever.
                        if (head.HardBreak) Close(true);
                        continue;
                    }
                    Close(false);
                    var rest = new Queue<Word>();
                    rest.Enqueue(tail);
                    foreach (var w in queue) rest.Enqueue(w);
                    queue = rest;
                    continue;
                }
                queue.Dequeue();
                current.Add(word);
                metrics.Natural = word.Width;
            }
            else
            {
                var candidate = metrics;
                candidate.Natural += current[^1].SpaceWidth + word.Width;
                candidate.AddGap(current[^1]);
                var tightest = justify ? candidate.Natural - candidate.Shrink(limits) : candidate.Natural;
                if (tightest > width + 0.01f)
                {
                    Close(false);
                    continue;
                }
                queue.Dequeue();
                current.Add(word);
                metrics = candidate;
            }
            if (word.HardBreak) Close(true);
        }
        if (current.Count > 0) Close(true);
        else if (lines.Count > 0 && !lines[^1].EndsParagraph)
            lines[^1] = new TextLine(lines[^1].Words, true, lines[^1].IsFirst, limits);
        return lines;

        void Close(bool endsParagraph)
        {
            lines.Add(new TextLine(current.ToArray(), endsParagraph, lines.Count == 0, limits));
            current.Clear();
            metrics = default;
        }
    }

    /// <summary>Splits a too-wide word at the last character boundary that fits (at least one character).</summary>
    (Word Head, Word? Tail) SplitWord(Word word, float width)
    {
        // Per-character advances from the shaped clusters.
        var advances = new float[word.End - word.Start];
        foreach (var piece in word.Pieces)
            for (var g = 0; g < piece.Run.Glyphs.Length; g++)
                advances[piece.Start - word.Start + piece.Run.Clusters[g]] += piece.Run.Advances[g] * piece.Size;
        float sum = 0;
        var split = -1;
        for (var i = 0; i < advances.Length; i++)
        {
            sum += advances[i];
            var index = word.Start + i + 1;
            if (sum > width + 0.01f) break;
            if (index < word.End && KoreanLineBreaking.CanBreakInsideWord(Text, index)) split = index;
        }
        if (split < 0)
        {
            // Not even one character fits, or 금칙 forbids every break that fits: take the first allowed break.
            split = word.Start + 1;
            while (split < word.End && !KoreanLineBreaking.CanBreakInsideWord(Text, split)) split++;
            if (split >= word.End) return (word, null);
        }
        return (BuildWord(word.Start, split, split, false), BuildWord(split, word.End, word.SpacesEnd, word.HardBreak));
    }

    static int CodePointAt(string text, int index, out int length)
    {
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(text[index], text[index + 1]);
        }
        length = 1;
        return text[index];
    }
}
