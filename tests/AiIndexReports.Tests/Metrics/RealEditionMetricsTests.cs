using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Tests.Data;

namespace AiIndexReports.Tests.Metrics;

/// <summary>
/// The headline numbers of both editions computed from the real data in data/. The literals are the AI Index's printed
/// figures, or (for the Epoch recount) counts made by hand from the CSVs with a separate Python script.
/// </summary>
public class RealEditionMetricsTests
{
    private static readonly Lazy<MetricSet> Edition2025 = new(() => Compute(2025));
    private static readonly Lazy<MetricSet> Edition2024 = new(() => Compute(2024));

    private static MetricSet Compute(int edition) =>
        new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, edition));

    private static double N(MetricSet m, string id) =>
        m[id] is { Available: true, Number: { } n } ? n : throw new Xunit.Sdk.XunitException($"{id}: {m[id].UnavailableReason}");

    [Fact]
    public void Edition_2025_models_recount_and_printed_figures()
    {
        var m = Edition2025.Value;

        Assert.Equal(55, N(m, "models.total"));
        Assert.Equal(39, N(m, "models.by_country.USA.count"));
        Assert.Equal(10, N(m, "models.by_country.CHN.count"));
        Assert.Equal(6, N(m, "models.by_country.GBR.count"));
        Assert.Equal(3, N(m, "models.by_country.FRA.count"));
        Assert.Equal(1, N(m, "models.by_country.KOR.count"));
        Assert.Equal(9, N(m, "models.by_country.EUR.count"));   // EU-27 + UK: 3 French + 6 British (DeepMind) models
        Assert.Equal(5, N(m, "models.by_country.KOR.rank"));    // 공동 5위 with Canada, Israel, Saudi Arabia
        Assert.Equal(1, N(m, "models.by_country.KOR.rank_tied"));
        Assert.Equal(3.9, N(m, "models.us_china_ratio"), 9);
        Assert.Equal(70.9, N(m, "models.by_country.USA.share"), 1);
        Assert.Equal("EXAONE 3.5 32B", Assert.Single(m["models.korea_list"].Rows!)["name"]);

        Assert.Equal(40, N(m, "models.aiindex.USA.count"));
        Assert.Equal(15, N(m, "models.aiindex.CHN.count"));
        Assert.Equal(3, N(m, "models.aiindex.EUR.count"));
        Assert.Equal(-1, N(m, "models.aiindex.USA.difference"));
        Assert.Equal(-5, N(m, "models.aiindex.CHN.difference"));
        Assert.Contains("Epoch AI가 2025년 2월 24일에 공개한 자료로", m["models.aiindex.note"].Text);
        Assert.Equal(0, N(m, "models.unattributed"));
    }

    [Fact]
    public void Edition_2025_patents()
    {
        var m = Edition2025.Value;

        Assert.Equal(3833, N(m, "patents.world.first"));
        Assert.Equal(2010, N(m, "patents.world.first_year"));
        Assert.Equal(122511, N(m, "patents.world.latest"));
        Assert.Equal(2023, N(m, "patents.world.latest_year"));
        Assert.Equal(31.96, N(m, "patents.world.multiple"), 2);
        Assert.Equal(30.54, N(m, "patents.world.cagr"), 2);
        Assert.Equal(29.6, N(m, "patents.world.yoy_growth"));
        Assert.Equal(69.7, N(m, "patents.share.CHN"));
        Assert.Equal(14.2, N(m, "patents.share.USA"));
        Assert.Equal(-6.7, N(m, "patents.share.USA.change_pp"), 9);   // 20.90 → 14.2
        Assert.Equal(8.57, N(m, "patents.share.CHN.change_pp"), 9);   // 61.13 → 69.7
        Assert.Equal(42.8, N(m, "patents.share.USA.peak"));
        Assert.Equal(2015, N(m, "patents.share.USA.peak_year"));
        Assert.Equal(17.3, N(m, "patents.per_100k.KOR"));
        Assert.Equal(1, N(m, "patents.per_100k.rank.KOR"));
        Assert.Equal(2, N(m, "patents.per_100k.rank.LUX"));
        Assert.Equal(3, N(m, "patents.per_100k.rank.CHN"));
        Assert.Equal(4, N(m, "patents.per_100k.rank.USA"));
        Assert.Equal(2.84, N(m, "patents.per_100k.KOR.multiple_over.CHN"), 2);
        Assert.Equal(3.33, N(m, "patents.per_100k.KOR.multiple_over.USA"), 2);
        Assert.Equal(10.26, N(m, "patents.per_100k.KOR.previous"));
    }

    [Fact]
    public void Edition_2025_gap_cost_investment()
    {
        var m = Edition2025.Value;

        Assert.Equal(17.5, N(m, "gap.mmlu.start"));
        Assert.Equal(0.3, N(m, "gap.mmlu.end"));
        Assert.Equal(17.2, N(m, "gap.mmlu.reduction"), 9);
        Assert.Equal("2024년 말", m["gap.mmlu.end_period"].Text);
        Assert.Equal(8.1, N(m, "gap.mmmu.end"));
        Assert.Equal((9.3, 1.7, "%"), (N(m, "gap.arena.start"), N(m, "gap.arena.end"), m["gap.arena.start"].Unit));
        Assert.Equal("2024년 1월", m["gap.arena.start_period"].Text);
        Assert.Equal("2024 Q4", m["gap.mmlu.quarterly.USA"].Series![^1].Label);

        Assert.Equal(20, N(m, "cost.gpt35.start_price"));
        Assert.Equal(0.07, N(m, "cost.gpt35.end_price"));
        Assert.Equal("2022-11-30", m["cost.gpt35.start_date"].Text);
        Assert.Equal("2024-10-03", m["cost.gpt35.end_date"].Text);
        Assert.Equal("GPT-3.5", m["cost.gpt35.start_model"].Text);
        Assert.Equal("Gemini 1.5 Flash 8B", m["cost.gpt35.end_model"].Text); // Epoch's id "Gemini-1.5-Flash-8B" as readers know it
        Assert.Equal(285.7, N(m, "cost.gpt35.factor"), 0.1);
        Assert.Equal(22.11, N(m, "cost.gpt35.months"), 2);            // 673 days ÷ 30.4375
        Assert.Equal(21.5, N(m, "cost.gpt35.annual_factor"), 0.1);
        Assert.Equal(7, m["cost.gpt35.series"].Series!.Count);
        Assert.Equal(9.24, N(m, "cost.decline.min"));
        Assert.Equal("HumanEval", m["cost.decline.min_benchmark"].Text);
        Assert.Equal(851.16, N(m, "cost.decline.max"));
        Assert.Equal("GPQA Diamond", m["cost.decline.max_benchmark"].Text);
        Assert.Equal("GPT-4o-2024-05", m["cost.decline.max_threshold_model"].Text);
        // The figure of rates highlights the GPT-3.5-level series and the text quotes its estimate: one number for one fact.
        Assert.Equal(15.83, N(m, "cost.gpt35.fitted_factor"));
        var gpt35 = Assert.Single(m["cost.decline.rates"].Rows!, r => (string)r["threshold_model"]! == "GPT-3.5");
        Assert.Equal(("지식·언어 이해(MMLU)", "GPT-3.5 수준(64.8점 이상)"), ((string)gpt35["family"]!, (string)gpt35["threshold_label"]!));
        Assert.Equal("GPT-4o 수준(53점 이상)", m["cost.decline.rates"].Rows![0]["threshold_label"]);
        // The recount of the MMLU gap at the two ends the report prints, for the comparison table.
        Assert.Equal(10.1, N(m, "gap.mmlu.recount.start"), 1);
        Assert.Equal(0.9, N(m, "gap.mmlu.recount.end"), 1);

        Assert.Equal(109.1, N(m, "invest.private.USA"));
        Assert.Equal(11.73, N(m, "invest.private.us_china_multiple"), 2);
        Assert.False(m["invest.private.KOR"].Available);
        // Vintage: the brief is dated 2025-04-16, so the Vibrancy Tool release of November 2024 (measuring 2023) is the
        // newest it may quote; the November 2025 release (Korea 4th, 17.24) is held back.
        Assert.Equal(7, N(m, "vibrancy.rank.KOR"));
        Assert.Equal("2023년", m["vibrancy.period"].Text);
        Assert.False(m["vibrancy.score.KOR"].Available);
        Assert.Equal(new DateOnly(2024, 11, 30), m["vibrancy.rank.KOR"].Released);
        // "851배" rests on four price points; its 90% interval comes with it from the data.
        Assert.Equal(new MetricInterval(6.18, 117290.31, 90, "가격 자료점 4개"), m["cost.decline.max"].Interval);
    }

    [Fact]
    public void Edition_2025_korea_scorecard()
    {
        var rows = Edition2025.Value["korea.scorecard"].Rows!;

        // Every catalog indicator marked scorecard with a Korean value in this edition, in catalog order.
        Assert.Equal(["indicators.notable_ai_models.KOR", "indicators.ai_patents_granted_per_100k.KOR", "indicators.industrial_robot_installations.KOR",
            "indicators.global_ai_vibrancy_rank.KOR"], rows.Select(r => r["indicator"]));
        var models = rows[0];
        Assert.Equal((1.0, 4.0, true, "USA", 40.0), ((double)models["value"]!, (double)models["rank"]!, (bool)models["tied"]!, (string)models["leader_iso3"]!, (double)models["leader_value"]!));
        Assert.Equal("–", models["change_sign"]);                   // the 2024 edition printed no Korean count
        var patents = rows[1];
        Assert.Equal(17.3, patents["value"]);
        Assert.Equal(1.0, patents["rank"]);
        Assert.Equal("KOR", patents["leader_iso3"]);
        Assert.Equal("▲", patents["change_sign"]);                  // 10.26 → 17.3
        Assert.Equal((31400.0, 4.0, "CHN"), ((double)rows[2]["value"]!, (double)rows[2]["rank"]!, (string)rows[2]["leader_iso3"]!));
        // A rank indicator puts Korea's rank in the rank column; the value column stays empty (no score beside a rank).
        Assert.Equal((null, 7.0, "위", "–"), (rows[3]["value"], (double)rows[3]["rank"]!, (string)rows[3]["unit"]!, (string)rows[3]["change_sign"]!)); // no earlier release
        Assert.StartsWith("data/shared/aiindex/indicators.csv:", (string)patents["source"]!);
    }

    [Fact]
    public void Edition_2024_models_recount_from_the_2024_07_16_export()
    {
        var m = Edition2024.Value;

        Assert.Equal(2023, m.MeasuredYear);
        Assert.Equal("2024-07-16", m["edition.snapshot_date"].Text);
        Assert.Equal(103, N(m, "models.total"));
        Assert.Equal(62, N(m, "models.by_country.USA.count"));
        Assert.Equal(20, N(m, "models.by_country.CHN.count"));
        Assert.Equal(11, N(m, "models.by_country.EUR.count"));
        Assert.Equal(3, N(m, "models.by_country.HKG.count"));       // Hong Kong is its own code, not China
        Assert.Equal(1, N(m, "models.by_country.KOR.count"));
        Assert.Equal(10, N(m, "models.by_country.KOR.rank"));
        Assert.Equal("Volcano 13B", Assert.Single(m["models.korea_list"].Rows!)["name"]);
        Assert.Equal(61, N(m, "models.aiindex.USA.count"));
        Assert.Equal(1, N(m, "models.aiindex.USA.difference"));
        Assert.Equal(5, N(m, "models.aiindex.CHN.difference"));     // 20 − 15
        Assert.False(m["models.aiindex.KOR.count"].Available);      // the 2024 edition prints no count for Korea
        Assert.Equal(13, N(m, "models.unattributed"));              // "Multinational" only, e.g. Google DeepMind's Gemini 1.0
        Assert.Contains("13개 모델", m["models.aiindex.note"].Text);
    }

    [Fact]
    public void Edition_2024_korea_scorecard_uses_the_recount_where_no_korean_count_is_printed()
    {
        var rows = Edition2024.Value["korea.scorecard"].Rows!;

        // No printed Korean model count in 2024: the recount stands in; no Vibrancy release was out by 2024-07-22.
        Assert.Equal(["models.by_country.KOR.count", "indicators.ai_patents_granted_per_100k.KOR"], rows.Select(r => r["indicator"]));
        Assert.Equal("주목할 만한 AI 모델 수, 재집계", rows[0]["label_ko"]);
        Assert.Equal("▼", rows[0]["change_sign"]);                  // 3 Korean models in 2022, 1 in 2023
        Assert.Equal(62.0, rows[0]["leader_value"]);
        Assert.Equal("–", rows[1]["change_sign"]);                  // no earlier edition to compare with
    }

    [Fact]
    public void Edition_2024_patents_and_what_it_does_not_report()
    {
        var m = Edition2024.Value;

        Assert.Equal(62264, N(m, "patents.world.latest"));
        Assert.Equal(2022, N(m, "patents.world.latest_year"));
        Assert.Equal(61.13, N(m, "patents.share.CHN"));
        Assert.Equal(20.9, N(m, "patents.share.USA"));
        Assert.Equal(10.26, N(m, "patents.per_100k.KOR"));
        Assert.Equal(1, N(m, "patents.per_100k.rank.KOR"));
        Assert.Equal(100, m["patents.share.breakdown"].Rows!.Sum(r => (double)r["value"]!), 0.1); // this edition prints a partition

        Assert.Equal("not computable: indicators.csv has no us_minus_china_top_model_gap rows for MMLU for edition 2024",
            m["gap.mmlu.start"].UnavailableReason);
        Assert.Equal("not computable: indicators.csv has no inference_price_gpt35_level_mmlu rows for edition 2024",
            m["cost.gpt35.factor"].UnavailableReason);
        Assert.Equal("not computable: indicators.csv has no edition before 2024 to compare with",
            m["patents.per_100k.KOR.previous"].UnavailableReason);
        Assert.Equal("not computable: ai_patents_granted (World, edition 2024) has 1 point(s), needs at least 2",
            m["patents.world.cagr"].UnavailableReason);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void Every_metric_has_a_formula_and_every_available_metric_a_source(int edition)
    {
        var m = edition == 2024 ? Edition2024.Value : Edition2025.Value;

        Assert.All(m.All, metric =>
        {
            Assert.False(string.IsNullOrWhiteSpace(metric.Formula), metric.Id);
            if (metric.Available) Assert.NotEmpty(metric.Sources);
            else Assert.StartsWith("not computable: ", metric.UnavailableReason);
        });
    }

    [Fact]
    public void Metrics_json_of_an_edition_is_reproducible_and_lists_sources_as_file_and_line()
    {
        var json = MetricsJson.Serialize(Edition2025.Value);

        Assert.Equal(json, MetricsJson.Serialize(Compute(2025)));
        Assert.Contains("\"id\": \"cost.gpt35.factor\"", json);
        Assert.Contains("\"data/shared/epoch/llm_inference_price_cheapest_above_threshold.csv:17\"", json); // Gemini-1.5-Flash-8B row
    }
}
