using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// gap.*: the US-minus-China gap between the best models on each benchmark the edition prints, and our own quarterly
/// recount of the best US and Chinese MMLU scores from Epoch's MMLU table.
/// </summary>
internal static class GapMetrics
{
    private const string Indicator = "us_minus_china_top_model_gap";

    // The leaderboard gap also has an indicator of its own (a pair or world row rather than a benchmark row).
    private const string ArenaIndicator = "us_china_top_model_gap_arena";

    // Id segment, the geography indicators.csv uses for each benchmark (or the catalog's code), and its name in the brief.
    private static readonly (string Key, string Geography, string Display)[] Benchmarks =
    [
        ("mmlu", "MMLU", "MMLU"), ("mmmu", "MMMU", "MMMU"), ("math", "MATH", "MATH"),
        ("humaneval", "HumanEval", "HumanEval"), ("arena", "CHATBOT_ARENA", "챗봇 아레나"),
    ];

    public static IEnumerable<Metric> Compute(Dataset dataset, EditionIndicators indicators) =>
        [.. Benchmarks.SelectMany(b => Printed(indicators, b.Key, b.Geography, b.Display)), Table(indicators), .. Quarterly(dataset)];

    /// <summary>gap.benchmarks: one row per benchmark with two or more printed periods, so a table needs no test per benchmark.</summary>
    private static Metric Table(EditionIndicators indicators)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var sources = new List<SourceLocation>();
        foreach (var (key, geography, display) in Benchmarks)
        {
            var points = RowsOf(indicators, key, geography);
            if (points.Count < 2) continue;
            var (start, end) = (points[0], points[^1]);
            var unit = end.KoreanUnit ?? "%p";
            rows.Add(Row(("benchmark", display), ("key", key), ("unit", unit), ("change_unit", unit == "%" ? "%p" : unit),
                ("start", start.Value), ("start_period", Period.KoreanOf(start.Period)),
                ("end", end.Value), ("end_period", Period.KoreanOf(end.Period)), ("change", SizeChange(start.Value, end.Value)),
                ("reversed", Reversed(start.Value, end.Value)), ("leader", Leader(end.Value)), ("lead", Math.Abs(end.Value))));
            sources.AddRange([start.Location, end.Location]);
        }
        return Rows("gap.benchmarks", "미·중 최고 모델 간 벤치마크별 성능 격차", "",
            "AI 인덱스가 발표한 벤치마크별 미국 최고 모델 점수 − 중국 최고 모델 점수의 처음과 마지막 시점 값과 격차 크기의 변화(|마지막| − |처음|). 행: 벤치마크, 단위, 시작 값·시점, 최근 값·시점, 변화, 앞선 나라가 바뀌었는지(reversed), 최근 시점에 앞선 나라(leader)와 그 차(lead)",
            rows, sources, $"{Indicator} rows with two periods in edition {indicators.Edition}");
    }

    /// <summary>The rows of one benchmark's gap, oldest first: by geography (its spelling or catalog code), and for the
    /// leaderboard also the rows of its own indicator.</summary>
    private static List<Indicator> RowsOf(EditionIndicators indicators, string key, string geography)
    {
        bool Named(Indicator i) => string.Equals(i.Geography, geography, StringComparison.OrdinalIgnoreCase) || i.GeoCode == geography;
        var rows = indicators.Current(Indicator).Where(Named).ToList();
        if (rows.Count == 0 && key == "arena") rows = [.. indicators.Current(ArenaIndicator)];
        return rows.Where(i => Period.Parse(i.Period) is not null).OrderBy(i => Period.Parse(i.Period)!.Value.SortKey).ToList();
    }

    private static IEnumerable<Metric> Printed(EditionIndicators indicators, string key, string geography, string display)
    {
        var rows = RowsOf(indicators, key, geography);
        var unit = rows.Count > 0 ? rows[^1].KoreanUnit ?? (rows[0].Unit.StartsWith("percentage point", StringComparison.OrdinalIgnoreCase) ? "%p" : "%") : "%p";
        var p = $"gap.{key}";
        var startLabel = $"미·중 최고 모델 성능 격차(시작 시점, {display})";
        var endLabel = $"미·중 최고 모델 성능 격차(최근 시점, {display})";
        var reductionLabel = $"미·중 최고 모델 성능 격차 축소 폭({display})";
        var changeLabel = $"미·중 최고 모델 성능 격차의 변화({display})";
        const string startFormula = "AI 인덱스가 발표한 미국 최고 모델 점수 − 중국 최고 모델 점수, 발표된 시점 가운데 가장 이른 시점";
        const string endFormula = "AI 인덱스가 발표한 미국 최고 모델 점수 − 중국 최고 모델 점수, 발표된 시점 가운데 가장 늦은 시점";
        // A gap is signed (negative: China ahead), so its change is the change of its size; when the leader changed
        // the gap did not simply narrow: "reversed" says so and the templates write 역전.
        const string reductionFormula = "격차 크기의 축소 폭: |시작 시점 격차| − |최근 시점 격차|(양수면 격차가 줄어듦)";
        const string changeFormula = "격차 크기의 변화: |최근 시점 격차| − |시작 시점 격차|(음수면 격차가 줄어듦)";
        const string leaderFormula = "격차의 부호로 정한, 그 시점에 앞선 나라(양수 미국, 음수 중국, 0이면 없음)";
        const string reversedFormula = "시작 시점과 최근 시점에 앞선 나라가 다르면 1, 같으면 0";
        const string periodFormula = "격차를 잰 시점(indicators.csv의 period)을 한국어로 적은 것";
        var changeUnit = unit == "%" ? "%p" : unit;

        var why = rows.Count == 0 ? indicators.Missing(key == "arena" ? ArenaIndicator : Indicator, geography, display) : null;
        if (rows.Count == 0)
        {
            yield return Unavailable($"{p}.end", endLabel, unit, endFormula, why!);
            yield return Unavailable($"{p}.end_period", $"격차 최근 시점({display})", "", periodFormula, why!);
            yield return Unavailable($"{p}.leader", $"최근 시점에 앞선 나라({display})", "", leaderFormula, why!);
            yield return Unavailable($"{p}.lead", $"최근 시점에 앞선 나라의 점수 차({display})", unit, "|최근 시점 격차|", why!);
        }
        else
        {
            var end = rows[^1];
            yield return Number($"{p}.end", endLabel, unit, endFormula, end.Value, [end.Location]) with { Period = Period.KoreanOf(end.Period) };
            yield return TextMetric($"{p}.end_period", $"격차 최근 시점({display})", periodFormula, Period.KoreanOf(end.Period), [end.Location]);
            yield return TextMetric($"{p}.leader", $"최근 시점에 앞선 나라({display})", leaderFormula, Leader(end.Value), [end.Location]);
            yield return Number($"{p}.lead", $"최근 시점에 앞선 나라의 점수 차({display})", unit, "|최근 시점 격차|", Math.Abs(end.Value), [end.Location]) with { Period = Period.KoreanOf(end.Period) };
        }

        if (rows.Count < 2)
        {
            why ??= NotComputable.TooFewPoints($"{Indicator} ({display}, edition {indicators.Edition})", rows.Count, 2, $"{indicators.Edition}년판 AI 인덱스의 미·중 최고 모델 성능 격차({display})");
            yield return Unavailable($"{p}.start", startLabel, unit, startFormula, why);
            yield return Unavailable($"{p}.reduction", reductionLabel, changeUnit, reductionFormula, why);
            yield return Unavailable($"{p}.change", changeLabel, changeUnit, changeFormula, why);
            yield return Unavailable($"{p}.start_period", $"격차 시작 시점({display})", "", periodFormula, why);
            yield return Unavailable($"{p}.start_leader", $"시작 시점에 앞선 나라({display})", "", leaderFormula, why);
            yield return Unavailable($"{p}.reversed", $"앞선 나라가 바뀌었는지({display})", "", reversedFormula, why);
            yield break;
        }

        var (start, last) = (rows[0], rows[^1]);
        yield return Number($"{p}.start", startLabel, unit, startFormula, start.Value, [start.Location]) with { Period = Period.KoreanOf(start.Period) };
        yield return Number($"{p}.reduction", reductionLabel, changeUnit, reductionFormula, -SizeChange(start.Value, last.Value), [start.Location, last.Location]);
        yield return Number($"{p}.change", changeLabel, changeUnit, changeFormula, SizeChange(start.Value, last.Value), [start.Location, last.Location]);
        yield return TextMetric($"{p}.start_period", $"격차 시작 시점({display})", periodFormula, Period.KoreanOf(start.Period), [start.Location]);
        yield return TextMetric($"{p}.start_leader", $"시작 시점에 앞선 나라({display})", leaderFormula, Leader(start.Value), [start.Location]);
        yield return Number($"{p}.reversed", $"앞선 나라가 바뀌었는지({display})", "", reversedFormula, Reversed(start.Value, last.Value) ? 1 : 0, [start.Location, last.Location]);
    }

    /// <summary>The change in the gap's size (a US lead of 0.3 and a Chinese lead of 0.3 are the same size).</summary>
    private static double SizeChange(double start, double end) => Math.Abs(end) - Math.Abs(start);

    /// <summary>The country ahead: the gap is US minus China.</summary>
    private static string Leader(double gap) => gap > 0 ? RegionNames.Country("USA") : gap < 0 ? RegionNames.Country("CHN") : "없음";

    /// <summary>The other country is ahead at the end (a tie at either end is no reversal).</summary>
    private static bool Reversed(double start, double end) => Math.Sign(start) * Math.Sign(end) < 0;

    private const string QuarterlyFormula =
        "Epoch AI MMLU 점수표에서 개발 국가에 해당 국가가 들어 있는 모델만 골라, 공개일 기준 분기마다 그 분기 말까지 공개된 모델의 최고 점수(누적 최고치)를 구함. " +
        "처음 점수가 있는 분기부터 측정 연도 4분기까지. 점수는 출처와 예시 문항 수(shot) 설정이 섞여 있어 AI 인덱스 발표치와 다를 수 있음(자체 재집계)";

    private static IEnumerable<Metric> Quarterly(Dataset dataset)
    {
        var y = dataset.Edition.MeasuredYear;
        // The table must reach the end of the measured year: otherwise the last quarters would repeat the best score
        // of an earlier quarter (a flat line into a year the data does not cover).
        var last = dataset.MmluScores.Count == 0 ? (DateOnly?)null : dataset.MmluScores.Max(s => s.ReleaseDate);
        if (last is { } end && end < new DateOnly(y, 12, 31))
        {
            var why = NotComputable.CoverageEnds("the Epoch AI MMLU score table", "Epoch AI MMLU 점수표", end, y);
            foreach (var id in new[] { "USA", "CHN" })
                yield return Unavailable($"gap.mmlu.quarterly.{id}", $"분기별 최고 MMLU 점수({RegionNames.Country(id)}, 자체 재집계)", "%", QuarterlyFormula, why);
            yield return Unavailable("gap.mmlu.quarterly.difference", "분기별 미·중 최고 MMLU 점수 격차(자체 재집계)", "%p", QuarterlyFormula, why);
            foreach (var (id, label, formula, _) in RecountEnds(y))
                yield return Unavailable(id, label, "%p", formula, why);
            yield break;
        }
        var scores = dataset.MmluScores.Where(s => s.ReleaseDate.Year <= y).ToList();
        var frontiers = new Dictionary<string, List<(int Quarter, MmluScore Best)>>(StringComparer.Ordinal);
        foreach (var country in new[] { "USA", "CHN" })
        {
            var own = scores.Where(s => s.CountryIso3.Contains(country)).ToList();
            var frontier = new List<(int, MmluScore)>();
            if (own.Count > 0)
            {
                MmluScore? best = null;
                var byQuarter = own.ToLookup(s => QuarterIndex(s.ReleaseDate));
                for (var q = own.Min(s => QuarterIndex(s.ReleaseDate)); q <= y * 4 + 3; q++)
                {
                    foreach (var s in byQuarter[q].OrderBy(s => s.Model, StringComparer.Ordinal))
                        if (best is null || s.AccuracyPct > best.AccuracyPct) best = s;
                    frontier.Add((q, best!));
                }
            }
            frontiers[country] = frontier;
            var name = RegionNames.Country(country);
            yield return Series($"gap.mmlu.quarterly.{country}", $"분기별 최고 MMLU 점수({name}, 자체 재집계)", "%", QuarterlyFormula,
                frontier.Select(f => Point(f.Item1, f.Item2.AccuracyPct, f.Item2.Model)).ToList(),
                frontier.Select(f => f.Item2.Source), $"MMLU scores of {country} models up to {y}");
        }

        var chinaByQuarter = frontiers["CHN"].ToDictionary(f => f.Quarter);
        var both = frontiers["USA"].Where(f => chinaByQuarter.ContainsKey(f.Quarter)).ToList();
        yield return Series("gap.mmlu.quarterly.difference", "분기별 미·중 최고 MMLU 점수 격차(자체 재집계)", "%p",
            "분기별 미국 누적 최고 MMLU 점수 − 중국 누적 최고 MMLU 점수(두 나라 모두 점수가 있는 분기만). " + QuarterlyFormula,
            both.Select(f => Point(f.Quarter, f.Best.AccuracyPct - chinaByQuarter[f.Quarter].Best.AccuracyPct,
                $"{f.Best.Model} − {chinaByQuarter[f.Quarter].Best.Model}")).ToList(),
            both.SelectMany(f => new[] { f.Best.Source, chinaByQuarter[f.Quarter].Best.Source }),
            $"quarters with both US and Chinese MMLU scores up to {y}");

        // The recount's gap at the two ends the report prints (the fourth quarter of the year before and of the measured
        // year): the "발표값과 재집계 비교" table sets them beside the printed gap.
        var usByQuarter = frontiers["USA"].ToDictionary(f => f.Quarter);
        foreach (var (id, label, formula, quarter) in RecountEnds(y))
        {
            if (usByQuarter.TryGetValue(quarter, out var us) && chinaByQuarter.TryGetValue(quarter, out var cn))
                yield return Number(id, label, "%p", formula, us.Best.AccuracyPct - cn.Best.AccuracyPct, [us.Best.Source, cn.Best.Source])
                    with { Period = $"{quarter / 4}년 말" };
            else
                yield return Unavailable(id, label, "%p", formula, NotComputable.NoRows(
                    $"US and Chinese MMLU scores up to the end of {quarter / 4}", $"{quarter / 4}년 말까지의 미국·중국 모델 MMLU 점수"));
        }
    }

    private static IEnumerable<(string Id, string Label, string Formula, int Quarter)> RecountEnds(int y)
    {
        const string formula = "그해 4분기 말까지 공개된 미국 모델의 최고 MMLU 점수 − 중국 모델의 최고 MMLU 점수(Epoch AI MMLU 점수표, 자체 재집계)";
        yield return ("gap.mmlu.recount.start", $"미·중 최고 모델의 MMLU 점수 차({y - 1}년 말, 재집계)", formula, (y - 1) * 4 + 3);
        yield return ("gap.mmlu.recount.end", $"미·중 최고 모델의 MMLU 점수 차({y}년 말, 재집계)", formula, y * 4 + 3);
    }

    private static int QuarterIndex(DateOnly date) => date.Year * 4 + (date.Month - 1) / 3;

    /// <summary>X is the quarter's start as a decimal year (2023 Q4 → 2023.75), so series share an axis with years.</summary>
    private static SeriesPoint Point(int quarterIndex, double value, string note)
    {
        var (year, q) = (quarterIndex / 4, quarterIndex % 4 + 1);
        return new SeriesPoint(year + (q - 1) / 4.0, string.Create(CultureInfo.InvariantCulture, $"{year} Q{q}"), value, note);
    }
}
