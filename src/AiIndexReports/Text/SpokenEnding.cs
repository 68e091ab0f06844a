namespace AiIndexReports.Text;

/// <summary>How the last syllable of a word sounds when read aloud: it decides the particle (조사).</summary>
public enum FinalSound
{
    /// <summary>Open syllable (no 받침): 가, 는, 를, 와, 로, 다.</summary>
    Vowel,
    /// <summary>받침 ㄹ: behaves like a consonant except that (으)로 takes 로 ("서울로", "1로").</summary>
    Rieul,
    /// <summary>Any other 받침: 이, 은, 을, 과, 으로, 이다.</summary>
    Consonant,
    /// <summary>Not readable (empty, Hanja, emoji …): particles are written in both forms, "은(는)".</summary>
    Unknown,
}

/// <summary>
/// Finds the final sound of a word as a Korean reader says it: Hangul by its 받침, numbers in Sino-Korean
/// ("10" 십, "1,000" 천, "17.5" 오), symbols by their names ("%" 퍼센트, "%p" 퍼센트포인트, "$0.07" 0.07달러), Latin acronyms letter by letter
/// ("MMLU" 유, "LG" 지), other Latin words by <see cref="LatinReading"/>.
/// Text in trailing brackets is not read ("한국(KOR)" reads as 한국); closing quotes and footnote marks are skipped.
/// </summary>
public static class SpokenEnding
{
    private const char FirstSyllable = '\uAC00', LastSyllable = '\uD7A3';
    private const int RieulFinal = 8; // index of ㄹ among the 28 final-consonant slots of a syllable

    public static FinalSound Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var text = StripTrailing(word.AsSpan());
        if (text.IsEmpty) return FinalSound.Unknown;

        char last = text[^1];
        if (last is >= FirstSyllable and <= LastSyllable) return OfSyllable(last);
        if (last is >= '\u3131' and <= '\u3163') return OfJamoName(last);
        if (char.IsAsciiDigit(last)) return OfNumber(text);
        if (char.IsAsciiLetter(last))
        {
            // "3.2%p": the p belongs to the percent sign, read 퍼센트포인트.
            if (last == 'p' && text.Length >= 2 && text[^2] == '%') return FinalSound.Vowel;
            return LatinReading.Of(TrailingLatin(text));
        }
        return last switch
        {
            '%' or '‰' => FinalSound.Vowel,          // 퍼센트, 퍼밀
            '℃' or '°' => FinalSound.Vowel,           // 도
            '+' => FinalSound.Vowel,                  // 플러스
            _ => FinalSound.Unknown,
        };
    }

    private static FinalSound OfSyllable(char syllable)
    {
        int final = (syllable - FirstSyllable) % 28;
        return final == 0 ? FinalSound.Vowel : final == RieulFinal ? FinalSound.Rieul : FinalSound.Consonant;
    }

    // A lone jamo is read by its name: ㄱ 기역, ㄹ 리을 …; vowels as themselves.
    private static FinalSound OfJamoName(char jamo) =>
        jamo >= '\u314F' ? FinalSound.Vowel : jamo == 'ㄹ' ? FinalSound.Rieul : FinalSound.Consonant;

    /// <summary>Removes what is not read at the end: spaces, closing quotes and sentence punctuation, bracketed asides.</summary>
    private static ReadOnlySpan<char> StripTrailing(ReadOnlySpan<char> text)
    {
        while (true)
        {
            text = text.TrimEnd();
            if (text.IsEmpty) return text;
            char last = text[^1];
            if (IsClosingBracket(last))
            {
                int open = MatchingOpen(text);
                // "(KOR)" alone has nothing before the bracket: read what is inside instead.
                text = open > 0 ? text[..open] : text[1..^1];
                continue;
            }
            // Footnote markers (*, †, ¹) are not read either.
            if ("\"'’”」』》〉.,;:!?…·*†‡¹²³⁴⁵⁶⁷⁸⁹⁰".Contains(last)) { text = text[..^1]; continue; }
            return text;
        }
    }

    private static bool IsClosingBracket(char c) => c is ')' or ']' or '}' or '）' or '〕';

    private static int MatchingOpen(ReadOnlySpan<char> text)
    {
        int depth = 0;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (IsClosingBracket(text[i])) depth++;
            else if (text[i] is '(' or '[' or '{' or '（' or '〔' && --depth == 0) return i;
        }
        return 0; // unbalanced: treat the whole text as the aside
    }

    private static ReadOnlySpan<char> TrailingLatin(ReadOnlySpan<char> text)
    {
        int start = text.Length;
        while (start > 0 && char.IsAsciiLetter(text[start - 1])) start--;
        return text[start..];
    }

    // 달러, 유로, 파운드 end in a vowel; 원 and 엔 (¥ may also be read 위안) in a consonant.
    private static readonly Dictionary<char, FinalSound> CurrencyNames = new()
    {
        ['$'] = FinalSound.Vowel, ['€'] = FinalSound.Vowel, ['£'] = FinalSound.Vowel,
        ['₩'] = FinalSound.Consonant, ['¥'] = FinalSound.Consonant,
    };

    // Sino-Korean digit names 영 일 이 삼 사 오 육 칠 팔 구.
    private static readonly FinalSound[] DigitNames =
    [
        FinalSound.Consonant, FinalSound.Rieul, FinalSound.Vowel, FinalSound.Consonant, FinalSound.Vowel,
        FinalSound.Vowel, FinalSound.Consonant, FinalSound.Rieul, FinalSound.Rieul, FinalSound.Vowel,
    ];

    // Units read after the last non-zero group of four digits: 만, 억, 조, 경.
    private static readonly FinalSound[] GroupUnits =
        [FinalSound.Consonant, FinalSound.Consonant, FinalSound.Vowel, FinalSound.Consonant];

    /// <summary>
    /// The integer part is read with place units, so its last sound is the digit or the unit of its lowest non-zero place
    /// (10 십, 100 백, 1,000 천, 10,000 만, 10^8 억, 10^12 조); decimals are read digit by digit ("0.07" … 칠).
    /// </summary>
    private static FinalSound OfNumber(ReadOnlySpan<char> text)
    {
        int start = text.Length;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] is ',' or '.')) start--;
        // A currency sign is written before the number but read after it: "$0.07" is 0.07달러, "₩500" 500원.
        if (start > 0 && CurrencyNames.TryGetValue(text[start - 1], out var currency)) return currency;
        var number = text[start..].TrimStart(",.");
        int point = number.IndexOf('.');
        if (point >= 0) return DigitNames[number[^1] - '0'];

        int trailingZeros = 0, significant = 0;
        foreach (char c in number)
        {
            if (c == ',') continue;
            if (c == '0') trailingZeros++;
            else { trailingZeros = 0; significant++; }
        }
        if (significant == 0) return DigitNames[0];
        if (trailingZeros == 0) return DigitNames[number[^1] - '0'];
        if (trailingZeros < 4) return FinalSound.Consonant; // 십, 백, 천
        int group = trailingZeros / 4;
        return group <= GroupUnits.Length ? GroupUnits[group - 1] : FinalSound.Unknown;
    }
}
