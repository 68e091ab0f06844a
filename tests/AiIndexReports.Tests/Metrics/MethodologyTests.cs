using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Metrics;

public class MethodologyTests
{
    private static IReadOnlyList<MethodologyEntry> Entries() => Methodology.Entries(new MetricsCalculator().Compute(new TestDataset()
        .Model("A", "2024-03-01", "USA").Model("B", "2024-05-01", "CHN")
        .Indicator("notable_ai_models", "United States", "USA", "2024", 40).Build()));

    [Fact]
    public void Per_country_metrics_with_one_formula_become_one_entry()
    {
        var count = Entries().Single(e => e.Id == "models.by_country.{C}.count");

        Assert.Equal("주목할 만한 AI 모델 수(국가별)", count.Label);
        Assert.Equal(["models.by_country.CHN.count", "models.by_country.KOR.count", "models.by_country.USA.count"], count.Members);
        Assert.Equal(["models.csv:2-3"], count.Sources);
        Assert.True(count.Available);
        // Europe's count has its own formula (a model counts once for Europe), so it is its own entry.
        Assert.Contains(Entries(), e => e.Id == "models.by_country.EUR.count");
    }

    [Fact]
    public void Left_out_metrics_are_listed_with_their_reasons()
    {
        var printed = Entries().Single(e => e.Id == "models.aiindex.{C}.count");

        var korea = printed.Omitted.Single(o => o.Id == "models.aiindex.KOR.count");
        Assert.Equal("not computable: indicators.csv has no notable_ai_models rows for KOR, 2024 for edition 2025", korea.Reason);
        // In Korean the indicator is named by its catalog label, not by its name in the CSV.
        Assert.Equal("2025년판 AI 인덱스 자료에 ‘주목할 만한 AI 모델 수’ 값(한국, 2024년)이 없음", korea.ReasonKo);

        // The gap is one appendix line for all benchmarks; each benchmark left out is listed with its own reason.
        var gap = Entries().Single(e => e.Id == "gap.{B}.start");
        Assert.False(gap.Available);
        Assert.Equal("미·중 최고 모델 성능 격차(시작 시점, 벤치마크별)", gap.Label);
        var mmlu = gap.Omitted.Single(o => o.Id == "gap.mmlu.start");
        Assert.Equal("not computable: indicators.csv has no us_minus_china_top_model_gap rows for MMLU for edition 2025", mmlu.Reason);
    }

    [Fact]
    public void Entries_follow_the_brief_section_order()
    {
        var sections = Entries().Select(e => e.Section).Distinct().ToList();

        Assert.Equal(["edition", "models", "patents", "gap", "cost", "invest", "vibrancy", "indicators", "korea"], sections);
    }
}
