using AiIndexReports.Data.Catalog;

namespace AiIndexReports.Data;

// The data stage's output: typed rows, each carrying the file/line it came from.
// Contract shared by the Data (loader) and Metrics stages; extend, don't rename.

public enum SourceType { Original, TranscribedReportText, TranscribedSecondary }

/// <summary>One source table as a whole: what it is, who made it, under which licence; <paramref name="Credit"/> is how a brief credits it.</summary>
public sealed record SourceTable(string File, string Title, string Publisher, string License, SourceType Type, string? Url, Credit? Credit = null)
{
    /// <summary>True when edition.toml gives the table's release date: only then is it held to the brief's date (vintage rule).</summary>
    public bool ReleaseDeclared { get; init; }
}

/// <summary>A row of Epoch AI's "Notable AI Models" export (either column layout).</summary>
public sealed record NotableModel(
    string Name,
    string Organization,
    IReadOnlyList<string> CountryIso3,      // distinct developer countries, ISO 3166 alpha-3, in file order
    DateOnly PublicationDate,
    double? Parameters,
    double? TrainingComputeFlop,
    string Domain,
    SourceLocation Source);

/// <summary>A row of data/shared/aiindex/indicators.csv: a figure printed in an AI Index report.</summary>
public sealed record Indicator(
    string ReportEdition,                   // "2025" or e.g. "GVT 2025 (Nov 2025)"
    string Name,                            // e.g. notable_ai_models (an alias is read as the catalog's name)
    string Geography,                       // as written: "United States", "World", "MMLU", "Europe (combined)"
    string? Iso3,                           // null for aggregates and non-countries
    string Period,                          // "2024", "end-2023", "2013-2023"
    double Value,
    string Unit,
    SourceType SourceType,
    string Source,
    string Note,
    SourceLocation Location)
{
    /// <summary>What the geography and iso3 cells mean (country, world, region, pair, name); null only for hand-built rows.</summary>
    public Geo? Geo { get; init; }

    /// <summary>The release the row was printed in (title, publisher, date, licence); null when unknown.</summary>
    public Credit? Release { get; init; }

    /// <summary>The catalog entry, or null for a name the catalog does not know.</summary>
    public IndicatorDefinition? Definition { get; init; }

    /// <summary>The Korean unit to print (the catalog's translation of <see cref="Unit"/>).</summary>
    public string? KoreanUnit { get; init; }

    /// <summary>The geography's code: ISO3, WLD, EUR, USA-CHN, or the name as written.</summary>
    public string GeoCode => Geo?.Code ?? Iso3 ?? (Geography.StartsWith("World", StringComparison.Ordinal) ? "WLD" : Geography);
}

/// <summary>Epoch: cheapest model at or above a benchmark threshold on a date (USD per 1M tokens, 3:1 blend).</summary>
public sealed record CheapestPricePoint(
    string Benchmark, string ThresholdModel, double ThresholdMinScore,
    string Model, DateOnly PriceDate, double UsdPerMillionTokens, double BenchmarkScore,
    double FittedTrendUsdPerMillionTokens, SourceLocation Source);

/// <summary>Epoch: fitted price-reduction factor per year for one benchmark threshold, with its 90% interval.</summary>
public sealed record PriceDeclineRate(
    string Benchmark, string ThresholdModel, double ThresholdMinScore, int PricePoints,
    DateOnly StartDate, DateOnly EndDate, double FactorPerYear, double Ci90Low, double Ci90High, double RSquared,
    SourceLocation Source);

/// <summary>Epoch / Artificial Analysis: price and benchmark scores of one model (null where the cell is empty).</summary>
public sealed record ModelPriceBenchmarks(
    string Model, DateOnly PriceDate, double UsdPerMillionTokens,
    double? Mmlu, double? GpqaDiamond, double? HumanEval, double? Math500, double? ArenaElo,
    string DataSource, SourceLocation Source);

/// <summary>Epoch Benchmarking Hub: MMLU accuracy of one model version.</summary>
public sealed record MmluScore(
    string Model, DateOnly ReleaseDate, double AccuracyPct, string Shots, string Developer,
    IReadOnlyList<string> CountryIso3, string AttributionMethod, SourceLocation Source);

/// <summary>What an edition folder (data/&lt;edition&gt;/edition.toml) declares.</summary>
public sealed record EditionInfo(
    int Edition,                            // AI Index edition, e.g. 2025
    int MeasuredYear,                       // the year the edition measures, usually Edition - 1
    string Folder,                          // repo-relative, e.g. data/2025
    string NotableModelsFile,               // repo-relative path of the Epoch snapshot used
    DateOnly SnapshotDate,
    string IndicatorEdition,                // value of report_edition in indicators.csv, e.g. "2025"
    DateOnly? PublicationDate = null,       // [brief] date: the briefs' date, the vintage cut-off of every figure
    string? IssueNumber = null,             // [brief] number
    DateOnly? ReportReleased = null,        // [indicators] released: the AI Index report's release date
    int CompleteMonth = 3,                  // [notable_models] year_complete_from, "03-01" by default
    int CompleteDay = 1)
{
    /// <summary>First snapshot date in which <paramref name="year"/> counts as complete (e.g. 2025-03-01 for 2024).</summary>
    public DateOnly CompleteFrom(int year) => new(year + 1, CompleteMonth, CompleteDay);

    /// <summary>True when the Epoch snapshot was taken after <paramref name="year"/> was complete: a recount of that year is meaningful.</summary>
    public bool IsYearComplete(int year) => SnapshotDate >= CompleteFrom(year);
}

/// <summary>Everything one edition's brief is computed from.</summary>
public sealed record Dataset(
    EditionInfo Edition,
    IReadOnlyList<NotableModel> NotableModels,
    IReadOnlyList<Indicator> Indicators,    // all editions' rows (metrics compare with the previous edition)
    IReadOnlyList<CheapestPricePoint> CheapestPrices,
    IReadOnlyList<PriceDeclineRate> DeclineRates,
    IReadOnlyList<ModelPriceBenchmarks> ModelPrices,
    IReadOnlyList<MmluScore> MmluScores,
    IReadOnlyList<SourceTable> Tables,
    IReadOnlyList<Diagnostic> Warnings,
    IndicatorCatalog? Catalog = null)        // data/indicators.toml (null: hand-built datasets without one)
{
    public IndicatorCatalog IndicatorCatalog => Catalog ?? IndicatorCatalog.Empty;

    /// <summary>Korean names of institutions and models (data/names.toml).</summary>
    public NameTable Names { get; init; } = NameTable.Empty;

    /// <summary>Korean analyses of the edition's report that its briefs cite (edition.toml [[analysis]]).</summary>
    public IReadOnlyList<Config.EditionAnalysis> Analyses { get; init; } = [];
}
