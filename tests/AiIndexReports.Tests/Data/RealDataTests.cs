using AiIndexReports.Data;

namespace AiIndexReports.Tests.Data;

/// <summary>Loads the real Epoch exports and AI Index figures shipped in data/.</summary>
public sealed class RealDataTests
{
    private static readonly Lazy<Dataset> Edition2025 = new(() => new DatasetLoader().Load(TestRepo.Root, 2025));
    private static readonly Lazy<Dataset> Edition2024 = new(() => new DatasetLoader().Load(TestRepo.Root, 2024));

    [Fact]
    public void Both_editions_are_present_and_the_default_is_the_newest()
    {
        // Another edition may be added at any time: these two must be there, and the default is whichever is newest.
        var loader = new DatasetLoader();
        var editions = loader.AvailableEditions(TestRepo.Root);
        Assert.Contains(2024, editions);
        Assert.Contains(2025, editions);
        Assert.Equal(editions.Order(), editions);
        Assert.Equal(editions[^1], loader.Load(TestRepo.Root).Edition.Edition);
    }

    [Fact]
    public void Edition_files_declare_snapshot_and_indicator_edition()
    {
        var e2024 = Edition2024.Value.Edition;
        Assert.Equal(new EditionInfo(2024, 2023, "data/2024", "data/shared/epoch/notable_ai_models_2024-07-16.csv", new DateOnly(2024, 7, 16), "2024",
            new DateOnly(2024, 7, 22), "2024-07", new DateOnly(2024, 4, 15)), e2024);
        var e2025 = Edition2025.Value.Edition;
        // The 2025 brief was written from the export of 2025-02-24: its edition counts a year complete from 15 February.
        Assert.Equal(new EditionInfo(2025, 2024, "data/2025", "data/shared/epoch/notable_ai_models_2025-02-24.csv", new DateOnly(2025, 2, 24), "2025",
            new DateOnly(2025, 4, 16), "2025-04", new DateOnly(2025, 4, 7), 2, 15), e2025);
        Assert.True(e2025.IsYearComplete(2024));
    }

    [Fact]
    public void Row_counts_of_both_exports()
    {
        Assert.Equal(825, Edition2024.Value.NotableModels.Count);
        Assert.Equal(895, Edition2025.Value.NotableModels.Count);
    }

    [Fact]
    public void Models_published_in_2024_counted_once_per_distinct_developer_country()
    {
        // The counting lives here on purpose: the loader only loads; counting is the Metrics stage's job.
        var counts = Edition2025.Value.NotableModels
            .Where(m => m.PublicationDate.Year == 2024)
            .SelectMany(m => m.CountryIso3)
            .CountBy(iso3 => iso3)
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(39, counts["USA"]);
        Assert.Equal(10, counts["CHN"]);
        Assert.Equal(3, counts["FRA"]);
        Assert.Equal(1, counts["CAN"]);
        Assert.Equal(1, counts["ISR"]);
        Assert.Equal(1, counts["SAU"]);
        Assert.Equal(1, counts["KOR"]);
    }

    [Fact]
    public void Koreas_2024_model_is_EXAONE_3_5_32B_by_LG_AI_Research()
    {
        var korea = Assert.Single(Edition2025.Value.NotableModels, m => m.PublicationDate.Year == 2024 && m.CountryIso3.Contains("KOR"));
        Assert.Equal("EXAONE 3.5 32B", korea.Name);
        Assert.Equal("LG AI Research", korea.Organization);
        Assert.Equal(new DateOnly(2024, 12, 9), korea.PublicationDate);
        Assert.Equal(["KOR"], korea.CountryIso3);
    }

    [Fact]
    public void Provenance_points_at_the_line_where_the_record_starts()
    {
        // grep -n '^EXAONE 3.5 32B,' data/shared/epoch/notable_ai_models_2025-02-24.csv → 36
        var exaone = Edition2025.Value.NotableModels.Single(m => m.Name == "EXAONE 3.5 32B");
        Assert.Equal(new SourceLocation("data/shared/epoch/notable_ai_models_2025-02-24.csv", 36, 1), exaone.Source);

        // Grok-3 (line 2) has a quoted Abstract spanning lines 2–4; the next record starts on line 5.
        // grep -n '^Doubao-1.5-pro,' → 5
        var doubao = Edition2025.Value.NotableModels.Single(m => m.Name == "Doubao-1.5-pro");
        Assert.Equal(5, doubao.Source.Line);

        // The 2024 export: model column "System" is the first column too.
        // grep -n '^DeepSeek-Coder-V2-236B,' data/shared/epoch/notable_ai_models_2024-07-16.csv → 19
        var deepseek = Edition2024.Value.NotableModels.Single(m => m.Name == "DeepSeek-Coder-V2-236B");
        Assert.Equal(new SourceLocation("data/shared/epoch/notable_ai_models_2024-07-16.csv", 19, 1), deepseek.Source);
    }

    [Fact]
    public void Gpt35_level_price_series_runs_from_20_dollars_to_7_cents()
    {
        var series = Edition2025.Value.CheapestPrices.Where(p => p.Benchmark == "MMLU" && p.ThresholdModel == "GPT-3.5").ToList();
        Assert.Equal(7, series.Count);
        Assert.Equal(("GPT-3.5", new DateOnly(2022, 11, 30), 20.0), (series[0].Model, series[0].PriceDate, series[0].UsdPerMillionTokens));
        Assert.Equal(("Gemini-1.5-Flash-8B", new DateOnly(2024, 10, 3), 0.07), (series[^1].Model, series[^1].PriceDate, series[^1].UsdPerMillionTokens));
        Assert.Equal(64.8, series[0].ThresholdMinScore);
        // grep -n 'Gemini-1.5-Flash-8B,2024-10-03' …cheapest_above_threshold.csv | head -1 → 17; price is column 7
        Assert.Equal(new SourceLocation("data/shared/epoch/llm_inference_price_cheapest_above_threshold.csv", 17, 7), series[^1].Source);
    }

    [Fact]
    public void Price_decline_rates_span_9_to_851_times_per_year()
    {
        var rates = Edition2025.Value.DeclineRates;
        Assert.Equal(21, rates.Count);
        Assert.Equal(9.24, rates.Min(r => r.FactorPerYear));
        Assert.Equal(851.16, rates.Max(r => r.FactorPerYear));
    }

    [Fact]
    public void Other_tables_load_with_their_row_counts()
    {
        var dataset = Edition2025.Value;
        // Rows of every edition are loaded (metrics compare with the previous one); this edition's own rows are there.
        Assert.Contains(dataset.Indicators, i => i.ReportEdition == "2025");
        Assert.Contains(dataset.Indicators, i => i.ReportEdition == "2024");
        Assert.Equal(73, dataset.ModelPrices.Count);
        Assert.Equal(211, dataset.MmluScores.Count); // 246 rows, 35 without release_date (a warning lists them)
        Assert.Contains(dataset.Warnings, w => w.Message.StartsWith("35 rows without release_date left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_table_of_the_edition_is_listed_with_its_licence()
    {
        Assert.Equal(
        [
            ("data/shared/epoch/notable_ai_models_2025-02-24.csv", "Epoch AI", "CC BY 4.0", SourceType.Original),
            ("data/shared/aiindex/indicators.csv", "Stanford HAI", "CC BY-ND 4.0 (figures quoted with attribution; charts redrawn from the numbers)", SourceType.TranscribedSecondary),
            ("data/shared/epoch/llm_inference_price_cheapest_above_threshold.csv", "Epoch AI", "CC BY 4.0", SourceType.Original),
            ("data/shared/epoch/llm_inference_price_decline_rates.csv", "Epoch AI", "CC BY 4.0", SourceType.Original),
            ("data/shared/epoch/llm_price_and_benchmarks_by_model.csv", "Epoch AI; Artificial Analysis", "CC BY 4.0", SourceType.Original),
            ("data/shared/epoch/mmlu_scores_by_model.csv", "Epoch AI", "MIT", SourceType.Original),
        ], Edition2025.Value.Tables.Select(t => (t.File, t.Publisher, t.License, t.Type)));
    }

    [Fact]
    public void Indicators_of_the_edition_carry_iso3_and_source_type()
    {
        // grep -n '^2025,notable_ai_models,South Korea' data/shared/aiindex/indicators.csv → 62; value is column 6
        var korea = Edition2025.Value.Indicators.Single(i => i.ReportEdition == "2025" && i.Name == "notable_ai_models" && i.Iso3 == "KOR");
        Assert.Equal(("South Korea", "2024", 1.0, "models", SourceType.TranscribedSecondary), (korea.Geography, korea.Period, korea.Value, korea.Unit, korea.SourceType));
        Assert.Equal(new SourceLocation("data/shared/aiindex/indicators.csv", 62, 6), korea.Location);
    }
}
