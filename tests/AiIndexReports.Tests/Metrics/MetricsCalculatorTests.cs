using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Metrics;

/// <summary>The calculator on small hand-built datasets: every expected value is worked out by hand in the comment.</summary>
public class MetricsCalculatorTests
{
    private static MetricSet Compute(TestDataset d) => new MetricsCalculator().Compute(d.Build());

    private static TestDataset FourModels() => new TestDataset()
        .Model("A", "2024-03-01", "USA")
        .Model("B", "2024-05-01", "USA", "GBR")   // one model, two countries: counts for both
        .Model("C", "2024-06-01", "CHN")
        .Model("D", "2024-12-09", "KOR")
        .Model("E", "2023-07-01", "KOR")
        .Model("F", "2023-07-01", "FRA", "DEU");   // Europe counts it once

    [Fact]
    public void Country_counts_overlap_but_the_total_counts_each_model_once()
    {
        var m = Compute(FourModels());

        Assert.Equal(4, m["models.total"].Number);
        Assert.Equal(2, m["models.by_country.USA.count"].Number);
        Assert.Equal(1, m["models.by_country.GBR.count"].Number);
        Assert.Equal(50, m["models.by_country.USA.share"].Number);
        Assert.Equal(25, m["models.by_country.KOR.share"].Number);
        Assert.Equal(1, m["models.by_country.EUR.count"].Number);
        Assert.Equal(2, m["models.us_china_ratio"].Number);
    }

    [Fact]
    public void Countries_with_equal_counts_share_a_rank()
    {
        var m = Compute(FourModels());

        Assert.Equal(1, m["models.by_country.USA.rank"].Number);
        Assert.Equal(0, m["models.by_country.USA.rank_tied"].Number);
        // CHN, GBR, KOR have one model each: 공동 2위
        Assert.Equal(2, m["models.by_country.KOR.rank"].Number);
        Assert.Equal(1, m["models.by_country.KOR.rank_tied"].Number);
        Assert.Equal(2, m["models.by_country.CHN.rank"].Number);
        Assert.False(m.TryGet("models.by_country.EUR.rank", out _)); // an aggregate is not ranked
        var rows = m["models.ranking"].Rows!;
        Assert.Equal(["USA", "GBR", "CHN", "KOR"], rows.Select(r => (string)r["iso3"]!)); // ties by Korean name: 영국, 중국, 한국
    }

    [Fact]
    public void Korea_list_series_and_sources_come_from_the_rows_counted()
    {
        var m = Compute(FourModels());

        var korea = Assert.Single(m["models.korea_list"].Rows!);
        Assert.Equal("D", korea["name"]);
        Assert.Equal("2024-12-09", korea["date"]);
        var series = m["models.series.KOR"].Series!;
        Assert.Equal(11, series.Count); // 2014…2024
        Assert.Equal((2023.0, 1.0), (series[^2].X, series[^2].Value));
        Assert.Equal((2024.0, 1.0), (series[^1].X, series[^1].Value));
        Assert.Equal(["models.csv:5"], m["models.by_country.KOR.count"].Sources.Select(s => s.ToString()));
        Assert.Equal(1, m["models.series.EUR"].Series![^2].Value);
    }

    [Fact]
    public void Printed_counts_are_compared_with_the_recount_and_a_missing_one_says_which_row_is_absent()
    {
        var m = Compute(FourModels().Indicator("notable_ai_models", "United States", "USA", "2024", 3)
            .Indicator("notable_ai_models", "Europe (combined)", null, "2024", 3));

        Assert.Equal(3, m["models.aiindex.USA.count"].Number);
        Assert.Equal(-1, m["models.aiindex.USA.difference"].Number);   // 2 − 3
        Assert.Equal(-2, m["models.aiindex.EUR.difference"].Number);   // 1 − 3
        var korea = m["models.aiindex.KOR.count"];
        Assert.False(korea.Available);
        Assert.Equal("not computable: indicators.csv has no notable_ai_models rows for KOR, 2024 for edition 2025", korea.UnavailableReason);
        Assert.True(m["models.aiindex.note"].Available);
    }

    [Fact]
    public void A_missing_divisor_gives_a_reason_instead_of_infinity()
    {
        var m = Compute(new TestDataset().Model("A", "2024-03-01", "USA"));

        var ratio = m["models.us_china_ratio"];
        Assert.False(ratio.Available);
        Assert.Null(ratio.Number);
        Assert.Equal("not computable: division by zero (China's notable model count in 2024 is 0)", ratio.UnavailableReason);
        Assert.False(m["models.by_country.CHN.rank"].Available);
        Assert.Equal(0, m["models.by_country.CHN.count"].Number);
    }

    [Fact]
    public void An_empty_dataset_gives_only_unavailable_metrics_with_reasons_and_no_nan()
    {
        var m = Compute(new TestDataset());

        Assert.False(m["models.total"].Available);
        Assert.False(m["models.series.USA"].Available);
        Assert.StartsWith("not computable: no rows for notable models published 2014-2024", m["models.series.USA"].UnavailableReason);
        Assert.False(m["korea.scorecard"].Available);
        Assert.All(m.All.Where(x => x.Id.StartsWith("edition.", StringComparison.Ordinal) is false), x =>
        {
            Assert.False(x.Available, x.Id);
            Assert.StartsWith("not computable: ", x.UnavailableReason);
            Assert.False(string.IsNullOrWhiteSpace(x.UnavailableReasonKo), x.Id);
        });
    }

    [Fact]
    public void Patent_growth_from_two_printed_years()
    {
        var m = Compute(new TestDataset()
            .Indicator("ai_patents_granted", "World", null, "2010", 100)
            .Indicator("ai_patents_granted", "World", null, "2013", 800)
            .Indicator("ai_patents_granted_per_100k", "South Korea", "KOR", "2023", 17.3)
            .Indicator("ai_patents_granted_per_100k", "China", "CHN", "2023", 6.1)
            .Indicator("ai_patents_granted_per_100k", "Luxembourg", "LUX", "2023", 15.3)
            .Indicator("ai_patents_granted_per_100k", "South Korea", "KOR", "2022", 10.26, reportEdition: "2024"));

        Assert.Equal(800, m["patents.world.latest"].Number);
        Assert.Equal(2013, m["patents.world.latest_year"].Number);
        Assert.Equal(8, m["patents.world.multiple"].Number);
        Assert.Equal(100, m["patents.world.cagr"].Number!.Value, 9);
        Assert.Equal(1, m["patents.per_100k.rank.KOR"].Number);
        Assert.Equal(17.3 / 6.1, m["patents.per_100k.KOR.multiple_over.CHN"].Number);
        Assert.Equal(10.26, m["patents.per_100k.KOR.previous"].Number);
        Assert.Equal(7.04, m["patents.per_100k.KOR.change"].Number!.Value, 9);
        Assert.False(m["patents.per_100k.KOR.multiple_over.USA"].Available);
        var row = m["korea.scorecard"].Rows!.Single(r => (string)r["indicator"]! == "indicators.ai_patents_granted_per_100k.KOR");
        Assert.Equal("▲", row["change_sign"]);
        Assert.Equal("KOR", row["leader_iso3"]);
        Assert.Equal(1.0, row["rank"]);   // among the three printed countries
    }

    [Fact]
    public void A_single_printed_year_has_a_latest_value_but_no_growth()
    {
        var m = Compute(new TestDataset().Indicator("ai_patents_granted", "World", null, "2022", 62264));

        Assert.Equal(62264, m["patents.world.latest"].Number);
        Assert.False(m["patents.world.cagr"].Available);
        Assert.Equal("not computable: ai_patents_granted (World, edition 2025) has 1 point(s), needs at least 2",
            m["patents.world.cagr"].UnavailableReason);
    }

    [Fact]
    public void An_edition_without_gap_rows_reports_the_gap_as_not_computable()
    {
        var m = Compute(new TestDataset(2024)
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2023", 17.5, "percentage points", reportEdition: "2025")
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2024", 0.3, "percentage points", reportEdition: "2025"));

        var gap = m["gap.mmlu.start"];
        Assert.False(gap.Available);
        Assert.Equal("not computable: indicators.csv has no us_minus_china_top_model_gap rows for MMLU for edition 2024", gap.UnavailableReason);
    }

    [Fact]
    public void The_gap_and_its_reduction_come_from_the_edition_rows_in_period_order()
    {
        var m = Compute(new TestDataset()
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2024", 0.3, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2023", 17.5, "percentage points"));

        Assert.Equal(17.5, m["gap.mmlu.start"].Number);
        Assert.Equal(0.3, m["gap.mmlu.end"].Number);
        Assert.Equal(17.2, m["gap.mmlu.reduction"].Number!.Value, 9);
        Assert.Equal("%p", m["gap.mmlu.start"].Unit);
        Assert.Equal("2023년 말", m["gap.mmlu.start_period"].Text);
    }

    [Fact]
    public void A_gap_that_changes_sign_is_a_reversal_and_its_change_is_the_change_of_its_size()
    {
        var m = Compute(new TestDataset()
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2023", 0.3, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MMLU", null, "end-2024", -1.2, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MATH", null, "end-2023", -5, "percentage points")
            .Indicator("us_minus_china_top_model_gap", "MATH", null, "end-2024", -1, "percentage points"));

        Assert.Equal(1, m["gap.mmlu.reversed"].Number);
        Assert.Equal("미국", m["gap.mmlu.start_leader"].Text);
        Assert.Equal("중국", m["gap.mmlu.leader"].Text);
        Assert.Equal(1.2, m["gap.mmlu.lead"].Number!.Value, 9);
        Assert.Equal(0.9, m["gap.mmlu.change"].Number!.Value, 9);
        // China's lead shrank from 5 to 1: the gap narrowed by 4, no reversal.
        Assert.Equal(0, m["gap.math.reversed"].Number);
        Assert.Equal(-4, m["gap.math.change"].Number!.Value, 9);
        Assert.Equal(4, m["gap.math.reduction"].Number!.Value, 9);
        var rows = m["gap.benchmarks"].Rows!;
        Assert.Equal([true, false], rows.Select(r => (bool)r["reversed"]!));
        Assert.Equal(["중국", "중국"], rows.Select(r => (string)r["leader"]!));
    }

    [Fact]
    public void Quarterly_mmlu_is_the_best_score_released_so_far()
    {
        var m = Compute(new TestDataset()
            .Score("U1", "2024-02-01", 80, "USA")
            .Score("U2", "2024-05-01", 78, "USA")    // lower: the best so far stays 80
            .Score("C1", "2024-08-01", 75, "CHN")
            .Score("C2", "2024-11-01", 79.7, "CHN")
            .Score("C3", "2024-12-31", 70, "CHN"));  // the table reaches the end of the year: no quarter is carried past the data

        var us = m["gap.mmlu.quarterly.USA"].Series!;
        Assert.Equal(["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"], us.Select(p => p.Label));
        Assert.Equal([80.0, 80, 80, 80], us.Select(p => p.Value));
        Assert.Equal([2024.0, 2024.25, 2024.5, 2024.75], us.Select(p => p.X));
        Assert.Equal([75.0, 79.7], m["gap.mmlu.quarterly.CHN"].Series!.Select(p => p.Value));
        var gap = m["gap.mmlu.quarterly.difference"].Series!;
        Assert.Equal(5, gap[0].Value, 9);
        Assert.Equal(0.3, gap[1].Value, 9);
    }

    [Fact]
    public void Quarterly_mmlu_is_not_computable_when_the_table_ends_before_the_year_does()
    {
        var m = Compute(new TestDataset().Score("U1", "2024-02-01", 80, "USA").Score("C1", "2024-08-01", 75, "CHN"));

        var us = m["gap.mmlu.quarterly.USA"];
        Assert.False(us.Available);
        Assert.Equal("not computable: the Epoch AI MMLU score table ends on 2024-08-01, before the end of 2024", us.UnavailableReason);
        Assert.Equal("Epoch AI MMLU 점수표의 마지막 자료가 2024년 8월 1일이어서 2024년 전체를 다루지 못함", us.UnavailableReasonKo);
        Assert.False(m["gap.mmlu.quarterly.difference"].Available);
    }

    [Fact]
    public void Inference_cost_needs_the_edition_to_report_it_and_two_price_points()
    {
        var withoutIndicator = Compute(new TestDataset().Price("2022-11-30", 20).Price("2024-10-03", 0.07));
        Assert.False(withoutIndicator["cost.gpt35.factor"].Available);
        Assert.Equal("not computable: indicators.csv has no inference_price_gpt35_level_mmlu rows for edition 2025",
            withoutIndicator["cost.gpt35.factor"].UnavailableReason);

        var onePoint = Compute(new TestDataset().Price("2022-11-30", 20).Price("2025-02-05", 0.4, "Later", threshold: 43.9)
            .Indicator("inference_price_gpt35_level_mmlu", "World", null, "2022-11", 20));
        Assert.False(onePoint["cost.gpt35.series"].Available);
        Assert.Equal("not computable: cheapest price at MMLU ≥ 64.8 up to 2024 has 1 point(s), needs at least 2",
            onePoint["cost.gpt35.series"].UnavailableReason);
    }

    [Fact]
    public void Inference_cost_factor_months_and_annual_factor()
    {
        var m = Compute(new TestDataset()
            .Indicator("inference_price_gpt35_level_mmlu", "World", null, "2022-11", 20)
            .Price("2023-01-01", 10, "First").Price("2023-07-02", 4, "Mid").Price("2024-01-01", 1, "Last")
            .Price("2025-01-10", 0.5, "Other benchmark", threshold: 43.9));

        Assert.Equal(10, m["cost.gpt35.factor"].Number);
        Assert.Equal(365 / (365.25 / 12), m["cost.gpt35.months"].Number!.Value, 9);       // 11.99 months
        Assert.Equal(Math.Pow(10, 12 / (365 / (365.25 / 12))), m["cost.gpt35.annual_factor"].Number!.Value, 9);
        Assert.Equal("First", m["cost.gpt35.start_model"].Text);
        Assert.Equal("2024-01-01", m["cost.gpt35.end_date"].Text);
        Assert.Equal(3, m["cost.gpt35.series"].Series!.Count);
    }

    [Fact]
    public void Epoch_price_tables_that_end_before_the_measured_year_is_over_are_not_computable()
    {
        // Measured year 2024: a table whose last price date is 2024-10-03 cannot speak for all of 2024.
        var m = Compute(new TestDataset()
            .Indicator("inference_price_gpt35_level_mmlu", "World", null, "2022-11", 20)
            .Indicator("inference_price_decline_range_low", "World", null, "2021-2025", 9)
            .Price("2022-11-30", 20).Price("2024-10-03", 0.07)
            .Rate("MMLU", 15.8, end: "2024-10-03"));

        Assert.False(m["cost.gpt35.factor"].Available);
        Assert.Equal("not computable: the Epoch AI cheapest-price table ends on 2024-10-03, before the end of 2024", m["cost.gpt35.factor"].UnavailableReason);
        Assert.Equal("Epoch AI 최저 추론 가격표의 마지막 자료가 2024년 10월 3일이어서 2024년 전체를 다루지 못함", m["cost.gpt35.factor"].UnavailableReasonKo);
        Assert.Equal("not computable: the Epoch AI price decline rate table ends on 2024-10-03, before the end of 2024", m["cost.decline.max"].UnavailableReason);
        Assert.Equal(9, m["cost.decline.printed_low"].Number);
    }

    [Fact]
    public void Decline_range_names_the_benchmark_at_each_end()
    {
        var m = Compute(new TestDataset()
            .Indicator("inference_price_decline_range_low", "World", null, "2021-2025", 9)
            .Rate("MMLU", 15.8).Rate("HumanEval", 9.24).Rate("GPQA Diamond", 851.16));

        Assert.Equal(9.24, m["cost.decline.min"].Number);
        Assert.Equal("HumanEval", m["cost.decline.min_benchmark"].Text);
        Assert.Equal(851.16, m["cost.decline.max"].Number);
        Assert.Equal("GPQA Diamond", m["cost.decline.max_benchmark"].Text);
        Assert.Equal(9, m["cost.decline.printed_low"].Number);
        Assert.False(m["cost.decline.printed_high"].Available);
    }

    [Fact]
    public void Investment_and_vibrancy_with_korea_in_the_scorecard()
    {
        var m = Compute(new TestDataset()
            .Indicator("private_ai_investment", "United States", "USA", "2024", 109.1)
            .Indicator("private_ai_investment", "China", "CHN", "2024", 9.3)
            .Indicator("global_ai_vibrancy_rank", "United States", "USA", "2024", 1, reportEdition: "GVT 2025")
            .Indicator("global_ai_vibrancy_score", "United States", "USA", "2024", 78.6, reportEdition: "GVT 2025")
            .Indicator("global_ai_vibrancy_rank", "South Korea", "KOR", "2024", 4, reportEdition: "GVT 2025")
            .Indicator("global_ai_vibrancy_score", "South Korea", "KOR", "2024", 17.24, reportEdition: "GVT 2025")
            .Indicator("global_ai_vibrancy_rank", "South Korea", "KOR", "2023", 7, reportEdition: "GVT 2024"));

        Assert.Equal(109.1 / 9.3, m["invest.private.us_china_multiple"].Number);
        Assert.False(m["invest.private.KOR"].Available);
        Assert.Equal(4, m["vibrancy.rank.KOR"].Number);
        Assert.Equal(7, m["vibrancy.rank.KOR.previous"].Number);
        // A rank indicator: the rank goes in the rank column (no score beside it), the leader is the country ranked
        // first, and a smaller rank is better.
        var row = Assert.Single(m["korea.scorecard"].Rows!);
        Assert.Equal("indicators.global_ai_vibrancy_rank.KOR", row["indicator"]);
        Assert.Null(row["value"]);
        Assert.Equal("위", row["unit"]);
        Assert.Equal(4.0, row["rank"]);
        Assert.Equal("USA", row["leader_iso3"]);
        Assert.Null(row["leader_value"]);
        Assert.Equal("▲", row["change_sign"]);  // 7위 → 4위
    }
    [Fact]
    public void A_lone_country_row_of_a_world_indicator_is_not_the_world_value()
    {
        // newly_funded_ai_companies takes world rows: Korea's 40 must not be printed as the world's count.
        var m = Compute(new TestDataset()
            .Indicator("newly_funded_ai_companies", "South Korea", "KOR", "2024", 40));

        Assert.False(m["indicators.newly_funded_ai_companies"].Available);
        Assert.Equal("not computable: newly_funded_ai_companies has no world row for edition 2025, only KOR; name it (indicators.newly_funded_ai_companies.KOR)", m["indicators.newly_funded_ai_companies"].UnavailableReason);
        Assert.Equal(40, m["indicators.newly_funded_ai_companies.KOR"].Number);
    }

    [Fact]
    public void An_indicator_without_a_world_takes_its_only_geography_as_main_value()
    {
        // A US–China gap exists only for the pair: its one geography is the indicator's value.
        var m = Compute(new TestDataset()
            .Indicator("us_china_top_model_gap_arena", "USA-CHN", null, "2024-12", 1.7));

        Assert.Equal(1.7, m["indicators.us_china_top_model_gap_arena"].Number);
    }
}
