using AiIndexReports.Metrics;
using AiIndexReports.Text;
using BenchmarkDotNet.Attributes;

namespace AiIndexReports.Bench;

/// <summary>
/// The Write stage's text costs: particle choice per inserted value, and rendering one section-sized template against
/// an edition-sized metric set (the metrics tree is rebuilt on every render).
/// Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*TextBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private static readonly string[] Words = ["한국", "서울", "122,511", "17.5", "$0.07", "3.2%p", "GPT-4o", "OpenAI", "DeepSeek", "EXAONE", "한국(KOR)", "MMLU"];

    private string _root = "";
    private TemplateRenderer _renderer = null!;
    private TemplateModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("aiir-bench-").FullName;
        string[] countries = ["USA", "CHN", "KOR", "GBR", "FRA", "CAN", "ISR", "SAU", "DEU", "JPN", "EUR"];
        var metrics = new List<Metric>();
        foreach (var c in countries)
            foreach (var name in new[] { "count", "share", "rank", "rank_tied" })
                for (int i = 0; i < 5; i++)
                    metrics.Add(new Metric { Id = $"group{i}.by_country.{c}.{name}", Label = "라벨", Unit = "개", Formula = "f", Number = 12 + i });
        _model = new TemplateModel(new MetricSet(2025, 2024, metrics));

        var line = "□ {{ \"한국\" | josa \"은/는\" }} {{ metrics.group1.by_country.KOR.count.value | num }}개로 " +
                   "{{ metrics.group2.by_country.USA.share.value | pct | josa \"을/를\" }} 기록, " +
                   "{{ metrics.group3.by_country.CHN.rank.value | rank }}\n";
        File.WriteAllText(Path.Combine(_root, "section.md.sbn"), string.Concat(Enumerable.Repeat(line, 60)));
        _renderer = new TemplateRenderer(_root);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int AttachParticles()
    {
        int length = 0;
        foreach (var word in Words) length += Josa.Attach(word, "이/가").Length;
        return length;
    }

    [Benchmark]
    public string RenderSection() => _renderer.Render("section.md.sbn", _model);
}
