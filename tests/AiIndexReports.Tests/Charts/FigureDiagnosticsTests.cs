using AiIndexReports.Charts;
using AiIndexReports.Metrics;
using static AiIndexReports.Tests.Charts.ChartTestData;

namespace AiIndexReports.Tests.Charts;

public class FigureDiagnosticsTests
{
    [Fact]
    public void Trend_with_empty_and_one_point_series_becomes_a_placeholder_with_warnings_naming_figure_and_metrics()
    {
        var set = FigureBuilder.Build(WithoutKoreaSeries(With(
            Series("models.series.USA", new SeriesPoint(2024, "2024", 39)),
            Series("models.series.CHN"),
            Unavailable("models.series.EUR"))));

        var figure = set["models_trend"];
        Assert.Equal("자료 없음", Assert.IsType<PlaceholderBody>(figure.Body).Message);
        Assert.Equal(["주요국 주목할 만한 AI 모델 수 추이", "자료: Epoch AI(2025), Notable AI Models", "자료 없음"],
            ChartRenderer.TextsOf(figure, ChartFrame.Titled));

        var messages = set.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.All(set.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains("warning: figure 'models_trend': metric 'models.series.USA' has 1 point(s); a line needs two, so it is left out", messages);
        Assert.Contains("warning: figure 'models_trend': metric 'models.series.CHN' has 0 point(s); a line needs two, so it is left out", messages);
        Assert.Contains("warning: figure 'models_trend': metric 'models.series.EUR' is unavailable (not computable: no input)", messages);
        Assert.Contains("warning: figure 'models_trend': metric 'models.series.KOR' is missing", messages);
        Assert.Contains(messages, m => m.StartsWith("warning: figure 'models_trend': not enough data to draw", StringComparison.Ordinal));
    }

    private static MetricSet WithoutKoreaSeries(MetricSet metrics) =>
        new(metrics.Edition, metrics.MeasuredYear, metrics.All.Where(m => m.Id != "models.series.KOR"));

    [Fact]
    public void Missing_price_series_gives_a_placeholder_and_a_warning_naming_the_metric()
    {
        var set = FigureBuilder.Build(Without("cost.gpt35.series"));
        Assert.True(set["inference_price"].IsPlaceholder);
        Assert.Contains(set.Diagnostics, d => d.Message == "figure 'inference_price': metric 'cost.gpt35.series' is missing");
        Assert.False(set["models_by_country"].IsPlaceholder);
    }

    [Fact]
    public void Zero_price_on_the_log_axis_is_reported_by_figure_and_point_and_left_out()
    {
        var set = FigureBuilder.Build(With(Series("cost.gpt35.series",
            new SeriesPoint(2022.915, "GPT-3.5", 20), new SeriesPoint(2023.178, "GPT-3.5 Turbo", 2),
            new SeriesPoint(2024.756, "Gemini-1.5-Flash-8B", 0))));

        var warning = Assert.Single(set.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("figure 'inference_price': point 'Gemini-1.5-Flash-8B' (x = 2024.756) of 'cost.gpt35.series' has value 0; "
            + "a log axis cannot show zero or negative values, so the point is left out", warning.Message);
        var prices = Assert.IsType<LineBody>(set["inference_price"].Body).Series[0];
        Assert.Equal(["GPT-3.5", "GPT-3.5 Turbo"], prices.Points.Select(p => p.Label));
    }

    [Fact]
    public void Negative_decline_factor_is_reported_by_figure_and_row()
    {
        var set = FigureBuilder.Build(With(Rows("cost.decline.rates",
            new() { ["benchmark"] = "MMLU", ["threshold_model"] = "GPT-3", ["factor"] = -2.0, ["ci_low"] = 1.0, ["ci_high"] = 3.0 },
            new() { ["benchmark"] = "MMLU", ["threshold_model"] = "GPT-3.5", ["factor"] = 15.83, ["ci_low"] = 8.05, ["ci_high"] = 31.11 },
            new() { ["benchmark"] = "HumanEval", ["threshold_model"] = "GPT-4-0314", ["factor"] = 36.82, ["ci_low"] = 0.0, ["ci_high"] = 94.55 })));

        var messages = set.Diagnostics.Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("figure 'price_decline': point 'MMLU · GPT-3' has factor -2 in 'cost.decline.rates'", messages[0]);
        Assert.StartsWith("figure 'price_decline': point 'HumanEval · GPT-4-0314' has a 90% interval [0, 94.55]", messages[1]);
        var bars = Assert.IsType<BarBody>(set["price_decline"].Body).Bars;
        // Each benchmark its own family here (no names table rows given): rows name only the threshold.
        Assert.Equal(["GPT-4-0314", "GPT-3.5"], bars.Select(b => b.Label));
        Assert.Null(bars[0].Low);
    }

    [Fact]
    public void Country_bars_with_a_single_country_become_a_placeholder()
    {
        var set = FigureBuilder.Build(Without("patents.share.USA"));
        Assert.True(set["patent_share"].IsPlaceholder);
        Assert.Contains(set.Diagnostics, d => d.Message.StartsWith("figure 'patent_share': not enough data to draw (fewer than two countries with 'patents.share.{C}')", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_year_drops_the_year_from_the_title()
    {
        var set = FigureBuilder.Build(Without("patents.world.latest_year"));
        Assert.Equal("국가별 AI 등록 특허 점유율", set["patent_share"].Title);
        Assert.Contains(set.Diagnostics, d => d.Message == "figure 'patent_share': metric 'patents.world.latest_year' is missing");
    }
}
