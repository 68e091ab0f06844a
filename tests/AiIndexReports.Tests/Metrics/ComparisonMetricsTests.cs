using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Metrics;

/// <summary>
/// models.comparison: the counts the report printed beside the recount, one row per geography, each difference with
/// its reason computed from the data (the brief's "발표값과 재집계 비교" table, without a test per country).
/// </summary>
public class ComparisonMetricsTests
{
    private static MetricSet Compute(TestDataset d) => new MetricsCalculator().Compute(d.Build());

    // Five models of 2024: two American, one made by American and British labs together, one Chinese, one Korean.
    private static TestDataset Data() => new TestDataset()
        .Model("A", "2024-03-01", "USA").Model("B", "2024-05-01", "USA")
        .Model("C", "2024-06-01", "USA", "GBR")
        .Model("D", "2024-07-01", "CHN")
        .Model("E", "2024-12-09", "KOR")
        .Indicator("notable_ai_models", "United States", "USA", "2024", 4, "models")
        .Indicator("notable_ai_models", "China", "CHN", "2024", 2, "models")
        .Indicator("notable_ai_models", "South Korea", "KOR", "2024", 1, "models");

    private static IReadOnlyDictionary<string, object?> Row(MetricSet m, string code) =>
        m["models.comparison"].Rows!.Single(r => (string)r["code"]! == code);

    [Fact]
    public void The_first_row_sets_the_distinct_total_against_the_sum_of_country_counts()
    {
        var world = Row(Compute(Data()), "WLD");
        Assert.Null(world["printed"]);
        Assert.Equal(5.0, world["recount"]);
        // 3 + 1 + 1 + 1 counts per country = 6 for 5 distinct models: the British-American one counts twice.
        Assert.Equal("국가별 수만 발표. 재집계의 국가별 합은 6개", world["reason"]);
    }

    [Fact]
    public void Each_country_row_says_why_the_counts_differ()
    {
        var m = Compute(Data());

        var usa = Row(m, "USA");
        Assert.Equal((4.0, 3.0), ((double)usa["printed"]!, (double)usa["recount"]!));
        Assert.Equal("내려받은 시점·국가 분류 기준 차이", usa["reason"]);   // fewer in the export than printed

        // Not printed, and in the recount only through a model made with the US.
        var gbr = Row(m, "GBR");
        Assert.Null(gbr["printed"]);
        Assert.Equal((1.0, 1, "미국"), ((double)gbr["recount"]!, (int)gbr["shared"]!, (string)gbr["partner"]!));
        Assert.Equal("발표 없음. 1개 모두 미국 등과 공동 개발", gbr["reason"]);

        var china = Row(m, "CHN");
        Assert.Equal((2.0, 1.0), ((double)china["printed"]!, (double)china["recount"]!));
    }

    [Fact]
    public void Koreas_rank_among_printed_countries_and_in_the_recount_is_explained_by_the_countries_the_report_omits()
    {
        var korea = Row(Compute(Data()), "KOR");

        // Printed: 3rd of three countries. Recount: tied 3rd with China and Britain (1 model each).
        Assert.Equal((3, false), ((int)korea["printed_rank"]!, (bool)korea["printed_tied"]!));
        Assert.Equal((2, true), ((int)korea["recount_rank"]!, (bool)korea["recount_tied"]!));
        Assert.Equal("", korea["reason"]);   // its own count agrees; the rank moved up only because China's fell

        // Two more British models and one more Chinese: the US and Britain (3 each), China (2), then Korea 4th.
        var moved = Compute(Data().Model("F", "2024-08-01", "GBR").Model("G", "2024-09-01", "GBR").Model("H", "2024-10-01", "CHN"));
        var later = Row(moved, "KOR");
        Assert.Equal(4, (int)later["recount_rank"]!);
        Assert.Equal("발표에 없는 영국(3개)도 앞 순위", later["reason"]);
    }

    [Fact]
    public void Without_printed_counts_there_is_nothing_to_compare()
    {
        var m = Compute(new TestDataset().Model("A", "2024-03-01", "USA"));
        Assert.False(m["models.comparison"].Available);
    }
}
