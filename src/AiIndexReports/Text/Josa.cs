namespace AiIndexReports.Text;

/// <summary>
/// Picks the particle (조사) that agrees with the word before it, as read aloud (<see cref="SpokenEnding"/>):
/// <c>Josa.Attach("한국", "은/는")</c> → "한국은", <c>Josa.Attach("AI", "이/가")</c> → "AI가", <c>Josa.Attach("서울", "(으)로")</c> → "서울로".
/// A pair is written "consonant form/vowel form" in either order ("은/는" = "는/은"), or with the optional part in
/// parentheses ("(으)로", "(이)나"). When the ending cannot be read the particle is written in both forms ("은(는)").
/// </summary>
public static class Josa
{
    private sealed record Particle(string AfterConsonant, string AfterVowel, bool RieulTakesVowelForm = false);

    private static readonly Particle[] Known =
    [
        new("은", "는"), new("이", "가"), new("을", "를"), new("과", "와"), new("아", "야"),
        new("이다", "다"), new("이에요", "예요"), new("이었다", "였다"), new("이나", "나"), new("이며", "며"),
        new("이라", "라"), new("이라고", "라고"), new("이랑", "랑"), new("이든", "든"), new("이자", "자"),
        new("으로", "로", RieulTakesVowelForm: true), new("으로서", "로서", RieulTakesVowelForm: true),
        new("으로써", "로써", RieulTakesVowelForm: true), new("으로는", "로는", RieulTakesVowelForm: true),
        new("으로의", "로의", RieulTakesVowelForm: true),
    ];

    private static readonly Dictionary<string, Particle> ByPair = BuildPairTable();

    private static Dictionary<string, Particle> BuildPairTable()
    {
        var table = new Dictionary<string, Particle>(StringComparer.Ordinal);
        foreach (var p in Known)
        {
            table[$"{p.AfterConsonant}/{p.AfterVowel}"] = p;
            table[$"{p.AfterVowel}/{p.AfterConsonant}"] = p;
            // "(으)로", "(이)나": the parenthesised part is what the consonant form adds.
            if (p.AfterConsonant.EndsWith(p.AfterVowel, StringComparison.Ordinal))
                table[$"({p.AfterConsonant[..^p.AfterVowel.Length]}){p.AfterVowel}"] = p;
        }
        return table;
    }

    /// <summary>Every pair spelling accepted by <see cref="Pick"/>, for documentation and error messages.</summary>
    public static IEnumerable<string> PairSpellings => Known.Select(p => $"{p.AfterConsonant}/{p.AfterVowel}");

    /// <summary>The word followed by the agreeing particle: ("미국", "이/가") → "미국이".</summary>
    public static string Attach(string word, string pair) => word + Pick(word, pair);

    /// <summary>Only the agreeing particle: ("40개", "을/를") → "를".</summary>
    public static string Pick(string word, string pair)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(pair);
        if (!ByPair.TryGetValue(pair.Trim(), out var particle))
            throw new ArgumentException(
                $"unknown particle pair \"{pair}\"; expected one of {string.Join(", ", PairSpellings.Select(s => $"\"{s}\""))} or \"(으)로\"",
                nameof(pair));

        return SpokenEnding.Of(word) switch
        {
            FinalSound.Vowel => particle.AfterVowel,
            FinalSound.Rieul => particle.RieulTakesVowelForm ? particle.AfterVowel : particle.AfterConsonant,
            FinalSound.Consonant => particle.AfterConsonant,
            _ => BothForms(particle),
        };
    }

    private static string BothForms(Particle p) =>
        p.AfterConsonant.EndsWith(p.AfterVowel, StringComparison.Ordinal)
            ? $"({p.AfterConsonant[..^p.AfterVowel.Length]}){p.AfterVowel}"   // (으)로, (이)다
            : $"{p.AfterConsonant}({p.AfterVowel})";                           // 은(는), 이(가)
}
