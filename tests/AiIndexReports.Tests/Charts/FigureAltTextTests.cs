using AiIndexReports.Charts;

namespace AiIndexReports.Tests.Charts;

/// <summary>The Korean description a screen reader reads instead of a chart: built from the numbers the chart draws.</summary>
public class FigureAltTextTests
{
    private static Figure Make(string title, FigureBody body, ChartAxis? x = null, ChartAxis? y = null, string? note = null) => new()
    {
        Id = "test", Title = title, Source = "자료: 시험", MetricIds = [], Body = body, Note = note,
        XAxis = x ?? ChartAxis.None, YAxis = y ?? ChartAxis.None,
    };

    [Fact]
    public void Bars_are_read_in_drawing_order_with_their_labels_and_the_axis_unit()
    {
        var figure = Make("국가별 주목할 만한 AI 모델 수(2024년)",
            new BarBody([new("미국", 39, "39"), new("중국", 10, "10"), new("한국", 1, "1", BarEmphasis.Korea)]),
            x: new ChartAxis("모델 수 (개)", AxisScale.Linear, 0, 45, []));

        Assert.Equal("국가별 주목할 만한 AI 모델 수(2024년): 미국 39개, 중국 10개, 한국 1개", FigureAltText.For(figure));
    }

    [Fact]
    public void A_label_that_carries_its_unit_keeps_it_and_intervals_are_read_out()
    {
        var figure = Make("연간 추론 가격 하락 배수",
            new BarBody([new("MMLU · GPT-3.5", 15.8, "16배", Low: 8.04, High: 31.12), new("점유율", 69.7, "69.7%")]),
            x: new ChartAxis("연간 가격 하락 배수 (배, 로그 축)", AxisScale.Log10, 1, 1000, []), note: "주: 오차 막대는 90% 신뢰구간");

        // The interval of a multiple in the bars' precision (whole from 1 up).
        Assert.Equal("연간 추론 가격 하락 배수: MMLU · GPT-3.5 16배(90% 신뢰구간 8~31배), 점유율 69.7%. 오차 막대는 90% 신뢰구간",
            FigureAltText.For(figure));
    }

    [Fact]
    public void Grouped_bars_are_read_group_by_group()
    {
        var figure = Make("연간 추론 가격 하락 배수",
            new BarBody([new("GPT-4o 수준", 851.16, "851배", Low: 6.18, High: 117290.31), new("GPT-3.5 수준", 15.83, "16배", BarEmphasis.Focus, 8.05, 31.11)],
                [new BarGroup("과학 추론(GPQA Diamond)", 0), new BarGroup("지식·언어 이해(MMLU)", 1)]),
            x: new ChartAxis("연간 가격 하락 배수 (배, 로그 축)", AxisScale.Log10, 0.1, 1e7, []));

        Assert.Equal("연간 추론 가격 하락 배수. 과학 추론(GPQA Diamond): GPT-4o 수준 851배(90% 신뢰구간 6~117,290배). "
            + "지식·언어 이해(MMLU): GPT-3.5 수준 16배(90% 신뢰구간 8~31배)", FigureAltText.For(figure));
    }

    [Fact]
    public void Lines_are_read_series_by_series_with_years_quarters_or_months()
    {
        var years = Make("모델 수 추이", new LineBody([new("미국", [new(2023, 75), new(2024, 39)], 0)], [], LegendCorner.UpperLeft),
            y: new ChartAxis("모델 수 (개)", AxisScale.Linear, 0, 80, []));
        var quarters = Make("MMLU 점수 추이", new LineBody([new("중국", [new(2023.75, 76.3), new(2024, 76.26)], 1)],
            [new Callout(2024, 76, 86, "2024년 말 격차 0.3%p")], LegendCorner.LowerRight), y: new ChartAxis("MMLU 점수 (%)", AxisScale.Linear, 20, 100, []));
        var months = Make("가격 추이", new LineBody([new("최저 가격 모델", [new(2022 + 10.5 / 12, 20, "GPT-3.5"), new(2024 + 9.5 / 12, 0.07, "Gemini")], 0)], [], LegendCorner.UpperRight),
            y: new ChartAxis("가격 (달러/백만 토큰, 로그 축)", AxisScale.Log10, 0.01, 100, []));

        Assert.Equal("모델 수 추이. 미국: 2023년 75개, 2024년 39개", FigureAltText.For(years));
        Assert.Equal("MMLU 점수 추이. 중국: 2023년 4분기 76.3%, 2024년 1분기 76.3%. 2024년 말 격차 0.3%p", FigureAltText.For(quarters));
        Assert.Equal("가격 추이. 최저 가격 모델: 2022년 11월 20달러/백만 토큰(GPT-3.5), 2024년 10월 0.07달러/백만 토큰(Gemini)", FigureAltText.For(months));
    }

    [Fact]
    public void A_placeholder_says_why_there_is_no_chart()
    {
        Assert.Equal("국가별 민간 AI 투자 규모: 자료 없음", FigureAltText.For(Make("국가별 민간 AI 투자 규모", new PlaceholderBody("자료 없음"))));
    }
}
