using System.Globalization;

namespace AiIndexReports.Text;

/// <summary>
/// Number formats of Korean policy briefs, independent of the machine's culture (decimal point '.', grouping ',').
/// Rounding is half away from zero on the decimal value a reader sees (2.675 → 2.68, not the binary 2.67), and a value
/// that rounds to zero never prints a minus sign.
/// </summary>
public static class KoreanNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Comma grouping with a fixed number of decimals: 122511 → "122,511"; (3.14159, 2) → "3.14".</summary>
    public static string Group(double value, int decimals = 0) =>
        Round(value, decimals).ToString("N" + decimals, Invariant);

    /// <summary>
    /// Korean 만/억/조 units with comma-grouped groups of four digits: 122511 → "12만 2,511", 109100000000 → "1,091억".
    /// <paramref name="smallestUnit"/> ("만", "억", "조") rounds to that unit and drops the smaller groups:
    /// (109_123_456_789, "억") → "1,091억". Empty groups are skipped: 100005000 → "1억 5,000".
    /// </summary>
    public static string ManEok(double value, string? smallestUnit = null)
    {
        int unitExponent = smallestUnit switch
        {
            null or "" => 0,
            "만" => 4,
            "억" => 8,
            "조" => 12,
            _ => throw new ArgumentException($"unknown unit \"{smallestUnit}\"; expected \"만\", \"억\" or \"조\"", nameof(smallestUnit)),
        };
        decimal scale = Pow10(unitExponent);
        decimal rounded = Math.Round(ToDecimal(value) / scale, 0, MidpointRounding.AwayFromZero) * scale;
        if (rounded == 0) return unitExponent == 0 ? "0" : "0" + smallestUnit;

        string sign = rounded < 0 ? "-" : "";
        rounded = Math.Abs(rounded);
        string[] units = ["", "만", "억", "조", "경"];
        var parts = new List<string>();
        for (int g = units.Length - 1; g >= 0; g--)
        {
            decimal groupScale = Pow10(4 * g);
            decimal group = Math.Floor(rounded / groupScale) % 10000;
            // The highest unit takes everything above it (10,000조 stays "10,000조" rather than overflowing).
            if (g == units.Length - 1) group = Math.Floor(rounded / groupScale);
            if (group == 0) continue;
            parts.Add(group.ToString("N0", Invariant) + units[g]);
        }
        return sign + string.Join(" ", parts);
    }

    /// <summary>Percentage: (29.6) → "29.6%", (29.64, 2) → "29.64%", (30, 1) → "30.0%".</summary>
    public static string Percent(double value, int decimals = 1) => Group(value, decimals) + "%";

    /// <summary>Percentage points: (17.2) → "17.2%p".</summary>
    public static string Pp(double value, int decimals = 1) => Group(value, decimals) + "%p";

    /// <summary>
    /// Multiples: without <paramref name="decimals"/>, values from 10 up are whole ("285.7" → "286배") and smaller ones keep
    /// one decimal unless it is zero ("2.67" → "2.7배", "3.0" → "3배"), the way briefs write "약 280배", "2.7배".
    /// </summary>
    public static string Times(double value, int? decimals = null)
    {
        if (decimals is { } fixedDecimals) return Group(value, fixedDecimals) + "배";
        string text = Math.Abs(value) >= 9.95 ? Group(value, 0) : Group(value, 1);
        if (text.EndsWith(".0", StringComparison.Ordinal)) text = text[..^2];
        return text + "배";
    }

    /// <summary>Rank: (4) → "4위"; (4, tied: true) → "공동 4위".</summary>
    public static string Rank(int rank, bool tied = false) =>
        (tied ? "공동 " : "") + rank.ToString(Invariant) + "위";

    /// <summary>
    /// Change written by its sign: (29.6, "%") → "29.6% 증가", (-3.1, "%") → "3.1% 감소"; with "%p" the words are 상승/하락
    /// ("17.2%p 상승"); other units ("건", "개", "") use 증가/감소. A value that rounds to zero is "변동 없음".
    /// </summary>
    public static string Change(double value, string unit = "%", int decimals = 1)
    {
        decimal rounded = Round(value, decimals);
        if (rounded == 0) return "변동 없음";
        bool points = unit == "%p";
        string word = rounded > 0 ? (points ? "상승" : "증가") : (points ? "하락" : "감소");
        return Math.Abs(rounded).ToString("N" + decimals, Invariant) + unit + " " + word;
    }

    /// <summary>
    /// A word chosen by the sign of a value (rounded to <paramref name="decimals"/>): "늘어/줄어" gives the first for a
    /// positive value, the second for a negative one; a value that rounds to zero needs a third word ("올라/내려/그대로").
    /// Words of direction in a brief always come from here, never from the template.
    /// </summary>
    public static string Direction(double value, string words, int decimals = 1)
    {
        var parts = words.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Trim().Length == 0))
            throw new ArgumentException($"expected words \"up/down\" or \"up/down/unchanged\", found \"{words}\"");
        var rounded = Round(value, decimals);
        if (rounded > 0) return parts[0].Trim();
        if (rounded < 0) return parts[1].Trim();
        return parts.Length == 3 ? parts[2].Trim()
            : throw new ArgumentException($"the value {value.ToString(Invariant)} rounds to 0: give a third word for no change (\"{words}/…\")");
    }

    /// <summary>
    /// A ratio old ÷ new (or new ÷ old) read as a fold change with its direction: (286, "하락/상승") → "286배 하락",
    /// (0.5, "하락/상승") → "2배 상승"; a ratio of 1 needs a third word. The first word is for ratios above 1.
    /// </summary>
    public static string Fold(double ratio, string words, int? decimals = null)
    {
        if (!(ratio > 0)) throw new ArgumentException($"a fold change needs a positive ratio, found {ratio.ToString(Invariant)}");
        var word = Direction(ratio - 1, words, 3);
        return Round(ratio, 3) == 1 ? word : Times(ratio >= 1 ? ratio : 1 / ratio, decimals) + " " + word;
    }

    /// <summary>
    /// A value in the unit a metric or the catalog gives, written as a Korean brief writes it: "%" and "%p" with one
    /// decimal, "배" as a multiple, "위" as a rank, "10억 달러" as 억 달러, "달러/백만 토큰" per 100만 토큰, other units after
    /// the number (decimals as the value has, at most two).
    /// </summary>
    public static string WithUnit(double value, string unit) => unit switch
    {
        "%" => Percent(value),
        "%p" => Pp(value),
        "배" => Times(value),
        "위" => Rank((int)Math.Round(value)),
        "10억 달러" => BillionDollars(value),
        "달러/백만 토큰" => "100만 토큰당 " + Dollars(value),
        _ when unit.StartsWith("10억 ", StringComparison.Ordinal) => ManEok(value * 1e9, "억") + " " + unit[4..],
        _ => Auto(value) + unit,
    };

    /// <summary>Comma grouping with as many decimals as the value has (at most 2).</summary>
    public static string Auto(double value)
    {
        var decimals = Round(value, 0) == Round(value, 2) ? 0 : Round(value, 1) == Round(value, 2) ? 1 : 2;
        return Group(value, decimals);
    }

    /// <summary>US dollars the way a Korean sentence reads them: (0.07) → "0.07달러", (20) → "20달러", (1.5) → "1.5달러".</summary>
    public static string Dollars(double value, int maxDecimals = 2) => Trimmed(value, maxDecimals) + "달러";

    /// <summary>US dollars with the sign, for tables and figures: (0.07) → "$0.07", (20) → "$20".</summary>
    public static string DollarSign(double value, int maxDecimals = 2)
    {
        string text = Trimmed(value, maxDecimals);
        return text.StartsWith('-') ? "-$" + text[1..] : "$" + text;
    }

    /// <summary>An amount given in billions of US dollars, in 억 달러: (109.1) → "1,091억 달러", (0.05) → "5억 달러".</summary>
    public static string BillionDollars(double billions) => ManEok(billions * 1e9, "억") + " 달러";

    /// <summary>Up to <paramref name="maxDecimals"/> decimals, trailing zeros removed: (1.50, 2) → "1.5".</summary>
    private static string Trimmed(double value, int maxDecimals)
    {
        string text = Group(value, maxDecimals);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        return text;
    }

    /// <summary>Rounds half away from zero on the shortest decimal form of the double; -0 becomes 0.</summary>
    internal static decimal Round(double value, int decimals)
    {
        if (decimals is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "decimals must be between 0 and 10");
        decimal rounded = Math.Round(ToDecimal(value), decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0m : rounded;
    }

    private static decimal ToDecimal(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"cannot format {value.ToString(Invariant)} as a number");
        // Through the shortest round-trip string so 2.675 stays 2.675 (a direct cast can keep binary noise).
        return decimal.Parse(value.ToString("R", Invariant), NumberStyles.Float, Invariant);
    }

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++) result *= 10m;
        return result;
    }
}
