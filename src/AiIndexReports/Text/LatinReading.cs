namespace AiIndexReports.Text;

/// <summary>
/// The final sound of a Latin-script word as Korean readers say it. Order of rules:
/// 1. a small dictionary of words the rules below get wrong ("EXAONE" 엑사원, "Deep" 딥);
/// 2. CamelCase: only the last part is read last ("OpenAI" → "AI", "DeepMind" → "Mind");
/// 3. all capitals or a single letter: spelled letter by letter ("MMLU" 유, "LG" 지, "4o" 오, "KOR" 알);
/// 4. otherwise an English word, by its last letters as Korean loanwords render them (see <see cref="OfEnglishWord"/>).
/// </summary>
public static class LatinReading
{
    private static readonly Dictionary<string, FinalSound> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EXAONE"] = FinalSound.Consonant,  // 엑사원
        ["NAVER"] = FinalSound.Vowel,       // 네이버, not 엔에이브이이알
        ["KISTEP"] = FinalSound.Consonant,  // 키스텝
        ["Deep"] = FinalSound.Consonant,    // 딥 (a long vowel + p would otherwise give 프)
        ["Book"] = FinalSound.Consonant,    // 북
    };

    // Korean names of the letters: A 에이, B 비, … L 엘, M 엠, N 엔, R 알 — only L/R end in ㄹ, M/N in a consonant.
    private static FinalSound OfLetterName(char letter) => char.ToUpperInvariant(letter) switch
    {
        'L' or 'R' => FinalSound.Rieul,
        'M' or 'N' => FinalSound.Consonant,
        _ => FinalSound.Vowel,
    };

    public static FinalSound Of(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return FinalSound.Unknown;
        var whole = word.ToString();
        if (Exceptions.TryGetValue(whole, out var known)) return known;

        var part = LastCamelPart(word);
        if (part.Length != word.Length && Exceptions.TryGetValue(part.ToString(), out known)) return known;
        if (part.Length == 1 || IsAllUpper(part)) return OfLetterName(part[^1]);
        return OfEnglishWord(part.ToString().ToLowerInvariant());
    }

    /// <summary>"OpenAI" → "AI", "DeepMind" → "Mind", "xAI" → "AI", "GPT" → "GPT", "iPhone" → "Phone".</summary>
    private static ReadOnlySpan<char> LastCamelPart(ReadOnlySpan<char> word)
    {
        int end = word.Length;
        if (char.IsAsciiLetterUpper(word[end - 1]))
        {
            // Trailing capitals form an acronym, spelled out: "OpenAI" → AI, "GPT" → GPT.
            int start = end;
            while (start > 0 && char.IsAsciiLetterUpper(word[start - 1])) start--;
            return word[start..];
        }
        int i = end;
        while (i > 0 && char.IsAsciiLetterLower(word[i - 1])) i--;
        // "Mind" in "DeepMind": include the capital that starts the lowercase run.
        if (i > 0 && char.IsAsciiLetterUpper(word[i - 1])) i--;
        return word[i..];
    }

    private static bool IsAllUpper(ReadOnlySpan<char> part)
    {
        foreach (char c in part) if (!char.IsAsciiLetterUpper(c)) return false;
        return true;
    }

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// Heuristic from the Korean loanword rules (외래어 표기법): final m, n, ng stay as 받침 (팀, 오픈, 삼성); l and -le give ㄹ
    /// (모델, 구글); a single short vowel + p/t/k/c/b makes a 받침 (칩, 챗, 그록, 앤트로픽, 랩) while a cluster or a long
    /// vowel adds 으 (소프트, 딥시크); a silent final e leaves the consonant before it in charge (타임, 폰, 베이스);
    /// every other ending (vowels, r, s, x, d, g, f, v, z, sh, ch, th …) is read with a vowel (파워, 인덱스, 마인드).
    /// </summary>
    private static FinalSound OfEnglishWord(string w)
    {
        if (w.EndsWith("ng", StringComparison.Ordinal)) return FinalSound.Consonant;
        char last = w[^1];
        if (last == 'e' && w.Length >= 2 && !IsVowelLetter(w[^2]))
        {
            char before = w[^2];
            return before switch
            {
                'm' or 'n' => FinalSound.Consonant,                    // time 타임, phone 폰, cline 클라인
                'l' => FinalSound.Rieul,                               // google 구글, mobile 모바일
                _ => FinalSound.Vowel,                                 // base 베이스, claude 클로드, stage 스테이지
            };
        }
        switch (last)
        {
            case 'm' or 'n': return FinalSound.Consonant;
            case 'l': return FinalSound.Rieul;
            case 'p' or 't' or 'k' or 'c' or 'b':
                bool shortVowelBefore = w.Length >= 2 && IsVowelLetter(w[^2]) && (w.Length < 3 || !IsVowelLetter(w[^3]));
                if (last == 'k' && w.EndsWith("ck", StringComparison.Ordinal)) return FinalSound.Consonant; // rock 록, black 블랙
                return shortVowelBefore ? FinalSound.Consonant : FinalSound.Vowel;
            default: return FinalSound.Vowel;
        }
    }
}
