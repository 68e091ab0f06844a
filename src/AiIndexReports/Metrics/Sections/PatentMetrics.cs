using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// patents.*: granted AI patents as the AI Index prints them (no machine-readable country-by-year series exists), with
/// the multiples, growth rates, ranks and changes between editions computed from the printed figures.
/// </summary>
internal static class PatentMetrics
{
    private static readonly string[] AlwaysReported = ["CHN", "KOR", "USA"];

    public static IEnumerable<Metric> Compute(EditionIndicators indicators) =>
        [.. World(indicators), .. Shares(indicators), .. PerCapita(indicators)];

    private static IEnumerable<Metric> World(EditionIndicators indicators)
    {
        const string indicator = "ai_patents_granted";
        var points = IndicatorRows.World(indicators.Current(indicator))
            .Where(i => Period.Parse(i.Period) is not null)
            .OrderBy(i => Period.Parse(i.Period)!.Value.SortKey).ToList();
        var missing = indicators.Missing(indicator, "World", "전 세계");
        var tooFew = NotComputable.TooFewPoints($"{indicator} (World, edition {indicators.Edition})", points.Count, 2, $"{indicators.Edition}년판 AI 인덱스의 전 세계 AI 특허 등록 건수");

        const string latestLabel = "전 세계 AI 특허 등록 건수(최근 연도)";
        const string latestFormula = "AI 인덱스가 발표한 전 세계 AI 특허 등록(granted) 건수 가운데 가장 최근 연도의 값";
        const string yearFormula = "AI 인덱스가 전 세계 AI 특허 등록 건수를 발표한 해당 연도";
        if (points.Count == 0)
        {
            yield return Unavailable("patents.world.latest", latestLabel, "건", latestFormula, missing);
            yield return Unavailable("patents.world.latest_year", "전 세계 AI 특허 등록 건수의 최근 연도", "년", yearFormula, missing);
        }
        else
        {
            var last = points[^1];
            yield return Number("patents.world.latest", latestLabel, "건", latestFormula, last.Value, [last.Location]);
            yield return Number("patents.world.latest_year", "전 세계 AI 특허 등록 건수의 최근 연도", "년", yearFormula,
                Period.Parse(last.Period)!.Value.Year, [last.Location]);
        }

        const string firstLabel = "전 세계 AI 특허 등록 건수(첫 연도)";
        const string firstFormula = "AI 인덱스가 발표한 전 세계 AI 특허 등록 건수 가운데 가장 이른 연도의 값";
        const string multipleFormula = "최근 연도 등록 건수 ÷ 첫 연도 등록 건수";
        const string cagrFormula = "연평균 증가율 = (최근 연도 건수 ÷ 첫 연도 건수)^(1 ÷ 두 연도 사이의 햇수) − 1, 백분율";
        if (points.Count < 2)
        {
            var why = points.Count == 0 ? missing : tooFew;
            yield return Unavailable("patents.world.first", firstLabel, "건", firstFormula, why);
            yield return Unavailable("patents.world.first_year", "전 세계 AI 특허 등록 건수의 첫 연도", "년", yearFormula, why);
            yield return Unavailable("patents.world.multiple", "전 세계 AI 특허 등록 건수 증가 배수", "배", multipleFormula, why);
            yield return Unavailable("patents.world.cagr", "전 세계 AI 특허 등록 건수 연평균 증가율", "%", cagrFormula, why);
        }
        else
        {
            var (first, last) = (points[0], points[^1]);
            var (firstYear, lastYear) = (Period.Parse(first.Period)!.Value.Year, Period.Parse(last.Period)!.Value.Year);
            SourceLocation[] both = [first.Location, last.Location];
            yield return Number("patents.world.first", firstLabel, "건", firstFormula, first.Value, [first.Location]);
            yield return Number("patents.world.first_year", "전 세계 AI 특허 등록 건수의 첫 연도", "년", yearFormula, firstYear, [first.Location]);
            yield return Number("patents.world.multiple", "전 세계 AI 특허 등록 건수 증가 배수", "배", multipleFormula,
                Growth.Multiple(last.Value, first.Value, $"{indicator} World {firstYear}"), both);
            yield return Number("patents.world.cagr", "전 세계 AI 특허 등록 건수 연평균 증가율", "%", cagrFormula,
                Growth.CagrPercent(first.Value, last.Value, lastYear - firstYear, $"{indicator} World {firstYear}-{lastYear}"), both);
        }

        const string yoyIndicator = "ai_patents_granted_yoy_growth";
        var yoy = IndicatorRows.World(indicators.Current(yoyIndicator))
            .OrderBy(i => Period.Parse(i.Period)?.SortKey ?? 0).LastOrDefault();
        const string yoyFormula = "AI 인덱스가 발표한 전 세계 AI 특허 등록 건수의 전년 대비 증가율(최근 연도)";
        yield return yoy is null
            ? Unavailable("patents.world.yoy_growth", "전 세계 AI 특허 등록 건수 전년 대비 증가율", "%", yoyFormula,
                indicators.Missing(yoyIndicator, "World", "전 세계"))
            : Number("patents.world.yoy_growth", "전 세계 AI 특허 등록 건수 전년 대비 증가율", "%", yoyFormula, yoy.Value, [yoy.Location]);
    }

    private static IEnumerable<Metric> Shares(EditionIndicators indicators)
    {
        const string indicator = "ai_patents_granted_share";
        var current = IndicatorRows.LatestPeriod(indicators.Current(indicator));
        var previous = IndicatorRows.LatestPeriod(indicators.Previous(indicator));
        var byCode = IndicatorRows.ByIso3(current);
        var previousByCode = IndicatorRows.ByIso3(previous);

        foreach (var code in byCode.Keys.Union(AlwaysReported).Order(StringComparer.Ordinal))
        {
            var name = RegionNames.Country(code);
            var label = $"전 세계 AI 특허 등록 중 비중({name})";
            const string formula = "AI 인덱스가 발표한 최근 연도 전 세계 AI 특허 등록 건수 중 해당 국가의 비중";
            var changeLabel = $"AI 특허 등록 비중의 직전 판 대비 변화({name})";
            const string changeFormula = "이번 판의 최근 연도 비중 − 직전 판의 최근 연도 비중(%p)";
            if (!byCode.TryGetValue(code, out var row))
            {
                var why = indicators.Missing(indicator, code, name);
                yield return Unavailable($"patents.share.{code}", label, "%", formula, why);
                yield return Unavailable($"patents.share.{code}.change_pp", changeLabel, "%p", changeFormula, why);
                continue;
            }
            yield return Number($"patents.share.{code}", label, "%", formula, row.Value, [row.Location]);
            yield return previousByCode.TryGetValue(code, out var before)
                ? Number($"patents.share.{code}.change_pp", changeLabel, "%p", changeFormula, row.Value - before.Value, [row.Location, before.Location])
                : Unavailable($"patents.share.{code}.change_pp", changeLabel, "%p", changeFormula,
                    indicators.MissingPrevious(indicator, code, name));
        }

        yield return Rows("patents.share.breakdown", "전 세계 AI 특허 등록의 국가·지역별 비중", "%",
            "AI 인덱스가 발표한 최근 연도의 국가·지역별 비중을 발표 순서대로 나열. 합이 100%일 때만 전 세계를 나눈 구성비임. 행: 지역, 코드, 이름, 비중",
            current.Select(i => Row(("geography", i.Geography), ("iso3", i.Iso3),
                ("name_ko", i.Geo?.KoreanName ?? (i.Iso3 is null ? RegionNames.Geography(i.Geography) : RegionNames.Country(i.Iso3))), ("value", i.Value))).ToList(),
            current.Select(i => i.Location), $"{indicator} rows of edition {indicators.Edition}");

        // The peak is what the report calls a peak (its unit/note says so), not the largest of the few printed years.
        var peak = indicators.Current(indicator)
            .Where(i => i.Iso3 == "USA" && (i.Unit.Contains("peak", StringComparison.OrdinalIgnoreCase) || i.Note.Contains("peak", StringComparison.OrdinalIgnoreCase)))
            .MaxBy(i => i.Value);
        const string peakFormula = "AI 인덱스가 미국 비중의 정점으로 발표한 연도의 비중";
        const string peakYearFormula = "AI 인덱스가 미국 비중의 정점으로 발표한 연도";
        foreach (var metric in ValueAndYear(peak, indicators.Missing(indicator, "USA peak share", "미국 비중의 정점"),
                     ("patents.share.USA.peak", "미국 AI 특허 등록 비중의 정점", "%", peakFormula),
                     ("patents.share.USA.peak_year", "미국 AI 특허 등록 비중이 정점인 연도", peakYearFormula)))
            yield return metric;
    }

    private static IEnumerable<Metric> PerCapita(EditionIndicators indicators)
    {
        const string indicator = "ai_patents_granted_per_100k";
        var current = IndicatorRows.LatestPeriod(indicators.Current(indicator));
        var previous = IndicatorRows.LatestPeriod(indicators.Previous(indicator));
        var byCode = IndicatorRows.ByIso3(current);
        var ranked = Ranking.Descending(byCode.Values, i => i.Value, i => RegionNames.Country(i.Iso3!));
        var rankOf = ranked.ToDictionary(r => r.Item.Iso3!, StringComparer.Ordinal);
        const string rankFormula = "AI 인덱스가 발표한 국가들 사이에서 인구 10만 명당 AI 특허 등록 건수가 많은 순서의 순위(같은 값은 공동 순위)";

        foreach (var code in byCode.Keys.Union(AlwaysReported).Order(StringComparer.Ordinal))
        {
            var name = RegionNames.Country(code);
            var label = $"인구 10만 명당 AI 특허 등록 건수({name})";
            const string formula = "AI 인덱스가 발표한 최근 연도의 인구 10만 명당 AI 특허 등록 건수";
            var rankLabel = $"인구 10만 명당 AI 특허 등록 건수 순위({name})";
            if (rankOf.TryGetValue(code, out var r))
            {
                yield return Number($"patents.per_100k.{code}", label, "건", formula, r.Item.Value, [r.Item.Location]);
                yield return Number($"patents.per_100k.rank.{code}", rankLabel, "위", rankFormula, r.Rank, current.Select(i => i.Location));
            }
            else
            {
                var why = indicators.Missing(indicator, code, name);
                yield return Unavailable($"patents.per_100k.{code}", label, "건", formula, why);
                yield return Unavailable($"patents.per_100k.rank.{code}", rankLabel, "위", rankFormula, why);
            }
        }

        yield return Rows("patents.per_100k.ranking", "인구 10만 명당 AI 특허 등록 건수 순위", "건",
            $"{rankFormula}. 행: 국가 코드, 국가명, 값, 순위, 공동 순위 여부. 값 내림차순",
            ranked.Select(r => Row(("iso3", r.Item.Iso3), ("name_ko", RegionNames.Country(r.Item.Iso3!)), ("value", r.Value),
                ("rank", r.Rank), ("tied", r.Tied))).ToList(),
            current.Select(i => i.Location), $"{indicator} rows of edition {indicators.Edition}");

        byCode.TryGetValue("KOR", out var korea);
        var missingKorea = indicators.Missing(indicator, "KOR", "한국");
        foreach (var other in byCode.Keys.Union(["CHN", "USA"]).Where(c => c != "KOR").Order(StringComparer.Ordinal))
        {
            var name = RegionNames.Country(other);
            var label = $"인구 10만 명당 AI 특허 등록 건수의 상대국 대비 한국 배수({name})";
            const string formula = "한국의 인구 10만 명당 등록 건수 ÷ 상대국의 인구 10만 명당 등록 건수(한국이 상대국의 몇 배인지)";
            if (korea is null)
                yield return Unavailable($"patents.per_100k.KOR.multiple_over.{other}", label, "배", formula, missingKorea);
            else if (!byCode.TryGetValue(other, out var o))
                yield return Unavailable($"patents.per_100k.KOR.multiple_over.{other}", label, "배", formula,
                    indicators.Missing(indicator, other, name));
            else
                yield return Number($"patents.per_100k.KOR.multiple_over.{other}", label, "배", formula,
                    Growth.Multiple(korea.Value, o.Value, $"{indicator} {other}"), [korea.Location, o.Location]);
        }

        var before = IndicatorRows.ByIso3(previous).GetValueOrDefault("KOR");
        const string previousFormula = "직전 판 AI 인덱스가 발표한 한국의 인구 10만 명당 AI 특허 등록 건수(직전 판의 최근 연도)";
        const string changeFormula = "이번 판의 한국 값 − 직전 판의 한국 값";
        var missingBefore = indicators.MissingPrevious(indicator, "KOR", "한국");
        foreach (var metric in ValueAndYear(before, missingBefore,
                     ("patents.per_100k.KOR.previous", "직전 판의 한국 인구 10만 명당 AI 특허 등록 건수", "건", previousFormula),
                     ("patents.per_100k.KOR.previous_year", "직전 판 한국 값의 측정 연도", PreviousYearFormula)))
            yield return metric;
        yield return korea is null || before is null
            ? Unavailable("patents.per_100k.KOR.change", "한국 인구 10만 명당 AI 특허 등록 건수의 직전 판 대비 변화", "건", changeFormula,
                korea is null ? missingKorea : missingBefore)
            : Number("patents.per_100k.KOR.change", "한국 인구 10만 명당 AI 특허 등록 건수의 직전 판 대비 변화", "건", changeFormula,
                korea.Value - before.Value, [korea.Location, before.Location]);
    }

    private const string PreviousYearFormula = "직전 판 AI 인덱스가 한국의 인구 10만 명당 AI 특허 등록 건수를 발표한 연도(직전 판의 최근 연도)";

    /// <summary>
    /// A printed value and the year its row measures, both from one indicators.csv row — or both unavailable for the
    /// same reason. A period that names no year becomes "not computable" through <see cref="MetricFactory.Number(string, string, string, string, double, IEnumerable{SourceLocation})"/>.
    /// </summary>
    private static IEnumerable<Metric> ValueAndYear(Indicator? row, NotComputable whyMissing,
        (string Id, string Label, string Unit, string Formula) value, (string Id, string Label, string Formula) year)
    {
        if (row is null)
        {
            yield return Unavailable(value.Id, value.Label, value.Unit, value.Formula, whyMissing);
            yield return Unavailable(year.Id, year.Label, "년", year.Formula, whyMissing);
            yield break;
        }
        yield return Number(value.Id, value.Label, value.Unit, value.Formula, row.Value, [row.Location]);
        yield return Number(year.Id, year.Label, "년", year.Formula, Period.Parse(row.Period) is { } p ? p.Year : double.NaN, [row.Location]);
    }
}
