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
    }
}
