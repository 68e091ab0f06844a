using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AiIndexReports.Data;
using BenchmarkDotNet.Attributes;

namespace AiIndexReports.Bench;

/// <summary>
/// Data stage speed. Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*DataBenchmarks*' --job short
/// </summary>
public static class DataBenchmarks
{
    /// <summary>Loading every table of the real 2025 edition, warm (target &lt; 150 ms).</summary>
    [MemoryDiagnoser]
    public class Edition
    {
        private readonly DatasetLoader _loader = new();
        private string _repoRoot = "";

        [GlobalSetup]
        public void Setup() => _repoRoot = FindRepoRoot();

        [Benchmark(Description = "all tables of edition 2025 (real files)")]
        public Dataset Load2025() => _loader.Load(_repoRoot, 2025);
    }

    /// <summary>
    /// A synthetic 100,000-row file in Epoch's notable-models layout (target &lt; 2 s), with short and long Abstract
    /// texts: allocations must follow the rows kept, not the bytes read (the Abstract is never materialised).
    /// </summary>
    [MemoryDiagnoser]
    public class SyntheticExport
    {
        private const int Rows = 100_000;

        private readonly DatasetLoader _loader = new();
        private string _root = "";

        /// <summary>Characters of Abstract text per row (quoted, with commas, escaped quotes and a line break).</summary>
        [Params(200, 2_000)]
        public int AbstractLength { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var repoRoot = FindRepoRoot();
            _root = Directory.CreateTempSubdirectory("aiindex-bench-").FullName;
            var epoch = Directory.CreateDirectory(Path.Combine(_root, "data", "shared", "epoch")).FullName;
            Directory.CreateDirectory(Path.Combine(_root, "data", "shared", "aiindex"));
            Directory.CreateDirectory(Path.Combine(_root, "data", "2025"));
            File.Copy(Path.Combine(repoRoot, "data", "shared", "aiindex", "indicators.csv"),
                Path.Combine(_root, "data", "shared", "aiindex", "indicators.csv"));
            File.WriteAllText(Path.Combine(_root, "data", "2025", "edition.toml"), """
                edition = 2025
                measured_year = 2024

                [notable_models]
                file = "../shared/epoch/synthetic_notable_models.csv"
                snapshot_date = 2025-02-24
                model_column = "Model"

                [indicators]
                file = "../shared/aiindex/indicators.csv"
                report_edition = "2025"
                """);
            WriteExport(Path.Combine(epoch, "synthetic_notable_models.csv"), Rows, AbstractLength);
        }

        [GlobalCleanup]
        public void Cleanup() => Directory.Delete(_root, recursive: true);

        [Benchmark(Description = "synthetic 100,000-row notable-models export")]
        public Dataset Load100k() => _loader.Load(_root, 2025);

        /// <summary>Streams the file (never one big string). 10 of the real export's 42 columns suffice.</summary>
        private static void WriteExport(string path, int rows, int abstractLength)
        {
            string[] countries =
            [
                "United States of America", "China", "\"United States of America,United Kingdom of Great Britain and Northern Ireland,Multinational\"",
                "Korea (Republic of)", "France", "Canada", "\"China,Hong Kong\"", "Germany",
            ];
            var abstractText = "\"" + string.Concat(Enumerable.Repeat("Scaling, \"\"quoted\"\" text and commas. ", abstractLength / 36 + 1))[..abstractLength]
                + "\nSecond paragraph.\"";
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
            writer.Write("Model,Domain,Organization,Organization categorization,Country (from Organization),Publication date,Parameters,Training compute (FLOP),Abstract,Confidence\n");
            var start = new DateOnly(2010, 1, 1);
            for (var i = 0; i < rows; i++)
            {
                var date = start.AddDays(i % 5_500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var parameters = i % 3 == 0 ? "" : (1e6 * (i % 977 + 1)).ToString("R", CultureInfo.InvariantCulture);
                var compute = i % 2 == 0 ? "" : (1e18 * (i % 613 + 1)).ToString("R", CultureInfo.InvariantCulture);
                writer.Write($"Synthetic model {i},\"Language,Vision\",Lab {i % 400},Industry,{countries[i % countries.Length]},{date},{parameters},{compute},{abstractText},Confident\n");
            }
        }
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "")
    {
        // BenchmarkDotNet runs benchmarks from a generated project folder, so start from this source file's path.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), Environment.CurrentDirectory })
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiIndexReports.sln not found");
    }
}
