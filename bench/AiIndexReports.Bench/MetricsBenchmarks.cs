using AiIndexReports.Data;
using AiIndexReports.Metrics;
using BenchmarkDotNet.Attributes;

namespace AiIndexReports.Bench;

/// <summary>
/// Target: computing every metric of an edition takes under 50 ms warm (issue 5). Loading is done once in setup:
/// this measures the metrics stage alone, then metrics.json serialisation.
/// Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*MetricsBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private readonly MetricsCalculator _calculator = new();
    private Dataset _dataset = null!;
    private MetricSet _metrics = null!;

    [Params(2024, 2025)]
    public int Edition { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataset = new DatasetLoader().Load(RepoRoot(), Edition);
        _metrics = _calculator.Compute(_dataset);
    }

    [Benchmark]
    public MetricSet ComputeAllMetrics() => _calculator.Compute(_dataset);

    [Benchmark]
    public string SerializeMetricsJson() => MetricsJson.Serialize(_metrics);

    // BenchmarkDotNet runs from a generated folder below bin/: walk up to the folder holding the solution.
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found above " + AppContext.BaseDirectory);
    }
}
