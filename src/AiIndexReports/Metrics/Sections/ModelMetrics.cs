using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// models.*: our recount of Epoch AI's notable models for the measured year, next to the counts the AI Index printed.
/// A model with several developer countries counts once for each of them, so country counts overlap; the distinct
/// total is the denominator of every share.
/// </summary>
internal static class ModelMetrics
{
    private const int FirstSeriesYear = 2014;
    private static readonly string[] AlwaysReported = ["CHN", "KOR", "USA"];
    private static readonly string[] SeriesCountries = ["USA", "CHN", Countries.Europe, "KOR"];

    private const string CountFormula =
        "측정 연도에 공개된(Publication date) 모델 가운데 개발 기관 국가(Country (from Organization))에 해당 국가가 들어 있는 모델 수. " +
        "여러 나라가 함께 개발한 모델은 참여한 나라마다 1개씩 셈";
    private const string EuropeCountFormula =
        "측정 연도에 공개된 모델 가운데 개발 기관 국가에 유럽 국가가 하나 이상 들어 있는 모델 수. 유럽 여러 나라가 함께 만든 모델도 1개로 셈";
    private const string ShareFormula =
        "국가별 모델 수 ÷ 서로 다른 전체 모델 수 × 100. 공동 개발 모델은 참여한 나라마다 셈하므로 국가별 비중은 겹치며, " +
        "그 합은 100%를 넘을 수 있음(전체를 나눈 구성비가 아님)";
    private const string RankFormula =
        "모델이 1개 이상인 국가를 모델 수가 많은 순으로 매긴 순위. 수가 같은 국가는 같은 순위(공동 순위)이고 그다음 순위는 그만큼 건너뜀";

    /// <summary>
    /// The recount, unless the Epoch export was taken before the measured year was complete: then every metric that
    /// counts models of that year is "not computable" with the export's date (a partial year is never counted silently),
    /// the yearly series stop at the last complete year, and the AI Index's published counts stay.
    /// </summary>
    public static IEnumerable<Metric> Compute(Dataset dataset, EditionIndicators indicators)
    {
        var e = dataset.Edition;
        if (e.IsYearComplete(e.MeasuredYear)) return Recount(dataset, indicators);
        var stale = NotComputable.StaleSnapshot(e.NotableModelsFile, e.SnapshotDate, e.MeasuredYear, e.CompleteFrom(e.MeasuredYear));
        return Recount(dataset, indicators).Select(m =>
            m.Id.StartsWith("models.series.", StringComparison.Ordinal) ? m
            : m.Id == "models.aiindex.rows" && m.Rows is { } rows ? m with { Rows = rows.Select(WithoutRecount).ToList() }
            : IsPublished(m.Id) ? m
            : MetricFactory.Unavailable(m.Id, m.Label, m.Unit, m.Formula, stale));
    }

    private static IReadOnlyDictionary<string, object?> WithoutRecount(IReadOnlyDictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => c.Key is "recount" or "difference" ? null : c.Value, StringComparer.Ordinal);

    /// <summary>The AI Index's own counts (not the recount), which a stale export leaves untouched.</summary>
    private static bool IsPublished(string id) =>
        id is "models.aiindex.rows" or "models.aiindex.us_china_ratio"
        || (id.StartsWith("models.aiindex.", StringComparison.Ordinal) && id.EndsWith(".count", StringComparison.Ordinal));

    private static IEnumerable<Metric> Recount(Dataset dataset, EditionIndicators indicators)
    {
        var y = dataset.Edition.MeasuredYear;
        var file = dataset.Edition.NotableModelsFile;
        var snapshot = dataset.Edition.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var inYear = dataset.NotableModels.Where(m => m.PublicationDate.Year == y).ToList();
        var yearSources = inYear.Select(m => m.Source).ToList();
        var total = inYear.Count;
        var noModels = NotComputable.NoRows($"notable models published in {y} ({file})", $"Epoch AI 자료의 {y}년 공개 모델");

        yield return total == 0
            ? Unavailable("models.total", "주목할 만한 AI 모델 수(전체)", "개", TotalFormula(y, snapshot), noModels)
            : Number("models.total", "주목할 만한 AI 모델 수(전체)", "개", TotalFormula(y, snapshot), total, yearSources);

        // Epoch marks some organisations (e.g. Google DeepMind in the 2024-07-16 export) only as "Multinational": the
        // Data stage keeps no country for them, so they are in the total but in no country's count.
        var unattributed = inYear.Where(m => m.CountryIso3.Count == 0).ToList();
        yield return total == 0
            ? Unavailable("models.unattributed", "개발 국가가 없는 주목할 만한 AI 모델 수", "개", UnattributedFormula, noModels)
            : Number("models.unattributed", "개발 국가가 없는 주목할 만한 AI 모델 수", "개", UnattributedFormula, unattributed.Count,
                unattributed.Count > 0 ? unattributed.Select(m => m.Source) : yearSources);

        var byCountry = inYear
            .SelectMany(m => m.CountryIso3.Distinct().Select(c => (Country: c, Model: m)))
            .GroupBy(x => x.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Model).ToList(), StringComparer.Ordinal);
        var europe = inYear.Where(m => m.CountryIso3.Any(Countries.IsInEurope)).ToList();
        var ranked = Ranking.Descending(byCountry, kv => kv.Value.Count, kv => RegionNames.Country(kv.Key));
        var rankOf = ranked.ToDictionary(r => r.Item.Key, StringComparer.Ordinal);

        foreach (var country in byCountry.Keys.Union(AlwaysReported).Append(Countries.Europe).Distinct().Order(StringComparer.Ordinal))
        {
            var isEurope = country == Countries.Europe;
            var models = isEurope ? europe : byCountry.GetValueOrDefault(country) ?? [];
            var name = RegionNames.Country(country);
            // A zero count is still a finding; its evidence is the whole year that was searched.
            var sources = models.Count > 0 ? models.Select(m => m.Source).ToList() : yearSources;
            var prefix = $"models.by_country.{country}";

            yield return total == 0
                ? Unavailable($"{prefix}.count", $"주목할 만한 AI 모델 수({name})", "개", isEurope ? EuropeCountFormula : CountFormula, noModels)
                : Number($"{prefix}.count", $"주목할 만한 AI 모델 수({name})", "개", isEurope ? EuropeCountFormula : CountFormula, models.Count, sources);
            yield return Number($"{prefix}.share", $"주목할 만한 AI 모델 비중({name})", "%", ShareFormula,
                Growth.SharePercent(models.Count, total, $"number of notable models in {y}"), sources);

            if (isEurope) continue; // an aggregate is not ranked among countries
            var rankLabel = $"주목할 만한 AI 모델 수 순위({name})";
            var tiedLabel = $"주목할 만한 AI 모델 수 공동 순위 여부({name})";
            const string tiedFormula = "순위를 다른 국가와 함께 차지하면(공동 순위) 1, 아니면 0";
            if (rankOf.TryGetValue(country, out var r))
            {
                yield return Number($"{prefix}.rank", rankLabel, "위", RankFormula, r.Rank, sources);
                yield return Number($"{prefix}.rank_tied", tiedLabel, "", tiedFormula, r.Tied ? 1 : 0, sources);
            }
            else
            {
                var why = new NotComputable($"not computable: {country} has no notable model published in {y} ({file}), so it is not ranked",
                    $"{y}년에 공개된 {name}의 주목할 만한 AI 모델이 없어 순위를 매길 수 없음");
                yield return Unavailable($"{prefix}.rank", rankLabel, "위", RankFormula, why);
                yield return Unavailable($"{prefix}.rank_tied", tiedLabel, "", tiedFormula, why);
            }
        }

        yield return Rows("models.ranking", "국가별 주목할 만한 AI 모델 수 순위", "개",
            $"{RankFormula}. 행: 국가 코드, 국가명, 모델 수, 비중(%), 순위, 공동 순위 여부. 모델 수 내림차순, 같으면 국가명 순",
            ranked.Select(r => Row(
                ("iso3", r.Item.Key), ("name_ko", RegionNames.Country(r.Item.Key)), ("count", r.Item.Value.Count),
                ("share", total == 0 ? null : r.Item.Value.Count * 100.0 / total), ("rank", r.Rank), ("tied", r.Tied))).ToList(),
            yearSources, $"notable models published in {y} ({file})");

        var usa = byCountry.GetValueOrDefault("USA")?.Count ?? 0;
        var chn = byCountry.GetValueOrDefault("CHN")?.Count ?? 0;
        yield return Number("models.us_china_ratio", "중국 대비 미국의 주목할 만한 AI 모델 수 배수", "배",
            "미국 모델 수 ÷ 중국 모델 수(측정 연도, 재집계)", Calc.Divide(usa, chn, $"China's notable model count in {y}"),
            (byCountry.GetValueOrDefault("USA") ?? []).Concat(byCountry.GetValueOrDefault("CHN") ?? []).Select(m => m.Source));

        foreach (var metric in YearSeries(dataset, y)) yield return metric;
        yield return KoreaList(inYear, y, file, dataset.Names);
        foreach (var metric in Printed(indicators, y, snapshot, byCountry, europe, unattributed.Count)) yield return metric;
        yield return Comparison(indicators, y, inYear, byCountry, europe, ranked);
    }

    private const string ComparisonFormula =
        "AI 인덱스가 발표한 측정 연도의 국가별 모델 수와 Epoch AI 자료 재집계 값을 나란히 놓은 표. 행: 발표한 국가와 유럽 합계, 한국, 발표값은 없으나 " +
        "재집계 값이 발표된 가장 작은 값 이상인 국가, 그리고 맨 앞의 전체(서로 다른 모델 수). 열: 코드, 이름, 발표값, 재집계, 발표값 사이 순위와 " +
        "재집계 순위(공동 여부), 다른 나라와 함께 개발한 모델 수와 가장 많이 함께한 나라, 차이의 이유";

    /// <summary>
    /// models.comparison: the published counts next to the recount, one row per geography, each difference with its
    /// reason in words (models counted once per country, a country the report does not print, the export date): the
    /// brief's "발표값과 재집계 비교" table, written without a test per country.
    /// </summary>
    private static Metric Comparison(EditionIndicators indicators, int y, List<NotableModel> inYear,
        Dictionary<string, List<NotableModel>> byCountry, List<NotableModel> europe, IReadOnlyList<Ranked<KeyValuePair<string, List<NotableModel>>>> ranked)
    {
        const string indicator = "notable_ai_models";
        var year = y.ToString(CultureInfo.InvariantCulture);
        var printed = indicators.Current(indicator).Where(i => i.Period == year).ToList();
        var spec = new MetricSpec("models.comparison", "AI 인덱스 발표 모델 수와 재집계 비교", "개", ComparisonFormula);
        if (printed.Count == 0) return spec.Unavailable(indicators.Missing(indicator, year, $"{y}년"));

        string? CodeOf(Indicator i) => i.Iso3 ?? (i.GeoCode == Countries.Europe ? Countries.Europe : null);
        var printedByCode = printed.Where(i => CodeOf(i) is not null).GroupBy(i => CodeOf(i)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var printedCountries = printedByCode.Where(kv => kv.Key != Countries.Europe).ToList();
        var printedRank = Ranking.Descending(printedCountries, kv => kv.Value.Value, kv => RegionNames.Country(kv.Key))
            .ToDictionary(r => r.Item.Key, StringComparer.Ordinal);
        var recountRank = ranked.ToDictionary(r => r.Item.Key, StringComparer.Ordinal);
        var smallest = printedCountries.Count == 0 ? double.MaxValue : printedCountries.Min(kv => kv.Value.Value);

        List<NotableModel> ModelsOf(string code) => code == Countries.Europe ? europe : byCountry.GetValueOrDefault(code) ?? [];
        var codes = printedByCode.Keys
            .Append("KOR")
            .Concat(byCountry.Where(kv => !printedByCode.ContainsKey(kv.Key) && kv.Value.Count >= Math.Max(1, smallest)).Select(kv => kv.Key))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c == Countries.Europe ? 1 : 0)
            .ThenByDescending(c => printedByCode.TryGetValue(c, out var p) ? p.Value : -1)
            .ThenByDescending(c => ModelsOf(c).Count)
            .ThenBy(c => RegionNames.Country(c), StringComparer.Ordinal)
            .ToList();

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var sources = new List<SourceLocation>(printed.Select(i => i.Location));

        // First row: the whole year. The report prints a world total in some editions; the recount's distinct total is
        // smaller than the sum of its country counts, because a model made in two countries counts in each.
        var world = indicators.Current("notable_ai_models_total").FirstOrDefault(i => i.Period == year);
        var countrySum = byCountry.Values.Sum(v => v.Count);
        var distinct = inYear.Count;
        var worldReason = countrySum > distinct
            ? $"재집계의 국가별 합은 {countrySum}개"
            : "";
        var unattributed = inYear.Count(m => m.CountryIso3.Count == 0);
        if (unattributed > 0)
            worldReason += (worldReason.Length > 0 ? ". " : "") + $"‘다국적’으로만 적힌 {unattributed}개는 국가별 수에서 빠짐";
        if (world is null) worldReason = "국가별 수만 발표" + (worldReason.Length > 0 ? ". " + worldReason : "");
        else if (world.Value != distinct && worldReason.Length == 0) worldReason = "내려받은 시점의 차이";
        rows.Add(Row(("code", "WLD"), ("name_ko", "전체(서로 다른 모델)"), ("printed", world?.Value), ("recount", (double)distinct),
            ("printed_rank", null), ("printed_tied", false), ("recount_rank", null), ("recount_tied", false),
            ("shared", countrySum - distinct), ("partner", null), ("reason", worldReason)));
        if (world is not null) sources.Add(world.Location);

        foreach (var code in codes)
        {
            var models = ModelsOf(code);
            double? printedValue = printedByCode.TryGetValue(code, out var row) ? row.Value : null;
            double recount = models.Count;
            // Models this country shares with another one, and the partner it shares most with.
            var shared = code == Countries.Europe
                ? models.Count(m => m.CountryIso3.Any(c => !Countries.IsInEurope(c)))
                : models.Count(m => m.CountryIso3.Any(c => c != code));
            var partner = models.SelectMany(m => m.CountryIso3.Where(c => code == Countries.Europe ? !Countries.IsInEurope(c) : c != code))
                .GroupBy(c => c, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
            var pr = printedRank.TryGetValue(code, out var p) ? p : null;
            var rr = recountRank.TryGetValue(code, out var r) ? r : null;

            var reasons = new List<string>();
            var codeveloped = shared == models.Count
                ? $"{models.Count}개 모두 {RegionNames.Country(partner ?? code)} 등과 공동 개발"
                : $"{models.Count}개 중 {shared}개는 공동 개발";
            if (printedValue is null)
            {
                reasons.Add("발표 없음");
                if (shared > 0) reasons.Add(codeveloped);
            }
            else if (recount > printedValue && shared > 0) reasons.Add(codeveloped);
            else if (recount != printedValue) reasons.Add("내려받은 시점·국가 분류 기준 차이");
            // Korea's rank, when it moves because the recount has countries the report does not print.
            if (code == "KOR" && pr is not null && rr is not null && pr.Rank != rr.Rank)
            {
                var ahead = ranked.Where(x => x.Rank < rr.Rank && !printedByCode.ContainsKey(x.Item.Key))
                    .Select(x => $"{RegionNames.Country(x.Item.Key)}({x.Item.Value.Count}개)").ToList();
                if (ahead.Count > 0) reasons.Add($"발표에 없는 {string.Join("·", ahead)}도 앞 순위");
            }

            rows.Add(Row(("code", code), ("name_ko", RegionNames.Country(code)), ("printed", printedValue), ("recount", recount),
                ("printed_rank", pr?.Rank), ("printed_tied", pr?.Tied ?? false), ("recount_rank", code == Countries.Europe ? null : rr?.Rank),
                ("recount_tied", rr?.Tied ?? false), ("shared", shared), ("partner", partner is null ? null : RegionNames.Country(partner)),
                ("reason", string.Join(". ", reasons))));
            sources.AddRange(models.Select(m => m.Source));
        }
        return spec.Rows(rows, sources, $"{indicator} rows for {y} in edition {indicators.Edition}");
    }

    private const string UnattributedFormula =
        "측정 연도에 공개된 모델 가운데 개발 기관 국가가 'Multinational'로만 적혀 있어 어느 국가에도 세지 않은 모델 수(전체 모델 수에는 포함)";

    private static string TotalFormula(int y, string snapshot) =>
        $"Epoch AI 주목할 만한 AI 모델 표({snapshot} 내려받기)에서 {y}년에 공개된 서로 다른 모델 수. 여러 나라가 함께 개발한 모델도 1개로 셈";

    private static IEnumerable<Metric> YearSeries(Dataset dataset, int measured)
    {
        // Only years the export holds completely: a stale export would draw a fall to a handful of models in the last year.
        var y = measured;
        while (y >= FirstSeriesYear && !dataset.Edition.IsYearComplete(y)) y--;
        var span = dataset.NotableModels.Where(m => m.PublicationDate.Year >= FirstSeriesYear && m.PublicationDate.Year <= y).ToList();
        foreach (var country in SeriesCountries)
        {
            Func<NotableModel, bool> has = country == Countries.Europe
                ? m => m.CountryIso3.Any(Countries.IsInEurope)
                : m => m.CountryIso3.Contains(country);
            var counted = span.Where(has).ToList();
            var points = Enumerable.Range(FirstSeriesYear, Math.Max(0, y - FirstSeriesYear + 1))
                .Select(year => new SeriesPoint(year, year.ToString(CultureInfo.InvariantCulture),
                    counted.Count(m => m.PublicationDate.Year == year)))
                .ToList();
            var name = RegionNames.Country(country);
            if (span.Count == 0)
            {
                yield return Unavailable($"models.series.{country}", $"연도별 주목할 만한 AI 모델 수({name})", "개", SeriesFormula(country, y),
                    NotComputable.NoRows($"notable models published {FirstSeriesYear}-{y} ({dataset.Edition.NotableModelsFile})", $"Epoch AI 자료의 {FirstSeriesYear}~{y}년 공개 모델"));
                continue;
            }
            yield return Series($"models.series.{country}", $"연도별 주목할 만한 AI 모델 수({name})", "개",
                SeriesFormula(country, y),
                points, counted.Count > 0 ? counted.Select(m => m.Source) : span.Select(m => m.Source),
                $"notable models per year {FirstSeriesYear}-{y}") with { Period = $"{FirstSeriesYear}~{y}년" };
        }
    }

    private static string SeriesFormula(string country, int y) =>
        $"{FirstSeriesYear}~{y}년 각 연도에 공개된 모델 가운데 개발 기관 국가에 {(country == Countries.Europe ? "유럽 국가가 하나 이상" : "해당 국가가")} 들어 있는 모델 수(재집계, 공동 개발 모델은 참여 국가마다 셈)";

    private static Metric KoreaList(List<NotableModel> inYear, int y, string file, Data.Catalog.NameTable names)
    {
        var korean = inYear.Where(m => m.CountryIso3.Contains("KOR"))
            .OrderBy(m => m.PublicationDate).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var list = Rows("models.korea_list", $"한국의 주목할 만한 AI 모델 목록({y}년)", "",
            "측정 연도에 공개된 모델 가운데 개발 기관 국가에 한국이 들어 있는 모델. 행: 모델명, 한국어 모델명, 개발 기관, 한국어 기관명(data/names.toml), 공개일, 매개변수 수(없으면 빈칸). 공개일 순",
            korean.Select(m => Row(("name", m.Name), ("name_ko", names.Model(m.Name)), ("organization", m.Organization),
                ("organization_ko", names.Organizations(m.Organization)),
                ("date", m.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("parameters", m.Parameters))).ToList(),
            korean.Select(m => m.Source), $"Korean notable models published in {y} ({file})");
        return list.Available ? list with { RowSources = korean.Select(m => m.Source).ToList() } : list;
    }

    /// <summary>The AI Index's printed counts and how far our recount is from them.</summary>
    private static IEnumerable<Metric> Printed(EditionIndicators indicators, int y, string snapshot,
        Dictionary<string, List<NotableModel>> byCountry, List<NotableModel> europe, int unattributed)
    {
        const string indicator = "notable_ai_models";
        var printed = indicators.Current(indicator).Where(i => i.Period == y.ToString(CultureInfo.InvariantCulture)).ToList();
        // Countries and the European aggregate have a recount; other regions (the EU alone, "rest of world") do not.
        string? CodeOf(Indicator i) => i.Iso3 ?? (i.GeoCode == Countries.Europe ? Countries.Europe : null);
        int Recount(string code) => code == Countries.Europe ? europe.Count : byCountry.GetValueOrDefault(code)?.Count ?? 0;
        var byCode = printed.Where(i => CodeOf(i) is not null).GroupBy(i => CodeOf(i)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var code in byCode.Keys.Union(AlwaysReported).Append(Countries.Europe).Distinct().Order(StringComparer.Ordinal))
        {
            var name = RegionNames.Country(code);
            var countLabel = $"AI 인덱스 발표 주목할 만한 AI 모델 수({name})";
            var diffLabel = $"재집계와 AI 인덱스 발표 모델 수의 차이({name})";
            const string countFormula = "AI 인덱스 보고서에 인쇄된 측정 연도의 국가별 주목할 만한 AI 모델 수(indicators.csv에 옮겨 적은 값)";
            const string diffFormula = "재집계 모델 수 − AI 인덱스 발표 모델 수(양수면 재집계가 더 많음)";
            if (byCode.TryGetValue(code, out var row))
            {
                yield return Number($"models.aiindex.{code}.count", countLabel, "개", countFormula, row.Value, [row.Location]);
                yield return Number($"models.aiindex.{code}.difference", diffLabel, "개", diffFormula, Recount(code) - row.Value,
                    [row.Location, .. (code == Countries.Europe ? europe : byCountry.GetValueOrDefault(code) ?? []).Select(m => m.Source)]);
            }
            else
            {
                var why = indicators.Missing(indicator, $"{code}, {y}", $"{name}, {y}년");
                yield return Unavailable($"models.aiindex.{code}.count", countLabel, "개", countFormula, why);
                yield return Unavailable($"models.aiindex.{code}.difference", diffLabel, "개", diffFormula, why);
            }
        }

        var ratio = new MetricSpec("models.aiindex.us_china_ratio", "중국 대비 미국의 주목할 만한 AI 모델 수 배수(AI 인덱스 발표)", "배",
            "AI 인덱스가 발표한 미국 모델 수 ÷ 중국 모델 수(측정 연도)");
        yield return byCode.TryGetValue("USA", out var usRow) && byCode.TryGetValue("CHN", out var cnRow)
            ? ratio.Number(Calc.Divide(usRow.Value, cnRow.Value, $"China's published notable model count in {y}"), [usRow.Location, cnRow.Location])
            : ratio.Unavailable(indicators.Missing(indicator, $"USA and CHN, {y}", $"미국·중국, {y}년"));

        yield return Rows("models.aiindex.rows", "AI 인덱스 발표 모델 수와 재집계 비교", "개",
            "AI 인덱스가 인쇄한 측정 연도의 지역별 모델 수(행 순서 그대로)와, 국가 코드 또는 유럽 합계로 대응되는 경우 재집계 값과 그 차이(재집계 − 발표). 행: 지역, 코드, 이름, 발표, 재집계, 차이",
            printed.Select(i =>
            {
                var code = CodeOf(i);
                double? recount = code is null ? null : Recount(code);
                return Row(("geography", i.Geography), ("iso3", code), ("name_ko", i.Geo?.KoreanName ?? (code is null ? RegionNames.Geography(i.Geography) : RegionNames.Country(code))),
                    ("printed", i.Value), ("recount", recount), ("difference", recount - i.Value));
            }).ToList(),
            printed.Select(i => i.Location), $"{indicator} rows for {y} in edition {indicators.Edition}");

        const string noteFormula = "재집계 기준(내려받은 날짜, 국가 분류 규칙)과 AI 인덱스 기준의 차이를 한 줄로 설명";
        yield return printed.Count == 0
            ? Unavailable("models.aiindex.note", "AI 인덱스 발표치와 재집계 차이의 이유", "", noteFormula,
                indicators.Missing(indicator, y.ToString(CultureInfo.InvariantCulture)))
            : TextMetric("models.aiindex.note", "AI 인덱스 발표치와 재집계 차이의 이유", noteFormula,
                $"재집계는 Epoch AI가 {LongDate(snapshot)}에 공개한 자료로 공동 개발 모델을 참여 국가마다 1개씩 센 값이며, AI 인덱스는 이후 갱신된 자료를 자체 기준으로 나라별로 나누어 수치가 다를 수 있음" +
                (unattributed > 0 ? $"(이 자료에서 {unattributed}개 모델은 개발 국가가 'Multinational'로만 적혀 있어 국가별 수에서 빠짐)" : ""),
                printed.Select(i => i.Location));
    }

    /// <summary>"2025-02-24" → "2025년 2월 24일" (the Text stage's date style; Metrics does not depend on Text).</summary>
    private static string LongDate(string isoDate)
    {
        return NotComputable.LongDate(DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
