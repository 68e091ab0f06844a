using System.Globalization;

namespace AiIndexReports.Text;

/// <summary>
/// The Korean helpers as template functions. Each takes the piped value first (<c>{{ x | pct 1 }}</c> = <c>pct(x, 1)</c>)
/// and checks its arguments strictly: a missing value (null) or text where a number belongs is an error, never "0".
/// </summary>
public static class KoreanTemplateFunctions
{
    public static IEnumerable<TemplateFunction> All =>
    [
        new("josa", Josa, "word | josa \"은/는\"",
            "the word followed by the particle that agrees with it as read aloud; pairs: " + string.Join(", ", Text.Josa.PairSpellings) + ", (으)로",
            "{{ \"한국\" | josa \"은/는\" }}, {{ \"AI\" | josa \"이/가\" }}, {{ \"40개\" | josa \"을/를\" }}, {{ \"서울\" | josa \"(으)로\" }}"),
        new("particle", Particle, "word | particle \"이/가\"",
            "only the particle, for when the word is written separately (e.g. in bold)",
            "**{{ 17.5 | pct }}**{{ 17.5 | pct | particle \"(으)로\" }}"),
        new("num", Num, "value | num [decimals=0]", "comma grouping", "{{ 122511 | num }}, {{ 1234.567 | num 1 }}"),
        new("man_eok", ManEok, "value | man_eok [smallest_unit]",
            "만/억/조 units; smallest_unit \"만\", \"억\" or \"조\" rounds to it", "{{ 122511 | man_eok }}, {{ 109123456789 | man_eok \"억\" }}"),
        new("pct", Pct, "value | pct [decimals=1]", "percentage", "{{ 29.64 | pct }}, {{ 30 | pct 0 }}"),
        new("pp", Pp, "value | pp [decimals=1]", "percentage points", "{{ 17.2 | pp }}"),
        new("times", Times, "value | times [decimals]",
            "multiple: whole from 10 up, else one decimal without a trailing .0", "{{ 285.7 | times }}, {{ 2.67 | times }}, {{ 3 | times }}"),
        new("rank", Rank, "rank | rank [tied=false]", "rank; tied may be true/false or 1/0", "{{ 4 | rank }}, {{ 4 | rank true }}"),
        new("change", Change, "value | change [unit=\"%\"] [decimals=1]",
            "size and direction of a change: 증가/감소, or 상승/하락 for \"%p\"; 변동 없음 when it rounds to 0",
            "{{ 29.6 | change }}, {{ -3.06 | change \"%p\" }}, {{ -12 | change \"건\" 0 }}"),
        new("dir", Dir, "value | dir \"up/down[/unchanged]\" [decimals=1]",
            "a word of direction chosen by the sign of the value: the first when positive, the second when negative, the third when it rounds to 0 (write every 늘어/줄어, 좁혀/벌어져, 상승/하락 through it)",
            "{{ 7.04 | dir \"늘어/줄어\" }}, {{ -16.9 | dir \"벌어져/좁혀져\" }}, {{ 0 | dir \"올라/내려/그대로\" }}"),
        new("fold", Fold, "ratio | fold \"above1/below1[/equal]\" [decimals]",
            "a ratio (old ÷ new or new ÷ old) as a fold change with its direction: the first word when above 1, else the second with the inverse multiple",
            "{{ 285.7 | fold \"하락/상승\" }}, {{ 0.5 | fold \"하락/상승\" }}, {{ 31.96 | fold \"증가/감소\" }}"),
        new("with_unit", WithUnit, "value | with_unit unit",
            "a value in a Korean unit as briefs write it (%, %p, 배, 위, 10억 달러 → 억 달러, 달러/백만 토큰, else number + unit)",
            "{{ 17.5 | with_unit \"%p\" }}, {{ 109.1 | with_unit \"10억 달러\" }}, {{ 31400 | with_unit \"대\" }}"),
        new("dollars", Dollars, "value | dollars [max_decimals=2]", "US dollars in a sentence", "{{ 0.07 | dollars }}, {{ 20 | dollars }}"),
        new("dollar_sign", DollarSign, "value | dollar_sign [max_decimals=2]", "US dollars with $ (tables, figures)", "{{ 0.07 | dollar_sign }}"),
        new("billion_dollars", BillionDollars, "billions | billion_dollars", "an amount in billions of US dollars, in 억 달러", "{{ 109.1 | billion_dollars }}"),
        new("date_dot", DateDot, "date | date_dot", "date as on a cover; date is text \"yyyy-MM-dd\"", "{{ \"2025-04-16\" | date_dot }}"),
        new("date_long", DateLong, "date | date_long", "date in words", "{{ \"2022-11-30\" | date_long }}"),
        new("year_month", YearMonth, "date | year_month", "year and month", "{{ \"2024-12-01\" | year_month }}"),
        new("short_year", ShortYear, "year | short_year", "short year with ’ (U+2019)", "{{ 2023 | short_year }}"),
    ];

    public static string Josa(object word, string pair) => Text.Josa.Attach(ScriptValues.ToText(word, "josa"), pair);

    public static string Particle(object word, string pair) => Text.Josa.Pick(ScriptValues.ToText(word, "particle"), pair);

    public static string Num(object value, int decimals = 0) => KoreanNumbers.Group(ScriptValues.ToNumber(value, "num"), decimals);

    public static string ManEok(object value, string? smallestUnit = null) =>
        KoreanNumbers.ManEok(ScriptValues.ToNumber(value, "man_eok"), smallestUnit);

    public static string Pct(object value, int decimals = 1) => KoreanNumbers.Percent(ScriptValues.ToNumber(value, "pct"), decimals);

    public static string Pp(object value, int decimals = 1) => KoreanNumbers.Pp(ScriptValues.ToNumber(value, "pp"), decimals);

    public static string Times(object value, object? decimals = null) =>
        KoreanNumbers.Times(ScriptValues.ToNumber(value, "times"), decimals is null ? null : ScriptValues.ToInteger(decimals, "times"));

    public static string Rank(object value, object? tied = null) =>
        KoreanNumbers.Rank(ScriptValues.ToInteger(value, "rank"), tied is not null && ScriptValues.ToFlag(tied, "rank"));

    public static string Change(object value, string unit = "%", int decimals = 1) =>
        KoreanNumbers.Change(ScriptValues.ToNumber(value, "change"), unit, decimals);

    public static string Dir(object value, string words, int decimals = 1) => KoreanNumbers.Direction(ScriptValues.ToNumber(value, "dir"), words, decimals);

    public static string Fold(object value, string words, object? decimals = null) =>
        KoreanNumbers.Fold(ScriptValues.ToNumber(value, "fold"), words, decimals is null ? null : ScriptValues.ToInteger(decimals, "fold"));

    public static string WithUnit(object value, string unit) => KoreanNumbers.WithUnit(ScriptValues.ToNumber(value, "with_unit"), unit);

    public static string Dollars(object value, int maxDecimals = 2) => KoreanNumbers.Dollars(ScriptValues.ToNumber(value, "dollars"), maxDecimals);

    public static string DollarSign(object value, int maxDecimals = 2) =>
        KoreanNumbers.DollarSign(ScriptValues.ToNumber(value, "dollar_sign"), maxDecimals);

    public static string BillionDollars(object value) => KoreanNumbers.BillionDollars(ScriptValues.ToNumber(value, "billion_dollars"));

    public static string DateDot(object date) => KoreanDates.DateDot(ToDate(date, "date_dot"));

    public static string DateLong(object date) => KoreanDates.DateLong(ToDate(date, "date_long"));

    public static string YearMonth(object date) => KoreanDates.YearMonth(ToDate(date, "year_month"));

    public static string ShortYear(object year) => KoreanDates.ShortYear(ScriptValues.ToInteger(year, "short_year"));

    private static DateOnly ToDate(object? value, string function) => value switch
    {
        string text => KoreanDates.Parse(text),
        DateTime time => DateOnly.FromDateTime(time),
        DateOnly date => date,
        _ => throw new ArgumentException(
            $"`{function}` expected a date written \"yyyy-MM-dd\" but got {(value is null ? "nothing (null)" : Convert.ToString(value, CultureInfo.InvariantCulture))}"),
    };
}
