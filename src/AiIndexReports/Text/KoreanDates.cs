using System.Globalization;

namespace AiIndexReports.Text;

/// <summary>Date formats of Korean briefs. Dates in metrics are ISO text ("2025-04-16"); <see cref="Parse"/> reads them.</summary>
public static class KoreanDates
{
    /// <summary>The cover and citation style: 2025-04-16 → "2025. 4. 16." (no leading zeros, a point after each part).</summary>
    public static string DateDot(DateOnly date) => FormattableString.Invariant($"{date.Year}. {date.Month}. {date.Day}.");

    /// <summary>2024-12-01 → "2024년 12월".</summary>
    public static string YearMonth(DateOnly date) => FormattableString.Invariant($"{date.Year}년 {date.Month}월");

    /// <summary>2022-11-30 → "2022년 11월 30일".</summary>
    public static string DateLong(DateOnly date) => FormattableString.Invariant($"{date.Year}년 {date.Month}월 {date.Day}일");

    /// <summary>2023 → "’23년" (U+2019 RIGHT SINGLE QUOTATION MARK, the apostrophe Korean typesetting uses).</summary>
    public static string ShortYear(int year) =>
        "\u2019" + (((year % 100) + 100) % 100).ToString("00", CultureInfo.InvariantCulture) + "년";

    /// <summary>Reads "2025-04-16" or "2025-04" (first day of the month); anything else is an error naming the text.</summary>
    public static DateOnly Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new FormatException($"expected a date written yyyy-MM-dd (e.g. \"2025-04-16\"), found \"{text}\"");
    }
}
