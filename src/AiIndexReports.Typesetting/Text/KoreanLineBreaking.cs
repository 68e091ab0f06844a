using System.Globalization;

namespace AiIndexReports.Typesetting.Text;

/// <summary>
/// Where a line may break in Korean text, after W3C KLREQ with CSS <c>word-break: keep-all</c>: between 어절 at
/// spaces and after a hyphen or slash inside a word, never inside a word otherwise (so "2024년", "3.2%p",
/// "$0.07" and "2016~2019년" stay whole), and never so that a line starts with closing punctuation or ends
/// with opening punctuation (금칙).
/// </summary>
public static class KoreanLineBreaking
{
    /// <summary>Characters that must not start a line.</summary>
    public const string NoLineStart = ")]}」』》〉】〕’”.,:;?!·…%、。‧ㆍ";
    /// <summary>Characters that must not end a line.</summary>
    public const string NoLineEnd = "([{「『《〈【〔‘“";

    public static bool CannotStartLine(char c) => NoLineStart.Contains(c);
    public static bool CannotEndLine(char c) => NoLineEnd.Contains(c);

    /// <summary>True if a line may start at <paramref name="index"/> of <paramref name="text"/> (word-level rules).</summary>
    public static bool CanBreakBefore(string text, int index)
    {
        if (index <= 0 || index >= text.Length) return false;
        var current = text[index];
        var previous = text[index - 1];
        if (previous == '\n') return true;
        if (IsBreakingSpace(current) || current == '\n') return false; // spaces stay at the end of the line before
        if (CannotStartLine(current)) return false;
        if (IsBreakingSpace(previous))
        {
            var lastVisible = index - 1;
            while (lastVisible >= 0 && IsBreakingSpace(text[lastVisible])) lastVisible--;
            return lastVisible >= 0 && !CannotEndLine(text[lastVisible]);
        }
        if (previous is '-' or '/' or '\u2010' or '\u2013')
        {
            // "AI-기반", "연구/개발" may break after the mark; "-5%", "2016-2019", "https://" may not.
            if (index < 2) return false;
            var before = text[index - 2];
            if (IsBreakingSpace(before) || before is '-' or '/' || current is '-' or '/') return false;
            if (char.IsDigit(before) && char.IsDigit(current)) return false;
            // A web address stays whole ("…/posts/view/" + "2384" reads as two things); one wider than the line
            // still breaks, inside the word, as any word that does not fit.
            if (InWebAddress(text, index)) return false;
            return char.IsLetterOrDigit(before) && !char.IsWhiteSpace(current);
        }
        return false;
    }

    /// <summary>True when the word around <paramref name="index"/> is a web address ("https://…", "www.…").</summary>
    private static bool InWebAddress(string text, int index)
    {
        var start = index;
        while (start > 0 && !IsBreakingSpace(text[start - 1]) && text[start - 1] != '\n') start--;
        var word = text.AsSpan(start, index - start);
        return word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Emergency break inside a word wider than the line: between any two characters (not inside a surrogate
    /// pair or before a combining mark), still keeping 금칙 where the rule can be kept.
    /// </summary>
    public static bool CanBreakInsideWord(string text, int index)
    {
        if (index <= 0 || index >= text.Length) return false;
        var current = text[index];
        if (char.IsLowSurrogate(current) || IsBreakingSpace(current)) return false;
        var category = CharUnicodeInfo.GetUnicodeCategory(current);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return false;
        if (current is '\u200D' or '\uFE0F') return false;
        return !CannotStartLine(current) && !CannotEndLine(text[index - 1]);
    }

    /// <summary>
    /// A break the total-fit breaker may take at a cost, after a middle dot between two nouns of at least two Hangul
    /// syllables each ("기술·" / "투자·정책"), so that a list joined by dots need not leave a line loose. Never in
    /// "미·중" (one syllable) nor next to digits or Latin ("3·1절", "AI·데이터"); ragged text does not use it.
    /// </summary>
    public static bool CanBreakAfterMiddleDot(string text, int index)
    {
        if (index < 3 || index + 1 >= text.Length || !IsMiddleDot(text[index - 1])) return false;
        return IsHangulSyllable(text[index - 3]) && IsHangulSyllable(text[index - 2])
            && IsHangulSyllable(text[index]) && IsHangulSyllable(text[index + 1]);
    }

    public static bool IsMiddleDot(char c) => c is '\u00B7' or '\u318D' or '\u2027' or '\u30FB';

    /// <summary>A precomposed Hangul syllable (가–힣): where justification may add space between two of them.</summary>
    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>Brackets that enclose a title (KLREQ: 『』 books, 「」 articles, 《》〈〉): the text inside stays tight.</summary>
    public const string TitleOpeners = "「『《〈";
    public const string TitleClosers = "」』》〉";

    /// <summary>Spaces where a line can break (not the no-break space U+00A0).</summary>
    public static bool IsBreakingSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u2009' or '\u2002' or '\u2003';
}
