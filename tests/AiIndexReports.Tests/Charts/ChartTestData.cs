using AiIndexReports.Metrics;
using AiIndexReports.Typesetting;
using SkiaSharp;

namespace AiIndexReports.Tests.Charts;

/// <summary>A small hand-made MetricSet with values like the 2025 edition's (2024 data), and the repo's fonts.</summary>
internal static class ChartTestData
{
    public static Metric Number(string id, double value, string unit = "") =>
        new() { Id = id, Label = id, Unit = unit, Formula = "test value", Number = value, Credits = CreditsOf(id) };

    public static Metric Series(string id, params SeriesPoint[] points) =>
        new() { Id = id, Label = id, Unit = "", Formula = "test series", Series = points, Credits = CreditsOf(id) };

    public static Metric Rows(string id, params Dictionary<string, object?>[] rows) =>
        new() { Id = id, Label = id, Unit = "", Formula = "test rows", Rows = rows, Credits = CreditsOf(id) };

    /// <summary>The credits the metrics stage would attach (a figure's source line is made from them).</summary>
    private static IReadOnlyList<string> CreditsOf(string id) =>
        id.StartsWith("models.aiindex.", StringComparison.Ordinal) ? ["Stanford HAI(2025), AI Index Report 2025"]
        : id.StartsWith("models.", StringComparison.Ordinal) ? ["Epoch AI(2025), Notable AI Models"]
        : id.StartsWith("gap.mmlu.quarterly", StringComparison.Ordinal) ? ["Epoch AI, Benchmarking Hub: MMLU"]
        : id.StartsWith("cost.", StringComparison.Ordinal) ? ["Epoch AI(2025), LLM Inference Prices"]
        : ["Stanford HAI(2025), AI Index Report 2025"];

    public static Metric Unavailable(string id) =>
        new() { Id = id, Label = id, Unit = "", Formula = "test", Available = false, UnavailableReason = "not computable: no input" };

    private static SeriesPoint[] Years(int from, params double[] values) =>
        values.Select((v, i) => new SeriesPoint(from + i, (from + i).ToString(), v)).ToArray();

    private static SeriesPoint[] Quarters(int fromYear, params double[] values) =>
        values.Select((v, i) => new SeriesPoint(fromYear + i / 4 + (i % 4) * 0.25, $"{fromYear + i / 4} Q{i % 4 + 1}", v)).ToArray();

    // The family and short names data/names.toml gives the benchmarks, written out here as the metrics stage passes them.
    private static readonly Dictionary<string, (string Korean, string Family)> Benchmarks = new()
    {
        ["MMLU"] = ("MMLU", "지식·언어 이해(MMLU)"), ["GPQA Diamond"] = ("GPQA Diamond", "과학 추론(GPQA Diamond)"),
        ["MATH-500"] = ("MATH-500", "수학(MATH)"), ["MATH 5"] = ("MATH 5단계", "수학(MATH)"),
        ["HumanEval"] = ("HumanEval", "코딩(HumanEval)"), ["LMSys Chatbot Arena ELO"] = ("챗봇 아레나", "사용자 선호(챗봇 아레나)"),
    };

    private static Dictionary<string, object?> Rate(string benchmark, string model, double factor, double low, double high, double score = 0, string? label = null) => new()
    {
        ["benchmark"] = benchmark, ["benchmark_ko"] = Benchmarks[benchmark].Korean, ["family"] = Benchmarks[benchmark].Family,
        ["threshold_model"] = model, ["threshold_score"] = score, ["threshold_label"] = label ?? model + " 수준",
        ["factor"] = factor, ["ci_low"] = low, ["ci_high"] = high,
    };

    private static Dictionary<string, object?> Ranked(string iso3, string nameKo, double value) =>
        new() { ["iso3"] = iso3, ["name_ko"] = nameKo, ["count"] = value };

    public static IEnumerable<Metric> Edition2025Metrics()
    {
        var models = new (string Iso3, string Name, double Count)[]
        {
            ("USA", "미국", 39), ("CHN", "중국", 10), ("FRA", "프랑스", 3), ("CAN", "캐나다", 2), ("GBR", "영국", 2),
            ("DEU", "독일", 1), ("ISR", "이스라엘", 1), ("JPN", "일본", 1), ("SAU", "사우디아라비아", 1), ("KOR", "한국", 1),
            ("ESP", "스페인", 1), ("CHE", "스위스", 1),
        };
        foreach (var m in models) yield return Number($"models.by_country.{m.Iso3}.count", m.Count, "개");
        // What the AI Index printed (the counts the brief states; Europe's combined figure is an aggregate).
        foreach (var (iso3, count) in new[] { ("USA", 40.0), ("CHN", 15.0), ("FRA", 3.0), ("KOR", 1.0), ("CAN", 1.0), ("ISR", 1.0), ("SAU", 1.0), ("EUR", 3.0) })
            yield return Number($"models.aiindex.{iso3}.count", count, "개");
        yield return Number("models.by_country.KOR.rank", 6, "위");
        yield return Number("models.by_country.EUR.count", 4, "개");
        yield return Rows("models.ranking", models.Select(m => Ranked(m.Iso3, m.Name, m.Count)).ToArray());

        yield return Series("models.series.USA", Years(2014, 12, 16, 24, 28, 42, 45, 35, 41, 52, 61, 39));
        yield return Series("models.series.CHN", Years(2014, 1, 2, 3, 5, 7, 9, 11, 13, 14, 17, 10));
        yield return Series("models.series.EUR", Years(2014, 5, 7, 9, 11, 14, 12, 9, 10, 12, 18, 4));
        yield return Series("models.series.KOR", Years(2014, 0, 0, 0, 0, 1, 1, 2, 3, 4, 3, 1));

        yield return Number("patents.world.latest_year", 2023);
        yield return Number("patents.world.latest", 122511, "건");
        yield return Number("patents.share.CHN", 69.7, "%");
        yield return Number("patents.share.USA", 14.2, "%");
        yield return Number("patents.share.USA.peak", 42.8, "%");
        yield return Number("patents.per_100k.KOR", 17.3, "건");
        yield return Number("patents.per_100k.LUX", 15.3, "건");
        yield return Number("patents.per_100k.CHN", 6.1, "건");
        yield return Number("patents.per_100k.USA", 5.2, "건");
        yield return Number("patents.per_100k.rank.KOR", 1, "위");
        yield return Number("patents.per_100k.KOR.previous", 10.26, "건");

        yield return Series("gap.mmlu.quarterly.USA", Quarters(2022, 67.5, 67.5, 70.0, 70.0, 86.4, 86.4, 86.4, 90.0, 90.0, 88.7, 88.7, 92.3));
        yield return Series("gap.mmlu.quarterly.CHN", Quarters(2022, 49.0, 49.0, 55.0, 55.0, 62.0, 67.0, 70.0, 72.5, 80.0, 82.0, 86.0, 88.5));
        yield return Number("gap.mmlu.start", 17.5, "%p");
        yield return Number("gap.mmlu.end", 0.3, "%p");

        yield return Series("cost.gpt35.series",
            new SeriesPoint(2022.915, "GPT-3.5", 20), new SeriesPoint(2023.178, "GPT-3.5 Turbo", 2),
            new SeriesPoint(2023.849, "GPT-3.5-Turbo-2023-11", 0.75), new SeriesPoint(2024.170, "Claude-3-Haiku", 0.5),
            new SeriesPoint(2024.355, "Gemini-1.5-Flash-2024-05", 0.13), new SeriesPoint(2024.558, "Llama-3.1-Instruct-8B", 0.1),
            new SeriesPoint(2024.756, "Gemini-1.5-Flash-8B", 0.07));
        yield return Series("cost.gpt35.trend",
            new SeriesPoint(2022.915, "GPT-3.5", 10.005324), new SeriesPoint(2023.178, "GPT-3.5 Turbo", 4.838878),
            new SeriesPoint(2023.849, "GPT-3.5-Turbo-2023-11", 0.757874), new SeriesPoint(2024.170, "Claude-3-Haiku", 0.307982),
            new SeriesPoint(2024.355, "Gemini-1.5-Flash-2024-05", 0.185499), new SeriesPoint(2024.558, "Llama-3.1-Instruct-8B", 0.105963),
            new SeriesPoint(2024.756, "Gemini-1.5-Flash-8B", 0.061452));
        yield return Rows("cost.decline.rates",
            Rate("MMLU", "GPT-3", 11.77, 8.29, 16.72), Rate("MMLU", "GPT-3.5", 15.83, 8.05, 31.11, 64.8, "GPT-3.5 수준(64.8점 이상)"),
            Rate("MMLU", "GPT-3.5 Turbo", 9.35, 4.8, 18.2), Rate("MMLU", "GPT-4-0314", 15.86, 4.09, 61.54),
            Rate("MMLU", "GPT-4 Turbo", 35.79, 5.03, 254.83), Rate("GPQA Diamond", "GPT-4-0314", 42.02, 4.4, 401.44),
            Rate("GPQA Diamond", "GPT-4 Turbo", 46.25, 3.79, 564.83), Rate("GPQA Diamond", "GPT-4o-2024-05", 851.16, 6.18, 117290.31),
            Rate("GPQA Diamond", "Claude-3.5-Sonnet-2024-06", 251.16, 41.56, 1517.75),
            Rate("MATH-500", "GPT-3.5-Turbo-2023-06", 18.03, 11.24, 28.91), Rate("MATH-500", "GPT-4 Turbo", 172.26, 13.73, 2161.25),
            Rate("MATH-500", "GPT-4o-2024-05", 689.08, 0.12, 3966834.71), Rate("MATH 5", "GPT-4-0613", 72.64, 6.04, 873.63),
            Rate("MATH 5", "GPT-4 Turbo", 159.55, 12.34, 2063.05), Rate("MATH 5", "GPT-4o-2024-05", 689.08, 0.12, 3966834.71),
            Rate("HumanEval", "GPT-4-0314", 36.82, 14.34, 94.55), Rate("HumanEval", "GPT-3.5-Turbo-2023-06", 9.24, 4.83, 17.67),
            Rate("LMSys Chatbot Arena ELO", "GPT-3.5 Turbo", 9.61, 5.26, 17.54),
            Rate("LMSys Chatbot Arena ELO", "GPT-4-0314", 75.32, 7.56, 750.79),
            Rate("LMSys Chatbot Arena ELO", "GPT-4 Turbo", 245.51, 4.23, 14237.68),
            Rate("LMSys Chatbot Arena ELO", "GPT-4o-2024-05", 176.96, 39.13, 800.19));

        var investment = new (string Iso3, string Name, double Billions)[]
        {
            ("USA", "미국", 109.1), ("CHN", "중국", 9.3), ("GBR", "영국", 4.5), ("SWE", "스웨덴", 4.34), ("CAN", "캐나다", 2.89),
            ("FRA", "프랑스", 2.62), ("DEU", "독일", 1.97), ("ARE", "아랍에미리트", 1.77), ("AUT", "오스트리아", 1.5),
            ("NLD", "네덜란드", 1.1), ("ITA", "이탈리아", 0.9),
        };
        foreach (var i in investment) yield return Number($"invest.private.{i.Iso3}", i.Billions, "십억 달러");
        yield return Number("invest.private.us_china_multiple", 11.7, "배");
        yield return Rows("invest.private.ranking", investment.Select(i => Ranked(i.Iso3, i.Name, i.Billions)).ToArray());
    }

    public static MetricSet Edition2025() => new(2025, 2024, Edition2025Metrics());

    /// <summary>The edition's metrics with some replaced (same id) or added.</summary>
    public static MetricSet With(params Metric[] replacements)
    {
        var ids = replacements.Select(r => r.Id).ToHashSet();
        return new MetricSet(2025, 2024, Edition2025Metrics().Where(m => !ids.Contains(m.Id)).Concat(replacements));
    }

    public static MetricSet Without(params string[] ids) =>
        new(2025, 2024, Edition2025Metrics().Where(m => !ids.Contains(m.Id)));
}

/// <summary>The repo's template fonts, loaded once: Pretendard by weight, NanumGothic for Hanja.</summary>
internal sealed class RepoTypefaces : ITypefaceSource
{
    public static RepoTypefaces Instance { get; } = new();

    private readonly Dictionary<(string, SKFontStyleWeight), SKTypeface> _typefaces = [];

    private RepoTypefaces()
    {
        string fonts = Path.Combine(TestRepo.Root, "templates", "fonts");
        _typefaces[("Pretendard", SKFontStyleWeight.Normal)] = SKTypeface.FromFile(Path.Combine(fonts, "Pretendard-Regular.ttf"));
        _typefaces[("Pretendard", SKFontStyleWeight.SemiBold)] = SKTypeface.FromFile(Path.Combine(fonts, "Pretendard-SemiBold.ttf"));
        _typefaces[("Pretendard", SKFontStyleWeight.Bold)] = SKTypeface.FromFile(Path.Combine(fonts, "Pretendard-Bold.ttf"));
        _typefaces[("NanumGothic", SKFontStyleWeight.Normal)] = SKTypeface.FromFile(Path.Combine(fonts, "NanumGothic.ttf"));
    }

    public SKTypeface GetTypeface(string family, SKFontStyleWeight weight) =>
        _typefaces.TryGetValue((family, weight), out var typeface)
            ? typeface
            : throw new ArgumentException($"test fonts have no {family} at weight {weight}");
}
