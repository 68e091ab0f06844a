using System.Text.RegularExpressions;
using AiIndexReports.Metrics;
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

        var changed = FigureBuilder.Build(With(Number("models.aiindex.KOR.count", 4)));
        Assert.Equal(4, Assert.Single(Bars(changed, "models_by_country").Bars, b => b.Label == "한국").Value);
    }

    [Fact]
    public void Models_by_country_draws_the_published_counts_and_credits_only_the_report()
    {
        // The brief's one set of headline numbers: 40 and 15 as printed, not the recount's 39 and 10.
        var figure = Figures["models_by_country"];
        var bars = Bars(Figures, "models_by_country").Bars;
        Assert.Equal([("미국", 40.0), ("중국", 15.0), ("프랑스", 3.0)], bars.Take(3).Select(b => (b.Label, b.Value)));
        Assert.Equal(7, bars.Count);
        Assert.Equal("한국", bars[^1].Label);
        Assert.DoesNotContain(bars, b => b.Label is "유럽" or "EUR");
        Assert.Single(bars, b => b.Emphasis == BarEmphasis.Korea);
        Assert.Equal("국가별 주목할 만한 AI 모델 수(2024년)", figure.Title);
        Assert.Equal("자료: Stanford HAI(2025), AI Index Report 2025", figure.Source);
        Assert.DoesNotContain("models.by_country.USA.count", figure.MetricIds);
    }

    [Fact]
    public void Country_bars_of_the_recount_when_the_report_prints_no_country_counts_say_so()
    {
        var set = FigureBuilder.Build(new MetricSet(2025, 2024, Edition2025Metrics().Where(m => !m.Id.StartsWith("models.aiindex.", StringComparison.Ordinal))));
        var bars = Bars(set, "models_by_country").Bars;
        Assert.Equal(11, bars.Count); // top ten plus Korea
        Assert.Equal([("미국", 39.0), ("중국", 10.0)], bars.Take(2).Select(b => (b.Label, b.Value)));
        Assert.Equal("한국", bars[^1].Label);
        Assert.Equal("국가별 주목할 만한 AI 모델 수(2024년, Epoch AI 재집계)", set["models_by_country"].Title);
        Assert.Equal("자료: Epoch AI(2025), Notable AI Models", set["models_by_country"].Source);
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
    public void Price_decline_bars_carry_the_90_percent_interval_on_a_log_axis_fitted_to_the_data()
    {
        var figure = Figures["price_decline"];
        var body = Assert.IsType<BarBody>(figure.Body);
        var gpt35 = Assert.Single(body.Bars, b => b.Label == "GPT-3.5 수준(64.8점 이상)");
        Assert.Equal((15.83, 8.05, 31.11), (gpt35.Value, gpt35.Low!.Value, gpt35.High!.Value));
        // One precision for the quantity: whole multiples (the text says "약 16배" for the same estimate).
        Assert.Equal("16배", gpt35.ValueLabel);
        Assert.All(body.Bars, b => Assert.Matches(@"^[\d,]+배$", b.ValueLabel));
        Assert.Equal(BarEmphasis.Focus, gpt35.Emphasis);
        Assert.Equal(AxisScale.Log10, figure.XAxis.Scale);
        // The widest interval ends near 4백만: the axis stops at the next decade (1,000만), not two decades later.
        Assert.Equal(["0.1", "1", "10", "100", "1,000", "1만", "10만", "100만", "1,000만"], figure.XAxis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Price_decline_bars_are_grouped_by_benchmark_family_fastest_first_with_korean_titles()
    {
        var body = Assert.IsType<BarBody>(Figures["price_decline"].Body);
        Assert.Equal(["과학 추론(GPQA Diamond)", "수학(MATH)", "사용자 선호(챗봇 아레나)", "코딩(HumanEval)", "지식·언어 이해(MMLU)"],
            body.GroupList.Select(g => g.Title));
        // A family of two benchmarks names the benchmark on its rows; a family of one does not.
        Assert.Equal("MATH 5단계 · GPT-4o-2024-05 수준", body.Bars[body.GroupList[1].First].Label);
        Assert.Equal("GPT-4o-2024-05 수준", body.Bars[0].Label);
        Assert.Equal([851.16, 251.16, 46.25, 42.02], body.Bars.Take(4).Select(b => b.Value));
        Assert.Equal(21 + 5, body.Rows);
        Assert.Equal(1, body.RowOf(0));
        Assert.Equal(6, body.RowOf(4)); // after the first group's four bars and the second group's title
    }

    [Fact]
    public void Inference_price_has_plain_decade_ticks_in_dollars_model_labels_and_the_fitted_trend()
    {
        var figure = Figures["inference_price"];
        Assert.Equal(["0.01", "0.1", "1", "10", "100"], figure.YAxis.Ticks.Select(t => t.Label));
        Assert.Equal("가격 (달러/100만 토큰, 로그 축)", figure.YAxis.Title);
        var lines = Assert.IsType<LineBody>(figure.Body);
        var prices = lines.Series[0];
        Assert.True(prices.LabelPoints);
        Assert.Equal(("GPT-3.5", 20.0), (prices.Points[0].Label, prices.Points[0].Y));
        Assert.Equal(("Gemini-1.5-Flash-8B", 0.07), (prices.Points[^1].Label, prices.Points[^1].Y));
        Assert.Equal(LineStyleKind.Dashed, lines.Series[1].Style);
        Assert.Equal(0.061452, lines.Series[1].Points[^1].Y);
    }

    [Fact]
    public void Mmlu_gap_brackets_span_and_state_the_plotted_gap()
    {
        var lines = Assert.IsType<LineBody>(Figures["mmlu_gap"].Body);
        Assert.Equal(["미국", "중국"], lines.Series.Select(s => s.Name));
        // At the periods the report prints its gap for; the value is the gap drawn (92.3 − 88.5), not the printed 0.3.
        Assert.Equal(["2023년 말 17.5%p", "2024년 말 3.8%p"], lines.Callouts.Select(c => c.Text));
        Assert.Equal((2023.75, 72.5, 90.0), (lines.Callouts[0].X, lines.Callouts[0].FromY, lines.Callouts[0].ToY));
        Assert.Equal((2024.75, 88.5, 92.3), (lines.Callouts[1].X, lines.Callouts[1].FromY, lines.Callouts[1].ToY));
        Assert.Equal(["2022", "2023", "2024"], Figures["mmlu_gap"].XAxis.Ticks.Select(t => t.Label));
        Assert.Contains("AI 인덱스가 발표한 격차와 다름", Figures["mmlu_gap"].Note);
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

    // Price ticks are plain numbers: the unit (달러, as the text writes it) is in the axis title.
    [Theory]
    [InlineData(0.01, "0.01")]
    [InlineData(0.1, "0.1")]
    [InlineData(1, "1")]
    [InlineData(1000, "1,000")]
    [InlineData(100000, "10만")]
    public void Decade_ticks_read_naturally(double value, string expected) => Assert.Equal(expected, NumberFormat.Multiple(value));
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
        Assert.Equal(["61.1%", "20.9%", "15.7%", "2.0%", "0.2%"], bars.Select(b => b.ValueLabel));
        Assert.Contains("patents.share.breakdown", set["patent_share"].MetricIds);
        Assert.Empty(set.Diagnostics);
    }
}
