using System.Globalization;

namespace AiIndexReports.Charts;

/// <summary>Numbers as a Korean brief prints them: comma grouping, years without grouping, 만/억 for very large multiples.</summary>
internal static class NumberFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"2024" — a year is a name, never "2,024".</summary>
    public static string Year(double year) => Math.Round(year).ToString("0", Invariant);

    /// <summary>"1,091", "17.3", "0.07": grouping, up to <paramref name="decimals"/> decimals, no trailing zeros.</summary>
    public static string Number(double value, int decimals = 1)
    {
        string format = decimals <= 0 ? "#,0" : "#,0." + new string('#', decimals);
        string text = Math.Round(value, Math.Max(decimals, 0)).ToString(format, Invariant);
        return text == "-0" ? "0" : text;
    }

    /// <summary>"2.0", "61.1", "1,091": grouping and exactly <paramref name="decimals"/> decimals (labels that stand side by side).</summary>
    public static string Fixed(double value, int decimals)
    {
        string format = decimals <= 0 ? "#,0" : "#,0." + new string('0', decimals);
        string text = Math.Round(value, Math.Max(decimals, 0)).ToString(format, Invariant);
        return text.TrimStart('-').All(c => c is '0' or '.' or ',') ? text.TrimStart('-') : text;
    }

    /// <summary>Decimals a value is written with, at most two: 17 → 0, 17.3 → 1, 10.26 → 2.</summary>
    public static int DecimalsOf(double value) =>
        Math.Round(value, 0) == Math.Round(value, 2) ? 0 : Math.Round(value, 1) == Math.Round(value, 2) ? 1 : 2;

    /// <summary>"0.1", "10", "1,000", "1만", "100만", "1억": decade ticks of a multiple, short enough for a crowded axis.</summary>
    public static string Multiple(double value)
    {
        if (value >= 1e8) return Number(value / 1e8, DecimalsFor(value / 1e8)) + "억";
        if (value >= 1e4) return Number(value / 1e4, DecimalsFor(value / 1e4)) + "만";
        return Number(value, DecimalsFor(value));
    }

    /// <summary>Enough decimals to show the first significant digit of a value below 1 (0.01 → 2).</summary>
    private static int DecimalsFor(double value) =>
        value >= 1 || value <= 0 ? 0 : (int)Math.Ceiling(-Math.Log10(value) - 1e-9);
}
