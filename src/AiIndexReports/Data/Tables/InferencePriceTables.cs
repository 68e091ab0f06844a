using AiIndexReports.Data.Csv;
using CsvHelper;

namespace AiIndexReports.Data.Tables;

/// <summary>Column map of Epoch's llm_inference_price_cheapest_above_threshold.csv.</summary>
[CsvRecord]
internal sealed partial record CheapestPriceRow(
    [property: CsvColumn("benchmark")] string Benchmark,
    [property: CsvColumn("threshold_model")] string ThresholdModel,
    [property: CsvColumn("threshold_min_score")] string ThresholdMinScore,
    [property: CsvColumn("model")] string Model,
    [property: CsvColumn("price_date")] string PriceDate,
    [property: CsvColumn("usd_per_1m_tokens_blended")] string UsdPerMillionTokens,
    [property: CsvColumn("benchmark_score")] string BenchmarkScore,
    [property: CsvColumn("fitted_trend_price_usd_per_1m")] string FittedTrend);

/// <summary>Column map of Epoch's llm_inference_price_decline_rates.csv.</summary>
[CsvRecord]
internal sealed partial record DeclineRateRow(
    [property: CsvColumn("benchmark")] string Benchmark,
    [property: CsvColumn("threshold_model")] string ThresholdModel,
    [property: CsvColumn("threshold_min_score")] string ThresholdMinScore,
    [property: CsvColumn("n_price_points")] string PricePoints,
    [property: CsvColumn("start_date")] string StartDate,
    [property: CsvColumn("end_date")] string EndDate,
    [property: CsvColumn("price_reduction_factor_per_year")] string FactorPerYear,
    [property: CsvColumn("ci90_low")] string Ci90Low,
    [property: CsvColumn("ci90_high")] string Ci90High,
    [property: CsvColumn("r_squared")] string RSquared);

/// <summary>Column map of Epoch's llm_price_and_benchmarks_by_model.csv (benchmark cells may be empty).</summary>
[CsvRecord]
internal sealed partial record ModelPriceRow(
    [property: CsvColumn("model")] string Model,
    [property: CsvColumn("price_date")] string PriceDate,
    [property: CsvColumn("usd_per_1m_tokens_blended")] string UsdPerMillionTokens,
    [property: CsvColumn("mmlu")] string Mmlu,
    [property: CsvColumn("gpqa_diamond")] string GpqaDiamond,
    [property: CsvColumn("humaneval")] string HumanEval,
    [property: CsvColumn("math_500")] string Math500,
    [property: CsvColumn("lmsys_arena_elo")] string ArenaElo,
    [property: CsvColumn("data_source")] string DataSource);

/// <summary>The three inference-price tables from Epoch AI's LLM inference price analysis.</summary>
internal static class InferencePriceTables
{
    private const string Url = "https://epoch.ai/data-insights/llm-inference-price-trends";

    public static SourceTable DescribeCheapest(DataFile file) => new(file.RepoPath,
        "LLM inference prices: cheapest model at or above a benchmark threshold (USD per 1M tokens, 3:1 input:output blend)",
        "Epoch AI", "CC BY 4.0", SourceType.Original, Url);

    public static SourceTable DescribeDeclineRates(DataFile file) => new(file.RepoPath,
        "LLM inference price decline per year by benchmark threshold (log-linear fit, 90% interval)",
        "Epoch AI", "CC BY 4.0", SourceType.Original, Url);

    public static SourceTable DescribeModelPrices(DataFile file) => new(file.RepoPath,
        "LLM prices and benchmark scores by model", "Epoch AI; Artificial Analysis", "CC BY 4.0", SourceType.Original, Url);

    public static List<CheapestPricePoint> ReadCheapest(DataFile file, DiagnosticBag diagnostics)
    {
        var keys = new KeyIndex<(string, string, string, DateOnly)>();
        return CsvTableReader.Read<CheapestPriceRow, CheapestPricePoint>(file, diagnostics, (raw, cells) =>
        {
            var benchmark = cells.Required(nameof(raw.Benchmark), raw.Benchmark);
            var threshold = cells.Required(nameof(raw.ThresholdModel), raw.ThresholdModel);
            var minScore = cells.Number(nameof(raw.ThresholdMinScore), raw.ThresholdMinScore);
            var model = cells.Required(nameof(raw.Model), raw.Model);
            var date = cells.Date(nameof(raw.PriceDate), raw.PriceDate);
            var price = cells.Number(nameof(raw.UsdPerMillionTokens), raw.UsdPerMillionTokens);
            var score = cells.Number(nameof(raw.BenchmarkScore), raw.BenchmarkScore);
            var trend = cells.Number(nameof(raw.FittedTrend), raw.FittedTrend);
            if (cells.HasErrors) return null;
            keys.Add((benchmark, threshold, model, date!.Value), $"${raw.UsdPerMillionTokens.Trim()}", cells, nameof(raw.UsdPerMillionTokens),
                $"({benchmark}, {threshold}, {model}, {date:yyyy-MM-dd})");
            return new CheapestPricePoint(benchmark, threshold, minScore!.Value, model, date.Value, price!.Value, score!.Value, trend!.Value,
                cells.At(nameof(raw.UsdPerMillionTokens)));
        });
    }

    public static List<PriceDeclineRate> ReadDeclineRates(DataFile file, DiagnosticBag diagnostics)
    {
        var keys = new KeyIndex<(string, string)>();
        return CsvTableReader.Read<DeclineRateRow, PriceDeclineRate>(file, diagnostics, (raw, cells) =>
        {
            var benchmark = cells.Required(nameof(raw.Benchmark), raw.Benchmark);
            var threshold = cells.Required(nameof(raw.ThresholdModel), raw.ThresholdModel);
            var minScore = cells.Number(nameof(raw.ThresholdMinScore), raw.ThresholdMinScore);
            var points = cells.Count(nameof(raw.PricePoints), raw.PricePoints);
            var start = cells.Date(nameof(raw.StartDate), raw.StartDate);
            var end = cells.Date(nameof(raw.EndDate), raw.EndDate);
            var factor = cells.Number(nameof(raw.FactorPerYear), raw.FactorPerYear);
            var low = cells.Number(nameof(raw.Ci90Low), raw.Ci90Low);
            var high = cells.Number(nameof(raw.Ci90High), raw.Ci90High);
            var r2 = cells.Number(nameof(raw.RSquared), raw.RSquared);
            if (cells.HasErrors) return null;
            keys.Add((benchmark, threshold), $"{raw.FactorPerYear.Trim()}×/year", cells, nameof(raw.FactorPerYear), $"({benchmark}, {threshold})");
            return new PriceDeclineRate(benchmark, threshold, minScore!.Value, points!.Value, start!.Value, end!.Value,
                factor!.Value, low!.Value, high!.Value, r2!.Value, cells.At(nameof(raw.FactorPerYear)));
        });
    }

    public static List<ModelPriceBenchmarks> ReadModelPrices(DataFile file, DiagnosticBag diagnostics)
    {
        var keys = new KeyIndex<(string, DateOnly, string)>();
        return CsvTableReader.Read<ModelPriceRow, ModelPriceBenchmarks>(file, diagnostics, (raw, cells) =>
        {
            var model = cells.Required(nameof(raw.Model), raw.Model);
            var date = cells.Date(nameof(raw.PriceDate), raw.PriceDate);
            var price = cells.Number(nameof(raw.UsdPerMillionTokens), raw.UsdPerMillionTokens);
            var mmlu = cells.Number(nameof(raw.Mmlu), raw.Mmlu, required: false);
            var gpqa = cells.Number(nameof(raw.GpqaDiamond), raw.GpqaDiamond, required: false);
            var humanEval = cells.Number(nameof(raw.HumanEval), raw.HumanEval, required: false);
            var math = cells.Number(nameof(raw.Math500), raw.Math500, required: false);
            var elo = cells.Number(nameof(raw.ArenaElo), raw.ArenaElo, required: false);
            var source = cells.Required(nameof(raw.DataSource), raw.DataSource);
            if (cells.HasErrors) return null;
            keys.Add((model, date!.Value, source), $"${raw.UsdPerMillionTokens.Trim()}", cells, nameof(raw.UsdPerMillionTokens),
                $"({model}, {date:yyyy-MM-dd}, {source})");
            return new ModelPriceBenchmarks(model, date.Value, price!.Value, mmlu, gpqa, humanEval, math, elo, source,
                cells.At(nameof(raw.Model)));
        });
    }
}
