using AiIndexReports.Charts;
using AiIndexReports.Metrics;
using AiIndexReports.Typesetting;
using BenchmarkDotNet.Attributes;
using SkiaSharp;

namespace AiIndexReports.Bench;

/// <summary>
/// What charts add to a brief: all eight figures drawn (warm) onto PDF page canvases. The document is aborted rather
/// than closed so font embedding, which the brief pays once for its body text anyway, is not counted. The baseline
/// draws the same pages with one line of text in the same typefaces (a brief always has text), so the difference
/// is what the charts add.
/// Run: dotnet run -c Release --project bench/AiIndexReports.Bench -- --filter '*ChartBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ChartBenchmarks
{
    private IReadOnlyList<Figure> _figures = [];
    private ChartRenderer _renderer = null!;
    private readonly TemplateTypefaces _typefaces = new();

    [GlobalSetup]
    public void Setup()
    {
        _figures = FigureBuilder.Build(SampleMetrics()).Figures;
        _renderer = new ChartRenderer(_typefaces);
    }

    [Benchmark]
    public void EightFiguresIntoPdfCanvas() => DrawPages(draw: true);

    [Benchmark(Baseline = true)]
    public void EightPdfPagesWithTextOnly() => DrawPages(draw: false);

    private void DrawPages(bool draw)
    {
        using var stream = new SKDynamicMemoryWStream();
        using var document = SKDocument.CreatePdf(stream);
        using var font = new SKFont(_typefaces.GetTypeface("Pretendard", SKFontStyleWeight.Normal), 10);
        using var paint = new SKPaint();
        foreach (var figure in _figures)
        {
            var canvas = document.BeginPage(595, 842);
            canvas.DrawText(figure.Title, 71, 60, SKTextAlign.Left, font, paint);
            if (draw) _renderer.Draw(canvas, figure, SKRect.Create(71, 71, 453, figure.PreferredHeight(453)));
            document.EndPage();
        }
        document.Abort();
    }

    /// <summary>Values like the 2025 edition's, enough for every figure to be a full chart.</summary>
    private static MetricSet SampleMetrics()
    {
        static Metric N(string id, double v) => new() { Id = id, Label = id, Unit = "", Formula = "bench", Number = v };
        static Metric S(string id, params (double X, string Label, double Value)[] points) =>
            new() { Id = id, Label = id, Unit = "", Formula = "bench", Series = points.Select(p => new SeriesPoint(p.X, p.Label, p.Value)).ToList() };
        static (double, string, double)[] Years(params double[] values) => values.Select((v, i) => (2014.0 + i, (2014 + i).ToString(), v)).ToArray();
        static (double, string, double)[] Quarters(params double[] values) =>
            values.Select((v, i) => (2022 + i / 4 + i % 4 * 0.25, $"{2022 + i / 4} Q{i % 4 + 1}", v)).ToArray();
        static Dictionary<string, object?> Rate(string b, string m, double f, double lo, double hi) =>
            new() { ["benchmark"] = b, ["threshold_model"] = m, ["factor"] = f, ["ci_low"] = lo, ["ci_high"] = hi };

        var metrics = new List<Metric>();
        foreach (var (iso, n) in new[] { ("USA", 39.0), ("CHN", 10), ("FRA", 3), ("CAN", 2), ("GBR", 2), ("DEU", 1), ("ISR", 1), ("JPN", 1), ("KOR", 1) })
            metrics.Add(N($"models.by_country.{iso}.count", n));
        metrics.Add(S("models.series.USA", Years(12, 16, 24, 28, 42, 45, 35, 41, 52, 61, 39)));
        metrics.Add(S("models.series.CHN", Years(1, 2, 3, 5, 7, 9, 11, 13, 14, 17, 10)));
        metrics.Add(S("models.series.EUR", Years(5, 7, 9, 11, 14, 12, 9, 10, 12, 18, 4)));
        metrics.Add(S("models.series.KOR", Years(0, 0, 0, 0, 1, 1, 2, 3, 4, 3, 1)));
        metrics.AddRange([N("patents.world.latest_year", 2023), N("patents.share.CHN", 69.7), N("patents.share.USA", 14.2)]);
        metrics.AddRange([N("patents.per_100k.KOR", 17.3), N("patents.per_100k.LUX", 15.3), N("patents.per_100k.CHN", 6.1), N("patents.per_100k.USA", 5.2)]);
        metrics.Add(S("gap.mmlu.quarterly.USA", Quarters(67.5, 67.5, 70, 70, 86.4, 86.4, 86.4, 90, 90, 88.7, 88.7, 92.3)));
        metrics.Add(S("gap.mmlu.quarterly.CHN", Quarters(49, 49, 55, 55, 62, 67, 70, 72.5, 80, 82, 86, 88.5)));
        metrics.AddRange([N("gap.mmlu.start", 17.5), N("gap.mmlu.end", 0.3)]);
        metrics.Add(S("cost.gpt35.series", (2022.915, "GPT-3.5", 20), (2023.178, "GPT-3.5 Turbo", 2), (2023.849, "GPT-3.5-Turbo-2023-11", 0.75),
            (2024.170, "Claude-3-Haiku", 0.5), (2024.355, "Gemini-1.5-Flash-2024-05", 0.13), (2024.558, "Llama-3.1-Instruct-8B", 0.1),
            (2024.756, "Gemini-1.5-Flash-8B", 0.07)));
        metrics.Add(S("cost.gpt35.trend", (2022.915, "GPT-3.5", 10.0), (2023.178, "GPT-3.5 Turbo", 4.84), (2023.849, "GPT-3.5-Turbo-2023-11", 0.758),
            (2024.170, "Claude-3-Haiku", 0.308), (2024.355, "Gemini-1.5-Flash-2024-05", 0.185), (2024.558, "Llama-3.1-Instruct-8B", 0.106),
            (2024.756, "Gemini-1.5-Flash-8B", 0.0615)));
        metrics.Add(new Metric
        {
            Id = "cost.decline.rates", Label = "", Unit = "", Formula = "bench",
            Rows = [Rate("MMLU", "GPT-3", 11.77, 8.29, 16.72), Rate("MMLU", "GPT-3.5", 15.83, 8.05, 31.11), Rate("MMLU", "GPT-4 Turbo", 35.79, 5.03, 254.83),
                Rate("GPQA Diamond", "GPT-4o-2024-05", 851.16, 6.18, 117290.31), Rate("MATH-500", "GPT-4o-2024-05", 689.08, 0.12, 3966834.71),
                Rate("HumanEval", "GPT-4-0314", 36.82, 14.34, 94.55), Rate("LMSys Chatbot Arena ELO", "GPT-4 Turbo", 245.51, 4.23, 14237.68)],
        });
        foreach (var (iso, b) in new[] { ("USA", 109.1), ("CHN", 9.3), ("GBR", 4.5), ("SWE", 4.34), ("CAN", 2.89), ("FRA", 2.62), ("DEU", 1.97) })
            metrics.Add(N($"invest.private.{iso}", b));
        return new MetricSet(2025, 2024, metrics);
    }

    /// <summary>Pretendard from templates/fonts, found by walking up to the solution file.</summary>
    private sealed class TemplateTypefaces : ITypefaceSource
    {
        private readonly string _fonts;

        public TemplateTypefaces()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiIndexReports.sln"))) dir = dir.Parent;
            _fonts = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("AiIndexReports.sln"), "templates", "fonts");
        }

        private readonly Dictionary<SKFontStyleWeight, SKTypeface> _cache = [];

        public SKTypeface GetTypeface(string family, SKFontStyleWeight weight)
        {
            if (!_cache.TryGetValue(weight, out var typeface))
                _cache[weight] = typeface = SKTypeface.FromFile(Path.Combine(_fonts,
                    weight >= SKFontStyleWeight.Bold ? "Pretendard-Bold.ttf" : weight >= SKFontStyleWeight.SemiBold ? "Pretendard-SemiBold.ttf" : "Pretendard-Regular.ttf"));
            return typeface;
        }
    }
}
