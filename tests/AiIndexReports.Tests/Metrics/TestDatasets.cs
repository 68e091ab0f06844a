using AiIndexReports.Data;
using AiIndexReports.Data.Catalog;

namespace AiIndexReports.Tests.Metrics;

/// <summary>
/// Small hand-built datasets: each row gets a distinct fake line number so sources can be checked. Indicator rows are
/// read with the repository's catalog (data/indicators.toml), as the loader reads them.
/// </summary>
internal sealed class TestDataset(int edition = 2025)
{
    private static readonly Lazy<IndicatorCatalog> RepoCatalog = new(() => IndicatorCatalogReader.Read(TestRepo.Root, []));

    private int _line = 1;
    public List<NotableModel> Models { get; } = [];
    public List<Indicator> Indicators { get; } = [];
    public List<CheapestPricePoint> Prices { get; } = [];
    public List<PriceDeclineRate> Rates { get; } = [];
    public List<MmluScore> Mmlu { get; } = [];

    public TestDataset Model(string name, string date, params string[] countries)
    {
        Models.Add(new NotableModel(name, "Org " + name, countries, DateOnly.Parse(date), 1e9, null, "Language",
            new SourceLocation("models.csv", ++_line)));
        return this;
    }

    public TestDataset Indicator(string name, string geography, string? iso3, string period, double value,
        string unit = "x", string? reportEdition = null, string note = "")
    {
        var catalog = RepoCatalog.Value;
        var definition = catalog.Find(name);
        var geo = GeoResolver.Resolve(geography, iso3 ?? "", catalog, out var problem)
            ?? throw new ArgumentException($"test row {name}/{geography}: {problem}");
        Indicators.Add(new Indicator(reportEdition ?? edition.ToString(), definition?.Name ?? name, geography, iso3, period, value, unit,
            SourceType.TranscribedReportText, "https://example.org", note, new SourceLocation("indicators.csv", ++_line))
        {
            Geo = geo, Definition = definition, KoreanUnit = definition?.KoreanUnit(unit) ?? definition?.DefaultUnit,
            // Credited as edition.toml's [indicators] credits the report (tables print a 자료 line from it).
            Release = new Credit($"AI Index Report {reportEdition ?? edition.ToString()}", "Stanford HAI", null, "CC BY-ND 4.0"),
        });
        return this;
    }

    public TestDataset Price(string date, double usd, string model = "M", double threshold = 64.8, string benchmark = "MMLU")
    {
        Prices.Add(new CheapestPricePoint(benchmark, "GPT-3.5", threshold, model, DateOnly.Parse(date), usd, 70, usd,
            new SourceLocation("prices.csv", ++_line)));
        return this;
    }

    /// <param name="end">the last price date of the fit (default 2025-02-05, after the measured year 2024 is over)</param>
    public TestDataset Rate(string benchmark, double factor, string end = "2025-02-05")
    {
        Rates.Add(new PriceDeclineRate(benchmark, "T", 50, 5, new DateOnly(2023, 1, 1), DateOnly.Parse(end), factor,
            factor / 2, factor * 2, 0.9, new SourceLocation("rates.csv", ++_line)));
        return this;
    }

    public TestDataset Score(string model, string date, double accuracy, params string[] countries)
    {
        Mmlu.Add(new MmluScore(model, DateOnly.Parse(date), accuracy, "5", "Dev", countries, "test",
            new SourceLocation("mmlu.csv", ++_line)));
        return this;
    }

    public Dataset Build() => new(
        // Exported on 24 February and, as for the 2025 edition, a year counts as complete from 15 February on.
        new EditionInfo(edition, edition - 1, $"data/{edition}", "models.csv", new DateOnly(edition, 2, 24), edition.ToString(),
            CompleteMonth: 2, CompleteDay: 15),
        Models, Indicators, Prices, Rates, [], Mmlu, [], [], RepoCatalog.Value);
}
