using AiIndexReports.Metrics;
using CsCheck;

namespace AiIndexReports.Tests.Metrics;

/// <summary>Properties of the calculator on generated datasets.</summary>
public class MetricsPropertyTests
{
    private static readonly string[] Pool = ["USA", "CHN", "KOR", "GBR", "FRA", "DEU", "JPN"];

    private static readonly Gen<(string[] Countries, int Year)> ModelGen =
        Gen.Select(Gen.Int[0, Pool.Length - 1].Array[1, 3], Gen.Int[2014, 2024],
            (idx, year) => (idx.Distinct().Select(i => Pool[i]).ToArray(), year));

    private static readonly Gen<(string[] Countries, int Year)> SingleCountryModelGen =
        Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[2014, 2024], (i, year) => (new[] { Pool[i] }, year));

    private static MetricSet Compute(IEnumerable<(string[] Countries, int Year)> models)
    {
        var d = new TestDataset();
        var n = 0;
        foreach (var (countries, year) in models) d.Model($"M{n++}", $"{year}-06-01", countries);
        return new MetricsCalculator().Compute(d.Build());
    }

    [Fact]
    public void Model_shares_of_a_partition_sum_to_100()
    {
        SingleCountryModelGen.Array[1, 40].Where(ms => ms.Any(m => m.Year == 2024)).Sample(models =>
        {
            var m = Compute(models);
            var shares = Pool.Select(c => m.TryGet($"models.by_country.{c}.share", out var s) ? s.Number ?? 0 : 0).Sum();
            Assert.Equal(100, shares, 0.1);
        });
    }

    [Fact]
    public void Model_ranks_are_consistent_with_counts_and_ties_share_a_rank()
    {
        ModelGen.Array[1, 40].Sample(models =>
        {
            var m = Compute(models);
            var counted = Pool.Where(c => m.TryGet($"models.by_country.{c}.rank", out var r) && r.Available)
                .Select(c => (Count: m[$"models.by_country.{c}.count"].Number!.Value, Rank: m[$"models.by_country.{c}.rank"].Number!.Value,
                    Tied: m[$"models.by_country.{c}.rank_tied"].Number!.Value))
                .ToList();
            foreach (var a in counted)
            {
                Assert.Equal(1 + counted.Count(b => b.Count > a.Count), a.Rank);
                Assert.Equal(counted.Count(b => b.Count == a.Count) > 1 ? 1 : 0, a.Tied);
            }
        });
    }

    [Fact]
    public void Every_metric_is_described_and_sourced_and_never_nan()
    {
        ModelGen.Array[0, 30].Sample(models =>
        {
            foreach (var metric in Compute(models).All)
            {
                Assert.False(string.IsNullOrWhiteSpace(metric.Formula), metric.Id);
                Assert.False(string.IsNullOrWhiteSpace(metric.Label), metric.Id);
                if (metric.Available)
                {
                    Assert.NotEmpty(metric.Sources);
                    Assert.True(metric.Number is null || double.IsFinite(metric.Number.Value), metric.Id);
                    Assert.True(metric.Series is null || metric.Series.All(p => double.IsFinite(p.Value)), metric.Id);
                }
                else
                {
                    Assert.StartsWith("not computable: ", metric.UnavailableReason);
                    Assert.Null(metric.Number);
                }
            }
        });
    }

    [Fact]
    public void Patent_cagr_and_multiple_agree()
    {
        Gen.Select(Gen.Int[1, 1_000_000], Gen.Int[1, 1_000_000], Gen.Int[2000, 2015], Gen.Int[1, 10]).Sample((first, last, year, span) =>
        {
            var m = new MetricsCalculator().Compute(new TestDataset()
                .Indicator("ai_patents_granted", "World", null, year.ToString(), first)
                .Indicator("ai_patents_granted", "World", null, (year + span).ToString(), last).Build());
            var multiple = m["patents.world.multiple"].Number!.Value;
            var cagr = m["patents.world.cagr"].Number!.Value;
            Assert.Equal((double)last / first, multiple, 12);
            Assert.Equal(multiple, Math.Pow(1 + cagr / 100, span), multiple * 1e-9);
        });
    }

    [Fact]
    public void A_printed_share_breakdown_that_is_a_partition_sums_to_100()
    {
        Gen.Int[1, 1000].Array[2, 6].Sample(parts =>
        {
            var total = parts.Sum();
            var d = new TestDataset();
            for (var i = 0; i < parts.Length; i++)
                d.Indicator("ai_patents_granted_share", $"Region {i}", null, "2023", Math.Round(parts[i] * 100.0 / total, 2));
            var rows = new MetricsCalculator().Compute(d.Build())["patents.share.breakdown"].Rows!;
            Assert.Equal(100, rows.Sum(r => (double)r["value"]!), 0.1);
        });
    }
}
