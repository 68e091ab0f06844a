using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>edition.*: which AI Index edition and Epoch snapshot the numbers describe.</summary>
internal static class EditionMetrics
{
    public static IEnumerable<Metric> Compute(Dataset dataset)
    {
        var e = dataset.Edition;
        SourceLocation[] source = [new($"{e.Folder}/edition.toml")];
        yield return Number("edition.year", "AI 인덱스 발간 연도", "년", "edition.toml에 적힌 AI 인덱스 판(발간 연도)", e.Edition, source);
        yield return Number("edition.measured_year", "측정 연도", "년",
            "edition.toml에 적힌, 이 판이 측정하는 연도(보통 발간 연도 − 1)", e.MeasuredYear, source);
        yield return TextMetric("edition.snapshot_date", "Epoch AI 주목할 만한 AI 모델 자료 내려받은 날",
            $"edition.toml이 지정한 Epoch AI 주목할 만한 AI 모델 표({e.NotableModelsFile})의 내려받은 날짜",
            e.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), source);
        // The AI Index report as the edition credits it (edition.toml [indicators], data/indicators.toml [report]).
        if (dataset.Tables.FirstOrDefault(t => t.File == dataset.Indicators.FirstOrDefault()?.Location.File)?.Credit is { } report)
            yield return TextMetric("edition.report_credit", "AI 인덱스 보고서의 출처 표기", "edition.toml의 [indicators] title·publisher·released로 만든 자료 표기",
                report.Line, source);

        // Korean analyses of the report (edition.toml [[analysis]]): cited with their own credit and date (the vintage rule).
        var analyses = dataset.Analyses;
        const string analysisFormula = "edition.toml의 [[analysis]]에 적힌, 이 판의 보고서를 분석한 국내 자료(발행 기관, 제목, 공개일, 주소, 정책 제언)";
        yield return analyses.Count == 0
            ? Unavailable("edition.analysis", "이 판을 분석한 국내 자료", "", analysisFormula,
                new NotComputable($"not computable: {e.Folder}/edition.toml lists no [[analysis]]", $"{e.Edition}년판 edition.toml에 인용할 국내 분석 자료([[analysis]])가 없음"))
            : Rows("edition.analysis", "이 판을 분석한 국내 자료", "", analysisFormula,
                analyses.Select(a => Row(("publisher", a.Publisher), ("title", a.Title), ("year", a.Released.Year),
                    ("date", a.Released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("url", a.Url), ("points", a.Points.ToList()),
                    ("line", AnalysisCredit(a).Line))).ToList(),
                analyses.Select(a => a.Where), "[[analysis]]") with
            {
                Credits = analyses.Select(a => AnalysisCredit(a).Line).ToList(),
                Released = analyses.Max(a => a.Released),
                ReleasedBy = analyses.MaxBy(a => a.Released)!.Where,
            };
    }

    /// <summary>How a brief credits a Korean analysis: "소프트웨어정책연구소(2025), AI 인덱스 2025 주요내용 및 시사점".</summary>
    public static Data.Catalog.Credit AnalysisCredit(Config.EditionAnalysis a) => new(a.Title, a.Publisher, a.Released, "") { IsReport = true, Url = a.Url };
}
