using System.Globalization;
using System.Text;
using AiIndexReports.Config;
using AiIndexReports.Metrics;

namespace AiIndexReports.Briefs;

/// <summary>
/// The row-level provenance of one brief (<c>build --provenance</c>): for every metric the text or a figure printed,
/// how it is computed and the file rows it comes from, in full. The brief's own 「자료와 방법」 stays at one page (sources,
/// rules, definitions); this document and metrics.json carry the detail a reviewer checks a number with.
/// </summary>
public static class ProvenanceDocument
{
    public static string Markdown(BriefSpec brief, int edition, BriefDocument document, MetricSet metrics)
    {
        var printed = document.PrintedMetricIds.ToHashSet(StringComparer.Ordinal);
        var entries = Methodology.Entries(metrics).Where(e => e.Available && e.Members.Any(printed.Contains)).ToList();
        var date = document.Issue is { } issue ? " (" + Text.KoreanDates.DateDot(issue.Date) + ")" : "";

        var text = new StringBuilder();
        text.Append("# 출처 문서: ").Append(brief.Fill(brief.Title, edition)).Append(date).Append('\n').Append('\n');
        text.Append("브리프에 쓰인 값마다 산출 방법과 자료 파일의 행을 적은 문서입니다. 같은 내용이 `metrics.json`에 값과 함께 들어 있습니다.\n\n");
        text.Append("| 지표 | 값 | 산출 방법 | 자료(파일:행) |\n|---|---|---|---|\n");
        foreach (var e in entries)
        {
            var values = e.Members.Where(printed.Contains).Select(id => metrics[id]).Select(Value).Where(v => v.Length > 0).ToList();
            text.Append("| ").Append(Cell(e.Label))
                .Append(" | ").Append(Cell(values.Count switch { 0 => "", <= 4 => string.Join(", ", values), _ => $"{string.Join(", ", values.Take(4))} 외 {values.Count - 4}개" }))
                .Append(" | ").Append(Cell(e.Formula))
                .Append(" | ").Append(Cell(string.Join("; ", e.Sources)))
                .Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>A number as stored (invariant, up to four decimals), a text, or the size of a series or table.</summary>
    private static string Value(Metric m) =>
        m.Number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) + (m.Unit.Length > 0 ? " " + m.Unit : "")
        : m.Text is { } t ? t
        : m.Series is { } s ? $"{s.Count}개 점"
        : m.Rows is { } r ? $"{r.Count}개 행" : "";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
