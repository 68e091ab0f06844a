using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// cost.*: how fast the price of a given capability fell, from Epoch's cheapest-model-above-threshold series and its
/// fitted decline rates. An edition gets these only when it reports inference cost (its indicators print the figures);
/// the Epoch tables themselves are not edition-specific.
/// </summary>
internal static class CostMetrics
{
    // "GPT-3.5 level" as the AI Index defines it: MMLU score of at least 64.8.
    private const string Benchmark = "MMLU";
    private const double Threshold = 64.8;
    private const double DaysPerMonth = 365.25 / 12;
    private const string PricedIndicator = "inference_price_gpt35_level_mmlu";

    public static IEnumerable<Metric> Compute(Dataset dataset, EditionIndicators indicators) =>
        [.. Gpt35Level(dataset, indicators), .. DeclineRates(dataset, indicators)];

    private static IEnumerable<Metric> Gpt35Level(Dataset dataset, EditionIndicators indicators)
    {
        var y = dataset.Edition.MeasuredYear;
        var points = dataset.CheapestPrices
            .Where(p => p.Benchmark == Benchmark && p.ThresholdMinScore == Threshold && p.PriceDate.Year <= y)
            .OrderBy(p => p.PriceDate).ToList();
        var printed = indicators.Current(PricedIndicator);
        NotComputable? why = printed.Count == 0
            ? indicators.Missing(PricedIndicator)
            : ReleasedAfter(dataset, dataset.CheapestPrices.FirstOrDefault()?.Source.File)
              ?? EndsBefore(dataset.CheapestPrices.Select(p => p.PriceDate), y, "the Epoch AI cheapest-price table", "Epoch AI 최저 추론 가격표")
              ?? (points.Count < 2 ? NotComputable.TooFewPoints($"cheapest price at {Benchmark} ≥ {Threshold} up to {y}", points.Count, 2, "GPT-3.5 수준 최저 추론 가격") : null);

        const string seriesText = "Epoch AI의 'MMLU 64.8점(GPT-3.5 수준) 이상 모델 중 가장 싼 가격' 계열(입력·출력 토큰 3:1 가중 평균, 백만 토큰당 달러)";
        const string usd = "달러/백만 토큰";
        var first = points.FirstOrDefault();
        var last = points.LastOrDefault();
        var both = () => new[] { first!.Source, last!.Source };
        (MetricSpec Spec, Func<MetricSpec, Metric> Make)[] defs =
        [
            (new("cost.gpt35.start_price", "GPT-3.5 수준 추론 비용(시작)", usd, $"{seriesText}의 첫 자료점 가격"),
                s => s.Number(first!.UsdPerMillionTokens, [first.Source])),
            (new("cost.gpt35.end_price", "GPT-3.5 수준 추론 비용(최근)", usd, $"{seriesText}의 측정 연도까지 마지막 자료점 가격"),
                s => s.Number(last!.UsdPerMillionTokens, [last.Source])),
            (new("cost.gpt35.start_date", "GPT-3.5 수준 추론 비용 시작일", "", "첫 자료점의 가격 기준일(yyyy-MM-dd)"),
                s => s.Text(Iso(first!.PriceDate), [first.Source])),
            (new("cost.gpt35.end_date", "GPT-3.5 수준 추론 비용 최근일", "", "마지막 자료점의 가격 기준일(yyyy-MM-dd)"),
                s => s.Text(Iso(last!.PriceDate), [last.Source])),
            (new("cost.gpt35.start_model", "GPT-3.5 수준 최저가 모델(시작)", "", "첫 자료점에서 가장 싼 모델"),
                s => s.Text(ModelName(first!.Model), [first.Source])),
            (new("cost.gpt35.end_model", "GPT-3.5 수준 최저가 모델(최근)", "", "마지막 자료점에서 가장 싼 모델"),
                s => s.Text(ModelName(last!.Model), [last.Source])),
            (new("cost.gpt35.factor", "GPT-3.5 수준 추론 비용 하락 배수", "배", "시작 가격 ÷ 최근 가격"),
                s => s.Number(Calc.Divide(first!.UsdPerMillionTokens, last!.UsdPerMillionTokens, "latest cheapest price"), both())),
            (new("cost.gpt35.months", "GPT-3.5 수준 추론 비용 하락 기간", "개월", "두 가격 기준일 사이의 일수 ÷ 30.4375(=365.25 ÷ 12), 소수 개월"),
                s => s.Number(Months(first!, last!), both())),
            (new("cost.gpt35.annual_factor", "GPT-3.5 수준 추론 비용의 연간 하락 배수", "배",
                    "(시작 가격 ÷ 최근 가격)^(12 ÷ 경과 개월 수): 같은 속도로 1년 동안 떨어졌을 때의 배수"),
                s => s.Number(last!.UsdPerMillionTokens == 0
                    ? Calc.Fail(NotComputable.DivisionByZero("latest cheapest price"))
                    : Growth.AnnualisedFactor(first!.UsdPerMillionTokens / last.UsdPerMillionTokens, Months(first, last), "cheapest price series"), both())),
            (new("cost.gpt35.series", "GPT-3.5 수준 최저 추론 비용 추이", usd, $"{seriesText}의 자료점(X: 가격 기준일의 소수 연도, 이름: 모델, 주: 기준일)"),
                s => s.Series(points.Select(p => new SeriesPoint(DecimalYear(p.PriceDate), ModelName(p.Model), p.UsdPerMillionTokens, Iso(p.PriceDate)) { At = p.Source with { Column = 0 } }).ToList(),
                    points.Select(p => p.Source), "cheapest price series")),
            (new("cost.gpt35.trend", "GPT-3.5 수준 추론 비용 추세선(Epoch AI 적합값)", usd,
                    "같은 자료점에서 Epoch AI가 로그-선형 회귀로 적합한 가격(fitted_trend_price_usd_per_1m)"),
                s => s.Series(points.Select(p => new SeriesPoint(DecimalYear(p.PriceDate), ModelName(p.Model), p.FittedTrendUsdPerMillionTokens, Iso(p.PriceDate)) { At = p.Source with { Column = 0 } }).ToList(),
                    points.Select(p => p.Source), "fitted trend series")),
        ];
        foreach (var (spec, make) in defs)
            yield return why is null ? make(spec) : spec.Unavailable(why);
    }

    private static double Months(CheapestPricePoint first, CheapestPricePoint last) =>
        (last.PriceDate.DayNumber - first.PriceDate.DayNumber) / DaysPerMonth;

    private static IEnumerable<Metric> DeclineRates(Dataset dataset, EditionIndicators indicators)
    {
        var printedLow = indicators.Current("inference_price_decline_range_low").FirstOrDefault();
        var printedHigh = indicators.Current("inference_price_decline_range_high").FirstOrDefault();
        var rates = dataset.DeclineRates;
        var min = rates.Count == 0 ? null : rates.MinBy(r => r.FactorPerYear);
        var max = rates.Count == 0 ? null : rates.MaxBy(r => r.FactorPerYear);
        NotComputable? why = printedLow is null && printedHigh is null
            ? indicators.Missing("inference_price_decline_range_low")
            : rates.Count == 0 ? NotComputable.NoRows("Epoch AI price decline rates (llm_inference_price_decline_rates.csv)", "Epoch AI 연간 추론 가격 하락 배수")
            : ReleasedAfter(dataset, rates[0].Source.File)
              ?? EndsBefore(rates.Select(r => r.EndDate), dataset.Edition.MeasuredYear, "the Epoch AI price decline rate table", "Epoch AI 연간 추론 가격 하락 배수표");

        const string rateText = "Epoch AI가 벤치마크·기준 모델 점수별로 가격 자료점에 로그-선형 회귀를 적합해 구한 연간 가격 하락 배수";
        const string thresholdText = "성능 기준이 된 모델(이 모델 점수 이상인 모델들의 가격을 봄)";
        const string rowsText = $"{rateText}. 행: 벤치마크, 기준 모델, 기준 점수, 연간 배수, 90% 신뢰구간 하한·상한. 배수 내림차순";
        (MetricSpec Spec, Func<MetricSpec, Metric> Make)[] defs =
        [
            (new("cost.decline.min", "연간 추론 가격 하락 배수(최저)", "배", $"{rateText} 가운데 가장 작은 값"),
                s => s.Number(min!.FactorPerYear, [min.Source]) with { Interval = IntervalOf(min) }),
            (new("cost.decline.max", "연간 추론 가격 하락 배수(최고)", "배", $"{rateText} 가운데 가장 큰 값"),
                s => s.Number(max!.FactorPerYear, [max.Source]) with { Interval = IntervalOf(max) }),
            (new("cost.decline.min_benchmark", "연간 추론 가격 하락 배수가 가장 작은 벤치마크", "", "최저 하락 배수를 보인 벤치마크(data/names.toml의 한국어 이름)"),
                s => s.Text(dataset.Names.Benchmark(min!.Benchmark).Korean, [min.Source])),
            (new("cost.decline.max_benchmark", "연간 추론 가격 하락 배수가 가장 큰 벤치마크", "", "최고 하락 배수를 보인 벤치마크(data/names.toml의 한국어 이름)"),
                s => s.Text(dataset.Names.Benchmark(max!.Benchmark).Korean, [max.Source])),
            (new("cost.decline.min_threshold_model", "최저 하락 배수의 기준 모델", "", $"최저 하락 배수의 {thresholdText}"),
                s => s.Text(min!.ThresholdModel, [min.Source])),
            (new("cost.decline.max_threshold_model", "최고 하락 배수의 기준 모델", "", $"최고 하락 배수의 {thresholdText}"),
                s => s.Text(max!.ThresholdModel, [max.Source])),
            (new("cost.decline.rates", "벤치마크별 연간 추론 가격 하락 배수", "배", rowsText),
                s => s.Rows(rates.OrderByDescending(r => r.FactorPerYear).ThenBy(r => r.Benchmark, StringComparer.Ordinal)
                        .Select(r => Row(("benchmark", r.Benchmark), ("benchmark_ko", dataset.Names.Benchmark(r.Benchmark).Korean),
                            ("family", dataset.Names.Benchmark(r.Benchmark).Family), ("threshold_model", r.ThresholdModel),
                            ("threshold_score", r.ThresholdMinScore), ("threshold_label", ThresholdLabel(r)),
                            ("factor", r.FactorPerYear), ("ci_low", r.Ci90Low), ("ci_high", r.Ci90High), ("points", r.PricePoints))).ToList(),
                    rates.Select(r => r.Source), "price decline rates")),
            // The rate of the series the GPT-3.5-level price figure draws: the figure of rates highlights it, the text quotes it.
            (new("cost.gpt35.fitted_factor", "GPT-3.5 수준 추론 가격의 연간 하락 배수(Epoch AI 추정)", "배",
                    $"{rateText} 가운데 MMLU 64.8점(GPT-3.5 수준) 이상 기준의 값"),
                s => rates.FirstOrDefault(r => r.Benchmark == Benchmark && r.ThresholdMinScore == Threshold) is { } gpt35
                    ? s.Number(gpt35.FactorPerYear, [gpt35.Source]) with { Interval = IntervalOf(gpt35) }
                    : s.Unavailable(NotComputable.NoRows($"a decline rate for {Benchmark} ≥ {Threshold}", "GPT-3.5 수준(MMLU 64.8점 이상)의 연간 하락 배수"))),
        ];
        foreach (var (spec, make) in defs)
            yield return why is null ? make(spec) : spec.Unavailable(why);

        const string printedFormula = "AI 인덱스가 본문에 적은 연간 가격 하락 범위(반올림된 값)";
        yield return printedLow is null
            ? Unavailable("cost.decline.printed_low", "AI 인덱스 발표 연간 가격 하락 범위(하한)", "배", printedFormula,
                indicators.Missing("inference_price_decline_range_low"))
            : Number("cost.decline.printed_low", "AI 인덱스 발표 연간 가격 하락 범위(하한)", "배", printedFormula, printedLow.Value, [printedLow.Location]);
        yield return printedHigh is null
            ? Unavailable("cost.decline.printed_high", "AI 인덱스 발표 연간 가격 하락 범위(상한)", "배", printedFormula,
                indicators.Missing("inference_price_decline_range_high"))
            : Number("cost.decline.printed_high", "AI 인덱스 발표 연간 가격 하락 범위(상한)", "배", printedFormula, printedHigh.Value, [printedHigh.Location]);
    }

    /// <summary>
    /// A model as readers know it, from Epoch's hyphenated id: "GPT-3.5-Turbo-2023-11" → "GPT-3.5 Turbo(2023.11)",
    /// "Gemini-1.5-Flash-8B" → "Gemini 1.5 Flash 8B", "Claude-3-Haiku" → "Claude 3 Haiku" ("GPT-" keeps its hyphen).
    /// </summary>
    internal static string ModelName(string id)
    {
        var name = System.Text.RegularExpressions.Regex.Replace(id.Trim(), @"-(\d{4})-(\d{2})$", "($1.$2)");
        return System.Text.RegularExpressions.Regex.Replace(name, @"(?<!GPT)-(?=[A-Za-z0-9])", " ");
    }

    /// <summary>
    /// "GPT-4o 수준(53점 이상)": the threshold as a reader knows it, the model without its version date
    /// ("GPT-4o-2024-05" → "GPT-4o", "GPT-4-0314" → "GPT-4", "Claude-3.5-Sonnet-2024-06" → "Claude 3.5 Sonnet").
    /// </summary>
    internal static string ThresholdLabel(PriceDeclineRate rate)
    {
        var model = System.Text.RegularExpressions.Regex.Replace(rate.ThresholdModel, @"-(\d{4}(-\d{2}){0,2}|\d{4})$", "");
        model = System.Text.RegularExpressions.Regex.Replace(model, @"(?<!GPT)-(?=[A-Za-z0-9])", " ");
        return $"{model} 수준({rate.ThresholdMinScore.ToString("#,0.#", CultureInfo.InvariantCulture)}점 이상)";
    }

    /// <summary>Epoch's 90% interval of a fitted rate and the number of price points it rests on.</summary>
    private static MetricInterval IntervalOf(PriceDeclineRate rate) =>
        new(rate.Ci90Low, rate.Ci90High, 90, $"가격 자료점 {rate.PricePoints.ToString(CultureInfo.InvariantCulture)}개");

    /// <summary>
    /// A table whose last date is before the end of the measured year cannot speak for that year: an edition newer than
    /// the Epoch export gets "not computable" (and the brief the AI Index's printed prices), never last year's trend.
    /// </summary>
    private static NotComputable? EndsBefore(IEnumerable<DateOnly> dates, int year, string table, string tableKo)
    {
        var last = dates.DefaultIfEmpty().Max();
        return last != default && last < new DateOnly(year, 12, 31) ? NotComputable.CoverageEnds(table, tableKo, last, year) : null;
    }

    /// <summary>A table released after the brief's date (edition.toml `released`) cannot be used (vintage rule).</summary>
    private static NotComputable? ReleasedAfter(Dataset dataset, string? file)
    {
        var table = dataset.Tables.FirstOrDefault(t => t.File == file);
        if (dataset.Edition.PublicationDate is not { } cutoff || table is not { ReleaseDeclared: true, Credit.Released: { } released } || released <= cutoff)
            return null;
        return NotComputable.ReleasedAfter($"{table.File} ({table.Credit.Line})", $"{table.Credit.Line} 자료는", released, cutoff);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double DecimalYear(DateOnly date) =>
        date.Year + (date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365);
}
