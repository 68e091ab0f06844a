namespace AiIndexReports.Charts;

/// <summary>
/// The fixed part of a figure: id (templates refer to it), Korean title ("{year}" is filled from the data),
/// axis titles with units and the metric ids it reads ("{C}" = any country code present in the metrics). The source line
/// is not here: it is made from the credits of the metrics the figure draws (edition.toml, data/indicators.toml).
/// </summary>
public sealed record FigureSpec(string Id, string Title, string XTitle, string YTitle, IReadOnlyList<string> MetricIds);

/// <summary>The eight figures of a brief, in reading order.</summary>
public static class FigureSpecs
{
    public static FigureSpec ModelsByCountry { get; } = new(
        "models_by_country", "국가별 주목할 만한 AI 모델 수({year}년)", "모델 수 (개)", "",
        ["models.aiindex.{C}.count", "models.by_country.{C}.count"]);

    public static FigureSpec ModelsTrend { get; } = new(
        "models_trend", "주요국 주목할 만한 AI 모델 수 추이({year}년)", "연도", "모델 수 (개)",
        ["models.series.USA", "models.series.CHN", "models.series.EUR", "models.series.KOR"]);

    public static FigureSpec PatentShare { get; } = new(
        "patent_share", "국가별 AI 등록 특허 점유율({year}년)", "세계 등록 특허 중 점유율 (%)", "",
        ["patents.share.{C}", "patents.world.latest_year"]);

    public static FigureSpec PatentsPer100k { get; } = new(
        "patents_per_100k", "인구 10만 명당 AI 등록 특허 수({year}년)", "인구 10만 명당 특허 수 (건)", "",
        ["patents.per_100k.{C}", "patents.world.latest_year"]);

    public static FigureSpec MmluGap { get; } = new(
        "mmlu_gap", "미·중 최고 모델의 MMLU 점수 추이", "출시 분기", "MMLU 점수 (%)",
        ["gap.mmlu.quarterly.USA", "gap.mmlu.quarterly.CHN", "gap.mmlu.start", "gap.mmlu.end"]);

    public static FigureSpec InferencePrice { get; } = new(
        "inference_price", "GPT-3.5 수준(MMLU 64.8점 이상) 최저 추론 가격 추이", "모델 공개 시점", "가격 (달러/100만 토큰, 로그 축)",
        ["cost.gpt35.series", "cost.gpt35.trend"]);

    public static FigureSpec PriceDecline { get; } = new(
        "price_decline", "벤치마크 성능 수준별 연간 추론 가격 하락 배수", "연간 가격 하락 배수 (배, 로그 축)", "",
        ["cost.decline.rates"]);

    public static FigureSpec PrivateInvestment { get; } = new(
        "private_investment", "국가별 민간 AI 투자 규모({year}년)", "투자액 (억 달러)", "",
        ["invest.private.{C}", "invest.private.ranking"]);

    public static IReadOnlyList<FigureSpec> All { get; } =
        [ModelsByCountry, ModelsTrend, PatentShare, PatentsPer100k, MmluGap, InferencePrice, PriceDecline, PrivateInvestment];
}
