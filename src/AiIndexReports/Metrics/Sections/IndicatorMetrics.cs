using System.Globalization;
using AiIndexReports.Data;
using AiIndexReports.Data.Catalog;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// indicators.*: the same few metrics for every indicator of data/indicators.toml, with no C# per indicator — this
/// edition's value per geography, the previous edition's value and the change, the first period printed, ranks among
/// countries, the leader, and a "main" value (the world's, or a lone pair's or benchmark's) so that a template can name an
/// indicator without knowing how an editor spelt its geography.
/// </summary>
/// <remarks>
/// Ids: indicators.&lt;name&gt; (main value) with .period .previous .change .first .first_period .ranking .leader
/// .leader_code .leader_value, and indicators.&lt;name&gt;.&lt;GEO&gt; with .previous .change .first .first_period .rank,
/// GEO being an ISO3 code, WLD, a region code (EUR), a pair (USA_CHN) or a lower-case name (mmlu, google).
/// </remarks>
internal static class IndicatorMetrics
{
    public const string Prefix = "indicators";

    /// <summary>
    /// Segments below indicators.&lt;name&gt; that are not geographies, and the fields of a metric object: a geography slug
    /// equal to one ("Value", "Period") gets a trailing '_'.
    /// </summary>
    internal static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "period", "previous", "change", "first", "first_period", "ranking", "leader", "leader_code", "leader_value", "rank", "rank_tied",
        "id", "kind", "value", "label", "unit", "formula", "available", "reason", "reason_ko", "series", "rows", "sources",
        "covers", "credits", "interval", "interval_basis", "released",
    };

    private static readonly string[] AlwaysReported = ["KOR", "USA", "CHN"];

    public static IEnumerable<Metric> Compute(EditionIndicators indicators)
    {
        foreach (var definition in indicators.Catalog.Indicators)
            foreach (var metric in One(definition, indicators))
                yield return metric;
    }

    /// <summary>The id segment of a geography.</summary>
    public static string KeyOf(Geo geo) => Reserved.Contains(geo.Key) ? geo.Key + "_" : geo.Key;

    private static IEnumerable<Metric> One(IndicatorDefinition d, EditionIndicators indicators)
    {
        var (current, previous) = d.LatestRelease ? indicators.LatestReleases(d.Name) : (indicators.Current(d.Name), indicators.Previous(d.Name));
        var p = $"{Prefix}.{d.Name}";
        var latest = IndicatorRows.LatestPeriod(current);
        var latestPrevious = IndicatorRows.LatestPeriod(previous);
        var missing = indicators.Missing(d.Name);
        var unit = latest.FirstOrDefault()?.KoreanUnit ?? d.DefaultUnit;
        var source = d.LatestRelease ? "가장 최근 공개본" : "AI 인덱스";

        // Each geography's own latest row (a benchmark's gap may be dated differently from another's).
        var byGeo = current.Where(i => i.Geo is not null && Period.Parse(i.Period) is not null)
            .GroupBy(i => KeyOf(i.Geo!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(i => Period.Parse(i.Period)!.Value.SortKey)!, StringComparer.Ordinal);

        // Main value: the world's. Only a pair (USA-CHN) or a benchmark stands for the whole indicator when it is the one
        // geography: a lone country or region row must never be printed as the world's value.
        var lone = byGeo.Count == 1 ? byGeo.Values.Single() : null;
        var loneStandsForAll = lone?.Geo is { Kind: GeoKind.Pair } or { Kind: GeoKind.Named, NamedKind: "benchmark" };
        var main = byGeo.GetValueOrDefault("WLD") ?? (loneStandsForAll ? lone : null);
        var mainWhy = byGeo.Count == 0 ? missing
            : byGeo.Count == 1
                ? new NotComputable($"not computable: {d.Name} has no world row for edition {indicators.Edition}, only {lone!.Geo!.Code}; name it (indicators.{d.Name}.{byGeo.Keys.Single()})",
                    $"‘{d.Label}’의 전 세계 값이 없음({lone.Geo.KoreanName} 값만 있음)")
                : new NotComputable($"not computable: {d.Name} has {byGeo.Count} geographies and no world row; name one (indicators.{d.Name}.<GEO>)",
                    $"‘{d.Label}’ 값이 여러 지역별로만 있어 하나로 고를 수 없음");
        foreach (var metric in Values(p, d.Label, unit, d, main, current, previous, latestPrevious, indicators, mainWhy, source))
            yield return metric;
        yield return latest.Count == 0
            ? Unavailable($"{p}.period", $"{d.Label}의 기준 시점", "", "가장 최근 값이 가리키는 시점", missing)
            : Periodic(TextMetric($"{p}.period", $"{d.Label}의 기준 시점", "가장 최근 값이 가리키는 시점(연도, 기간 또는 월)",
                Period.KoreanOf(latest[0].Period), latest.Select(i => i.Location)), latest[0]);

        // Per geography; Korea, the US and China always exist so templates can test .available.
        var countries = d.Geographies.Contains("country");
        foreach (var key in byGeo.Keys.Union(countries ? AlwaysReported : []).Order(StringComparer.Ordinal))
        {
            var row = byGeo.GetValueOrDefault(key);
            var name = row?.Geo?.KoreanName ?? RegionNames.Country(key);
            var why = indicators.Missing(d.Name, key, name);
            foreach (var metric in Values($"{p}.{key}", $"{d.Label}({name})", unit, d, row, current, previous, latestPrevious, indicators, why, source))
                yield return metric;
        }

        foreach (var metric in Ranks(p, d, latest, byGeo.Keys, indicators, unit))
            yield return metric;
    }

    /// <summary>A value with its previous-edition value, change and first printed period, all from rows of one geography.</summary>
    private static IEnumerable<Metric> Values(string id, string label, string unit, IndicatorDefinition d, Indicator? row,
        IReadOnlyList<Indicator> current, IReadOnlyList<Indicator> previous, IReadOnlyList<Indicator> latestPrevious,
        EditionIndicators indicators, NotComputable why, string source)
    {
        var formula = $"{source}가 발표한 ‘{d.Label}’의 가장 최근 시점 값";
        if (row is null)
        {
            yield return Unavailable(id, label, unit, formula, why);
            yield return Unavailable($"{id}.previous", $"{label}, 직전 판", unit, "직전 판의 같은 지역 값(그 판의 가장 최근 시점)", why);
            yield return Unavailable($"{id}.change", $"{label}의 직전 판 대비 변화", ChangeUnit(unit), "이번 판 값 − 직전 판 값", why);
            yield return Unavailable($"{id}.first", $"{label}, 처음 발표 시점", unit, "이번 판이 같은 지역에 대해 발표한 가장 이른 시점의 값", why);
            yield return Unavailable($"{id}.first_period", $"{label}, 처음 발표 시점", "", "그 값이 가리키는 시점", why);
            yield break;
        }

        var (interval, bounds) = IntervalOf(d, row, indicators);
        yield return Periodic(Number(id, label, unit, formula, row.Value, [row.Location, .. bounds]), row) with { Interval = interval };

        var before = latestPrevious.FirstOrDefault(i => i.GeoCode == row.GeoCode);
        var whyPrevious = before is null
            ? (d.LatestRelease
                ? new NotComputable($"not computable: no earlier release of {d.Name} has a row for {row.GeoCode}", $"‘{d.Label}’의 이전 공개본에 {row.Geo?.KoreanName ?? row.GeoCode} 값이 없음")
                : indicators.MissingPrevious(d.Name, row.GeoCode, row.Geo?.KoreanName ?? row.GeoCode))
            : null;
        yield return before is null
            ? Unavailable($"{id}.previous", $"{label}, 직전 판", unit, "직전 판의 같은 지역 값(그 판의 가장 최근 시점)", whyPrevious!)
            : Periodic(Number($"{id}.previous", $"{label}, 직전 판", unit, "직전 판의 같은 지역 값(그 판의 가장 최근 시점)", before.Value, [before.Location]), before);
        yield return before is null
            ? Unavailable($"{id}.change", $"{label}의 직전 판 대비 변화", ChangeUnit(unit), "이번 판 값 − 직전 판 값", whyPrevious!)
            : Number($"{id}.change", $"{label}의 직전 판 대비 변화", ChangeUnit(unit), "이번 판 값 − 직전 판 값", row.Value - before.Value, [row.Location, before.Location]);

        var first = current.Where(i => i.GeoCode == row.GeoCode && Period.Parse(i.Period) is not null)
            .MinBy(i => Period.Parse(i.Period)!.Value.SortKey);
        var onlyOne = first is null || ReferenceEquals(first, row) || first.Period == row.Period;
        var whyFirst = new NotComputable($"not computable: {d.Name} has one period for {row.GeoCode} in this edition",
            $"‘{d.Label}’ 값이 한 시점만 발표됨");
        yield return onlyOne
            ? Unavailable($"{id}.first", $"{label}, 처음 발표 시점", unit, "이번 판이 같은 지역에 대해 발표한 가장 이른 시점의 값", whyFirst)
            : Periodic(Number($"{id}.first", $"{label}, 처음 발표 시점", unit, "이번 판이 같은 지역에 대해 발표한 가장 이른 시점의 값", first!.Value, [first.Location]), first);
        yield return onlyOne
            ? Unavailable($"{id}.first_period", $"{label}, 처음 발표 시점", "", "그 값이 가리키는 시점", whyFirst)
            : TextMetric($"{id}.first_period", $"{label}, 처음 발표 시점", "그 값이 가리키는 시점", Period.KoreanOf(first!.Period), [first.Location]);
    }

    /// <summary>Ranks, ranking and leader among the countries printed for the latest period.</summary>
    private static IEnumerable<Metric> Ranks(string p, IndicatorDefinition d, IReadOnlyList<Indicator> latest,
        IEnumerable<string> geoKeys, EditionIndicators indicators, string unit)
    {
        var countries = latest.Where(i => i.Geo?.IsCountry == true).GroupBy(i => i.GeoCode, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var isRank = d.Kind == "rank";
        // A rank among the countries a report prints means something only for a list of them (its top countries):
        // with one or two printed, "1위" would be a rank among one or two.
        const int MinimumList = 3;
        IReadOnlyList<Ranked<Indicator>> ranked = (d.Order.Length == 0 && !isRank) || (countries.Count < MinimumList && !isRank) ? []
            : isRank || d.LowerIsAhead ? Ranking.Descending(countries, i => -i.Value, i => i.GeoCode)
            : Ranking.Descending(countries, i => i.Value, i => i.GeoCode);

        // Published ranks win over ranks among the few countries a report prints.
        var published = d.RankIndicator is { } r ? IndicatorRows.LatestPeriod(indicators.Current(r)).Where(i => i.Geo?.IsCountry == true)
            .GroupBy(i => i.GeoCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) : [];
        var rankLabel = indicators.LabelOf(d.RankIndicator ?? d.Name);
        const string computedFormula = "AI 인덱스가 값을 발표한 국가들 사이의 순위(같은 값은 공동 순위). 발표되지 않은 국가는 순위에 없음";
        var noRank = d.Order.Length == 0 && !isRank
            ? new NotComputable($"not computable: {d.Name} has no order (data/indicators.toml order) and no published rank", $"‘{d.Label}’에는 순위 기준이 없음")
            : new NotComputable($"not computable: {d.Name} is printed for {countries.Count} countries, fewer than {MinimumList}: no rank among them",
                $"‘{d.Label}’ 값이 {countries.Count}개 국가만 발표되어 순위를 매길 수 없음");

        if (!isRank)
            foreach (var key in geoKeys.Where(k => Countries.TryFromIso3(k, out _))
                         .Union(d.Geographies.Contains("country") ? AlwaysReported : []).Order(StringComparer.Ordinal))
            {
                var id = $"{p}.{key}.rank";
                var name = countries.FirstOrDefault(c => c.GeoCode == key)?.Geo?.KoreanName ?? RegionNames.Country(key);
                var label = $"{d.Label} 순위({name})";
                const string tiedFormula = "순위를 다른 국가와 함께 차지하면(공동 순위) 1, 아니면 0";
                if (published.TryGetValue(key, out var pr))
                {
                    yield return Periodic(Number(id, label, "위", $"AI 인덱스가 발표한 ‘{rankLabel}’", pr.Value, [pr.Location]), pr);
                    // Tied when another country has the same published rank, or the same value in the printed list.
                    var sameValue = ranked.FirstOrDefault(x => KeyOf(x.Item.Geo!) == key)?.Tied == true;
                    yield return Number($"{id}_tied", $"{label} 공동 순위 여부", "", tiedFormula,
                        published.Values.Count(o => o.Value == pr.Value) > 1 || sameValue ? 1 : 0, [pr.Location]);
                }
                else if (ranked.FirstOrDefault(x => KeyOf(x.Item.Geo!) == key) is { } rr)
                {
                    yield return Periodic(Number(id, label, "위", computedFormula, rr.Rank, countries.Select(i => i.Location)), rr.Item);
                    yield return Number($"{id}_tied", $"{label} 공동 순위 여부", "", tiedFormula, rr.Tied ? 1 : 0, countries.Select(i => i.Location));
                }
                else
                {
                    var why = ranked.Count == 0 && published.Count == 0 ? noRank : indicators.Missing(d.RankIndicator ?? d.Name, key, name);
                    yield return Unavailable(id, label, "위", computedFormula, why);
                    yield return Unavailable($"{id}_tied", $"{label} 공동 순위 여부", "", tiedFormula, why);
                }
            }

        var rowsFormula = (isRank ? "발표된 순위" : computedFormula) + ". 행: 코드, 이름, 값, 단위, 순위, 공동 순위 여부. 앞선 순서";
        yield return ranked.Count == 0
            ? Unavailable($"{p}.ranking", $"{d.Label} 국가 순위", unit, rowsFormula, latest.Count == 0 ? indicators.Missing(d.Name) : noRank)
            : Rows($"{p}.ranking", $"{d.Label} 국가 순위", unit, rowsFormula,
                ranked.Select(x => Row(("iso3", x.Item.GeoCode), ("name_ko", x.Item.Geo!.KoreanName), ("value", x.Item.Value), ("unit", unit),
                    ("rank", published.TryGetValue(x.Item.GeoCode, out var pr) ? pr.Value : isRank ? x.Item.Value : x.Rank), ("tied", x.Tied))).ToList(),
                countries.Select(i => i.Location), $"{d.Name} rows by country");

        // For a rank the leader is the country ranked first, when it is printed.
        var leader = isRank ? ranked.FirstOrDefault(x => x.Item.Value == 1) : ranked.FirstOrDefault();
        var whyLeader = latest.Count == 0 ? indicators.Missing(d.Name) : noRank;
        const string leaderFormula = "발표된 국가 가운데 가장 앞선 국가(순위 기준: data/indicators.toml의 order)";
        if (leader is null || (!isRank && ranked.Count > 1 && ranked[1].Rank == leader.Rank))
        {
            var why = leader is null ? whyLeader : new NotComputable($"not computable: {d.Name} has a tie for first place", $"‘{d.Label}’ 1위가 공동이어서 하나로 고를 수 없음");
            yield return Unavailable($"{p}.leader", $"{d.Label} 1위 국가", "", leaderFormula, why);
            yield return Unavailable($"{p}.leader_code", $"{d.Label} 1위 국가 코드", "", leaderFormula, why);
            yield return Unavailable($"{p}.leader_value", $"{d.Label}, 1위 국가의 값", unit, leaderFormula, why);
        }
        else
        {
            var at = leader.Item;
            yield return Periodic(TextMetric($"{p}.leader", $"{d.Label} 1위 국가", leaderFormula, at.Geo!.KoreanName, countries.Select(i => i.Location)), at);
            yield return TextMetric($"{p}.leader_code", $"{d.Label} 1위 국가 코드", leaderFormula, at.GeoCode, countries.Select(i => i.Location));
            yield return Periodic(Number($"{p}.leader_value", $"{d.Label}, 1위 국가의 값", unit, leaderFormula, at.Value, [at.Location]), at);
        }
    }

    /// <summary>The interval the catalog's interval indicators give for the same release, geography and period, with their rows.</summary>
    private static (MetricInterval? Interval, SourceLocation[] Sources) IntervalOf(IndicatorDefinition d, Indicator row, EditionIndicators indicators)
    {
        if (d.IntervalLow is not { } lowName || d.IntervalHigh is not { } highName) return (null, []);
        Indicator? Bound(string name) => indicators.All(indicators.Catalog.Find(name)?.Name ?? name)
            .FirstOrDefault(i => i.ReportEdition == row.ReportEdition && i.GeoCode == row.GeoCode && i.Period == row.Period);
        return Bound(lowName) is { } low && Bound(highName) is { } high
            ? (new MetricInterval(low.Value, high.Value, d.IntervalLevel ?? 90), [low.Location, high.Location])
            : (null, []);
    }

    private static string ChangeUnit(string unit) => unit == "%" ? "%p" : unit;

    private static Metric Periodic(Metric metric, Indicator row) => metric with { Period = Period.KoreanOf(row.Period) };
}
