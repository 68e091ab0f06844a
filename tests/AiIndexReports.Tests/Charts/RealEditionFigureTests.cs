using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;
using AiIndexReports.Tests.Data;

namespace AiIndexReports.Tests.Charts;

/// <summary>The figures built from the real data in data/ through the Load and Compute stages.</summary>
public class RealEditionFigureTests
{
    private static readonly Lazy<FigureSet> Edition2025 = new(() => Build(2025));
    private static readonly Lazy<FigureSet> Edition2024 = new(() => Build(2024));

    private static FigureSet Build(int edition) =>
        FigureBuilder.Build(new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, edition)));

    [Fact]
    public void Edition_2025_draws_all_eight_figures_with_korea_at_one_model()
    {
        var set = Edition2025.Value;
        Assert.Empty(set.Diagnostics);
        Assert.DoesNotContain(set.Figures, f => f.IsPlaceholder);

        var bars = Assert.IsType<BarBody>(set["models_by_country"].Body).Bars;
        Assert.Equal(("미국", 40.0), (bars[0].Label, bars[0].Value)); // the published count, as the text states it
        var korea = Assert.Single(bars, b => b.Emphasis == BarEmphasis.Korea);
        Assert.Equal(("한국", 1.0), (korea.Label, korea.Value));

        var perCapita = Assert.IsType<BarBody>(set["patents_per_100k"].Body).Bars[0];
        Assert.Equal(("한국", 17.3), (perCapita.Label, perCapita.Value));
        var gaps = Assert.IsType<LineBody>(set["mmlu_gap"].Body).Callouts.Select(c => c.Text);
        // The brackets state the gap they span (the recounted scores); the printed 17.5%p and 0.3%p are in the text.
        Assert.Equal(["2023년 말 10.1%p", "2024년 말 0.9%p"], gaps);
        var prices = Assert.IsType<LineBody>(set["inference_price"].Body).Series[0].Points;
        Assert.Equal((20.0, 0.07), (prices[0].Y, prices[^1].Y));
    }

    [Fact]
    public void Edition_2024_has_no_inference_cost_so_those_figures_are_placeholders_with_warnings()
    {
        var set = Edition2024.Value;
        Assert.True(set["inference_price"].IsPlaceholder);
        Assert.True(set["price_decline"].IsPlaceholder);
        Assert.Contains(set.Diagnostics, d => d.Severity == Severity.Warning
            && d.Message.StartsWith("figure 'inference_price': metric 'cost.gpt35.series' is unavailable (", StringComparison.Ordinal));
        Assert.Contains(set.Diagnostics, d => d.Message.StartsWith("figure 'price_decline': metric 'cost.decline.rates' is unavailable (", StringComparison.Ordinal));
        Assert.False(set["models_by_country"].IsPlaceholder);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2024)]
    public void Real_figures_export_as_png_and_svg(int edition)
    {
        var set = edition == 2025 ? Edition2025.Value : Edition2024.Value;
        var renderer = new ChartRenderer(RepoTypefaces.Instance);
        foreach (var figure in set.Figures)
        {
            byte[] png = renderer.RenderPng(figure);
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            Assert.Equal(960, bitmap.Width);
            string svg = renderer.RenderSvg(figure);
            Assert.StartsWith("<?xml", svg);
            if (Environment.GetEnvironmentVariable("CHARTS_PREVIEW_DIR") is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllBytes(Path.Combine(dir, $"real{edition}-{figure.Id}.png"), png);
            }
        }
    }
}
