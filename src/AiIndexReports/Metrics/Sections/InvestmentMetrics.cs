using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>invest.* and vibrancy.*: private AI investment by country and the Global AI Vibrancy Tool ranking, as printed.</summary>
internal static class InvestmentMetrics
{
    private static readonly string[] AlwaysReported = ["CHN", "KOR", "USA"];

    public static IEnumerable<Metric> Compute(Dataset dataset, EditionIndicators indicators) =>
        [.. Investment(dataset.Edition.MeasuredYear, indicators), .. Vibrancy(indicators)];

    private static IEnumerable<Metric> Investment(int y, EditionIndicators indicators)
    {
        const string indicator = "private_ai_investment";
        var rows = IndicatorRows.ByIso3(indicators.Current(indicator).Where(i => i.Period == Year(y)));
        var ranked = Ranking.Descending(rows.Values, i => i.Value, i => RegionNames.Country(i.Iso3!));
        const string formula = "AI 인덱스(Quid 자료)가 발표한 측정 연도의 국가별 민간 AI 투자액(10억 달러)";

        foreach (var code in rows.Keys.Union(AlwaysReported).Order(StringComparer.Ordinal))
        {
            var spec = new MetricSpec($"invest.private.{code}", $"민간 AI 투자액({RegionNames.Country(code)})", "10억 달러", formula);
            yield return rows.TryGetValue(code, out var row)
                ? spec.Number(row.Value, [row.Location])
                : spec.Unavailable(indicators.Missing(indicator, $"{code}, {y}", $"{RegionNames.Country(code)}, {y}년"));
        }

        yield return new MetricSpec("invest.private.ranking", "국가별 민간 AI 투자액 순위", "10억 달러",
                "AI 인덱스(Quid 자료)가 발표한 측정 연도의 국가별 민간 AI 투자액(10억 달러)을 큰 순서로 나열(발표된 국가 사이의 순위, 같은 값은 공동 순위). 행: 국가 코드, 국가명, 투자액, 순위")
            .Rows(ranked.Select(r => Row(("iso3", r.Item.Iso3), ("name_ko", RegionNames.Country(r.Item.Iso3!)), ("value", r.Value), ("rank", r.Rank))).ToList(),
                rows.Values.Select(i => i.Location), $"{indicator} rows for {y} in edition {indicators.Edition}");

        var multiple = new MetricSpec("invest.private.us_china_multiple", "중국 대비 미국 민간 AI 투자액 배수", "배", "미국 민간 AI 투자액 ÷ 중국 민간 AI 투자액");
        yield return rows.TryGetValue("USA", out var usa) && rows.TryGetValue("CHN", out var chn)
            ? multiple.Number(Growth.Multiple(usa.Value, chn.Value, $"{indicator} China {y}"), [usa.Location, chn.Location])
            : multiple.Unavailable(indicators.Missing(indicator, $"USA and CHN, {y}", $"미국·중국, {y}년"));
    }

    /// <summary>
    /// The Vibrancy Tool has its own releases: the newest one published by the brief's date is used (a brief of April
    /// cannot quote the November update), whatever year it measures; vibrancy.period says which.
    /// </summary>
    private static IEnumerable<Metric> Vibrancy(EditionIndicators indicators)
    {
        var (latestRanks, earlierRanks) = indicators.LatestReleases("global_ai_vibrancy_rank");
        var ranks = IndicatorRows.ByIso3(latestRanks);
        var release = latestRanks.FirstOrDefault()?.ReportEdition;
        var scores = IndicatorRows.ByIso3(indicators.All("global_ai_vibrancy_score").Where(i => i.ReportEdition == release));
        var previousRanks = IndicatorRows.ByIso3(earlierRanks);
        var measured = latestRanks.FirstOrDefault()?.Period;
        const string rankFormula = "스탠퍼드 HAI 글로벌 AI 활력 도구(Global AI Vibrancy Tool)가 발표한 국가 순위(브리프 발간일까지 공개된 가장 최근 판)";
        const string scoreFormula = "글로벌 AI 활력 도구가 발표한 종합 점수(0~100, 전문가 가중치), 순위와 같은 판";
        var none = indicators.Missing("global_ai_vibrancy_rank");

        foreach (var code in ranks.Keys.Union(scores.Keys).Union(AlwaysReported).Order(StringComparer.Ordinal))
        {
            var name = RegionNames.Country(code);
            var rank = new MetricSpec($"vibrancy.rank.{code}", $"글로벌 AI 활력 순위({name})", "위", rankFormula);
            var score = new MetricSpec($"vibrancy.score.{code}", $"글로벌 AI 활력 점수({name})", "점", scoreFormula);
            yield return ranks.TryGetValue(code, out var r)
                ? rank.Number(r.Value, [r.Location]) with { Period = Period.KoreanOf(r.Period) }
                : rank.Unavailable(measured is null ? none : NotComputable.MissingVibrancy("global_ai_vibrancy_rank", r?.Period ?? measured, code, name));
            yield return scores.TryGetValue(code, out var s)
                ? score.Number(s.Value, [s.Location]) with { Period = Period.KoreanOf(s.Period) }
                : score.Unavailable(measured is null ? none : NotComputable.MissingVibrancy("global_ai_vibrancy_score", measured, code, name));
        }

        var previous = new MetricSpec("vibrancy.rank.KOR.previous", "직전 공개본의 글로벌 AI 활력 순위(한국)", "위",
            "글로벌 AI 활력 도구의 그 이전 공개본이 발표한 한국의 순위");
        yield return previousRanks.TryGetValue("KOR", out var before)
            ? previous.Number(before.Value, [before.Location]) with { Period = Period.KoreanOf(before.Period) }
            : previous.Unavailable(measured is null ? none : new NotComputable("not computable: no earlier Global AI Vibrancy Tool release has a rank for KOR",
                "글로벌 AI 활력 도구의 이전 공개본에 한국 순위가 없음"));

        var period = new MetricSpec("vibrancy.period", "글로벌 AI 활력 순위의 측정 연도", "", "쓰인 공개본이 측정한 연도");
        yield return measured is null ? period.Unavailable(none) : period.Text(Period.KoreanOf(measured), latestRanks.Select(i => i.Location));

        yield return new MetricSpec("vibrancy.ranking", "글로벌 AI 활력 순위", "위",
                $"{rankFormula}와 점수(발표된 경우). 행: 국가 코드, 국가명, 순위, 점수(없으면 빈칸). 순위 순")
            .Rows(ranks.Values.OrderBy(i => i.Value).ThenBy(i => i.Iso3, StringComparer.Ordinal)
                    .Select(i => Row(("iso3", i.Iso3), ("name_ko", RegionNames.Country(i.Iso3!)), ("rank", i.Value),
                        ("score", scores.TryGetValue(i.Iso3!, out var s) ? s.Value : null))).ToList(),
                ranks.Values.Select(i => i.Location).Concat(scores.Values.Select(i => i.Location)),
                "global_ai_vibrancy_rank rows of the latest release");
    }

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);
}
