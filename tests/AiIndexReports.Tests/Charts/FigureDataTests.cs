using System.Text.RegularExpressions;
using AiIndexReports.Charts;
using static AiIndexReports.Tests.Charts.ChartTestData;

namespace AiIndexReports.Tests.Charts;

public class FigureDataTests
{
    private static readonly FigureSet Figures = FigureBuilder.Build(Edition2025());

    private static BarBody Bars(FigureSet set, string id) => Assert.IsType<BarBody>(set[id].Body);

    [Fact]
    public void Builds_the_eight_figures_in_order_without_warnings()
    {
        Assert.Equal(
            ["models_by_country", "models_trend", "patent_share", "patents_per_100k", "mmlu_gap", "inference_price", "price_decline", "private_investment"],
            Figures.Figures.Select(f => f.Id));
        Assert.Empty(Figures.Diagnostics);
        Assert.DoesNotContain(Figures.Figures, f => f.IsPlaceholder);
    }

    [Fact]
    public void Korea_bar_in_models_by_country_is_the_metric_value_and_highlighted()
    {
        var korea = Assert.Single(Bars(Figures, "models_by_country").Bars, b => b.Label == "한국");
        Assert.Equal(1, korea.Value);
        Assert.Equal("1", korea.ValueLabel);
        Assert.Equal(BarEmphasis.Korea, korea.Emphasis);

        var changed = FigureBuilder.Build(With(Number("models.by_country.KOR.count", 4)));
        Assert.Equal(4, Assert.Single(Bars(changed, "models_by_country").Bars, b => b.Label == "한국").Value);
    }

    [Fact]
    public void Country_bars_are_sorted_top_ten_plus_korea_without_the_european_aggregate()
    {
        var bars = Bars(Figures, "models_by_country").Bars;
        Assert.Equal(11, bars.Count);
        Assert.Equal(("미국", 39.0), (bars[0].Label, bars[0].Value));
        Assert.Equal(("중국", 10.0), (bars[1].Label, bars[1].Value));
        Assert.Equal("한국", bars[^1].Label);
        Assert.DoesNotContain(bars, b => b.Label is "유럽" or "EUR");
        Assert.Single(bars, b => b.Emphasis == BarEmphasis.Korea);
        Assert.Contains("models.by_country.KOR.count", Figures["models_by_country"].MetricIds);
        Assert.Equal("국가별 주목할 만한 AI 모델 수(2024년)", Figures["models_by_country"].Title);
    }

    [Fact]
    public void Per_capita_patents_read_only_country_values_not_ranks_or_previous_editions()
    {
        var bars = Bars(Figures, "patents_per_100k").Bars;
        Assert.Equal(["한국", "룩셈부르크", "중국", "미국"], bars.Select(b => b.Label));
        Assert.Equal([17.3, 15.3, 6.1, 5.2], bars.Select(b => b.Value));
        Assert.Equal("인구 10만 명당 AI 등록 특허 수(2023년)", Figures["patents_per_100k"].Title);
    }

    [Fact]
    public void Investment_is_shown_in_hundred_million_dollars_with_grouping_and_a_note_when_korea_is_absent()
    {
        var figure = Figures["private_investment"];
        var usa = Assert.IsType<BarBody>(figure.Body).Bars[0];
        Assert.Equal(("미국", "1,091"), (usa.Label, usa.ValueLabel));
        Assert.Equal(1091, usa.Value, precision: 6);
        Assert.Equal("투자액 (억 달러)", figure.XAxis.Title);
        Assert.Equal("주: 한국은 원자료에 값이 없음", figure.Note);
        Assert.Contains(figure.XAxis.Ticks, t => t.Label == "1,000");
    }

    [Fact]
    public void Price_decline_bars_carry_the_90_percent_interval_on_a_log_axis()
    {
        var figure = Figures["price_decline"];
        var gpt35 = Assert.Single(Assert.IsType<BarBody>(figure.Body).Bars, b => b.Label == "MMLU · GPT-3.5");
        Assert.Equal((15.83, 8.05, 31.11), (gpt35.Value, gpt35.Low!.Value, gpt35.High!.Value));
        Assert.Equal("15.8배", gpt35.ValueLabel);
        Assert.Equal(BarEmphasis.Focus, gpt35.Emphasis);
        Assert.Equal(AxisScale.Log10, figure.XAxis.Scale);
        Assert.Equal(["0.1", "1", "10", "100", "1,000", "1만", "10만", "100만", "1,000만", "1억"], figure.XAxis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Inference_price_has_dollar_decade_ticks_model_labels_and_the_fitted_trend()
    {
        var figure = Figures["inference_price"];
        Assert.Equal(["$0.01", "$0.1", "$1", "$10", "$100"], figure.YAxis.Ticks.Select(t => t.Label));
        Assert.Equal("가격 (달러/백만 토큰, 로그 축)", figure.YAxis.Title);
        var lines = Assert.IsType<LineBody>(figure.Body);
        var prices = lines.Series[0];
        Assert.True(prices.LabelPoints);
        Assert.Equal(("GPT-3.5", 20.0), (prices.Points[0].Label, prices.Points[0].Y));
        Assert.Equal(("Gemini-1.5-Flash-8B", 0.07), (prices.Points[^1].Label, prices.Points[^1].Y));
        Assert.Equal(LineStyleKind.Dashed, lines.Series[1].Style);
        Assert.Equal(0.061452, lines.Series[1].Points[^1].Y);
    }

    [Fact]
    public void Mmlu_gap_annotates_the_printed_gap_values_between_the_lines()
    {
        var lines = Assert.IsType<LineBody>(Figures["mmlu_gap"].Body);
        Assert.Equal(["미국", "중국"], lines.Series.Select(s => s.Name));
        Assert.Equal(["2023년 말 격차 17.5%p", "2024년 말 격차 0.3%p"], lines.Callouts.Select(c => c.Text));
        var end2023 = lines.Callouts[0];
        Assert.Equal((2023.75, 72.5, 90.0), (end2023.X, end2023.FromY, end2023.ToY));
        Assert.Equal(["2022", "2023", "2024"], Figures["mmlu_gap"].XAxis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Trend_years_are_printed_without_grouping()
    {
        var figure = Figures["models_trend"];
        Assert.Equal(["2014", "2016", "2018", "2020", "2022", "2024"], figure.XAxis.Ticks.Select(t => t.Label));
        Assert.Equal("주요국 주목할 만한 AI 모델 수 추이(2014~2024년)", figure.Title);
        var korea = Assert.Single(Assert.IsType<LineBody>(figure.Body).Series, s => s.Name == "한국");
        Assert.True(korea.Highlight);
    }

    [Fact]
    public void No_text_of_any_figure_prints_a_year_with_a_comma()
    {
        var texts = Figures.Figures.SelectMany(f => ChartRenderer.TextsOf(f, ChartFrame.Titled)).ToList();
        Assert.Contains(texts, t => t.Contains("2024"));
        Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"\b(1,9\d\d|2,0\d\d)\b"));
    }

    [Theory]
    [InlineData(2024, "2024")]
    [InlineData(2023.9999, "2024")]
    public void Years_have_no_group_separator(double year, string expected) => Assert.Equal(expected, NumberFormat.Year(year));

    [Theory]
    [InlineData(122511, 0, "122,511")]
    [InlineData(17.3, 2, "17.3")]
    [InlineData(10.26, 2, "10.26")]
    [InlineData(1250, 0, "1,250")]
    [InlineData(-0.01, 1, "0")]
    public void Numbers_are_grouped_without_trailing_zeros(double value, int decimals, string expected) =>
        Assert.Equal(expected, NumberFormat.Number(value, decimals));

    [Theory]
    [InlineData(0.01, "$0.01")]
    [InlineData(0.1, "$0.1")]
    [InlineData(1, "$1")]
    [InlineData(1000, "$1,000")]
    public void Dollar_ticks_read_naturally(double value, string expected) => Assert.Equal(expected, NumberFormat.Dollars(value));
}

public class PatentShareBreakdownTests
{
    [Fact]
    public void The_printed_breakdown_with_aggregates_is_preferred_over_per_country_shares()
    {
        static Dictionary<string, object?> Row(string geography, string? iso3, string nameKo, double value) =>
            new() { ["geography"] = geography, ["iso3"] = iso3, ["name_ko"] = nameKo, ["value"] = value };
        var set = FigureBuilder.Build(ChartTestData.With(ChartTestData.Rows("patents.share.breakdown",
            Row("China", "CHN", "중국", 61.13), Row("United States", "USA", "미국", 20.9), Row("EU + UK", null, "EU·영국", 2.03),
            Row("India", "IND", "인도", 0.23), Row("Rest of world", null, "기타", 15.71))));

        var bars = Assert.IsType<BarBody>(set["patent_share"].Body).Bars;
        Assert.Equal(["중국", "미국", "기타", "EU·영국", "인도"], bars.Select(b => b.Label));
        Assert.Equal(["61.1%", "20.9%", "15.7%", "2%", "0.2%"], bars.Select(b => b.ValueLabel));
        Assert.Contains("patents.share.breakdown", set["patent_share"].MetricIds);
        Assert.Empty(set.Diagnostics);
    }
}
