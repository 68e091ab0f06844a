using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiIndexReports.Charts;

/// <summary>
/// The Korean alternate description of a figure, from the same numbers the chart draws: what a screen reader says
/// instead of the picture, e.g. "국가별 주목할 만한 AI 모델 수(2024년): 미국 40개, 중국 15개, … 한국 1개". Bars are
/// read in the order they are drawn with their printed value labels and the axis unit; lines are read series by
/// series, point by point; callouts (the printed gaps) follow.
/// </summary>
public static partial class FigureAltText
{
    public static string For(Figure figure)
    {
        var text = new StringBuilder(figure.Title);
        switch (figure.Body)
        {
            case PlaceholderBody placeholder:
                text.Append(": ").Append(placeholder.Message);
                break;
            case BarBody { GroupList.Count: > 0 } grouped:
                // "지식·언어 이해(MMLU): GPT-3.5 수준(64.8점 이상) 16배(90% 신뢰구간 8~31배), …. 수학(MATH): …"
                var groupUnit = Unit(figure.XAxis.Title);
                text.Append(". ").AppendJoin(". ", grouped.GroupList.Select((g, k) =>
                {
                    int end = k + 1 < grouped.GroupList.Count ? grouped.GroupList[k + 1].First : grouped.Bars.Count;
                    return $"{g.Title}: {string.Join(", ", grouped.Bars.Skip(g.First).Take(end - g.First).Select(bar => Bar(bar, groupUnit)))}";
                }));
                break;
            case BarBody bars:
                var unit = Unit(figure.XAxis.Title);
                text.Append(": ").AppendJoin(", ", bars.Bars.Select(bar => Bar(bar, unit)));
                break;
            case LineBody lines:
                var yUnit = Unit(figure.YAxis.Title);
                var quarters = lines.Series.SelectMany(s => s.Points).All(p => IsWhole(p.X * 4)) && !lines.Series.SelectMany(s => s.Points).All(p => IsWhole(p.X));
                text.Append(". ").AppendJoin(". ", lines.Series.Select(series =>
                    $"{series.Name}: {string.Join(", ", series.Points.Select(p => $"{When(p.X, quarters)} {Value(p.Y, yUnit)}{(p.Label is { Length: > 0 } label ? $"({label})" : "")}"))}"));
                foreach (var callout in lines.Callouts) text.Append(". ").Append(callout.Text);
                break;
        }
        if (figure.Note is { Length: > 0 } note) text.Append(". ").Append(note.StartsWith("주:", StringComparison.Ordinal) ? note[2..].Trim() : note);
        return text.ToString();
    }

    static string Bar(BarItem bar, string unit)
    {
        var value = char.IsAsciiDigit(bar.ValueLabel[^1]) ? bar.ValueLabel + unit : bar.ValueLabel;
        // Multiples with the bars' precision (whole from 1 up), as the brief prints intervals of multiples.
        string Bound(double x) => value.EndsWith('배') ? NumberFormat.Number(x, x >= 1 ? 0 : 1) : Number(x);
        var interval = bar.Low is double low && bar.High is double high
            ? $"(90% 신뢰구간 {Bound(low)}~{Bound(high)}{(value.EndsWith('배') ? "배" : unit)})" : "";
        return $"{bar.Label} {value}{interval}";
    }

    /// <summary>The unit an axis title names in parentheses: "모델 수 (개)" → "개", "가격 (달러/백만 토큰, 로그 축)" → "달러/백만 토큰".</summary>
    internal static string Unit(string axisTitle)
    {
        var match = UnitPattern().Match(axisTitle);
        return match.Success ? match.Groups[1].Value.Trim() : "";
    }

    [GeneratedRegex(@"\(([^,)]*)[,)]")]
    private static partial Regex UnitPattern();

    static string Value(double value, string unit) => Number(value) + unit;

    /// <summary>"2019년" for whole years, "2023년 2분기" for quarters, "2022년 11월" for points within a year.</summary>
    static string When(double x, bool quarters)
    {
        var year = (int)Math.Floor(x + 1e-9);
        if (quarters) return $"{year}년 {(int)Math.Round((x - year) * 4) + 1}분기";
        if (IsWhole(x)) return $"{year}년";
        return $"{year}년 {Math.Clamp((int)Math.Floor((x - year) * 12 + 1e-6) + 1, 1, 12)}월";
    }

    static bool IsWhole(double x) => Math.Abs(x - Math.Round(x)) < 1e-6;

    /// <summary>Enough digits to read the value: 1,091 · 75.3 · 0.07 · 0.0012.</summary>
    static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var decimals = magnitude >= 100 || IsWhole(value) ? 0 : magnitude >= 1 ? 1 : Math.Min(6, (int)Math.Ceiling(-Math.Log10(magnitude)) + 1);
        return NumberFormat.Number(value, decimals);
    }
}
