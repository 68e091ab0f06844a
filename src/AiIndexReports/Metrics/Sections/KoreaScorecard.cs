using System.Globalization;
using AiIndexReports.Data.Catalog;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// korea.scorecard: Korea's position on every catalog indicator marked `scorecard = true` that has a Korean value in
/// this edition (a new indicator appears by itself), built from the indicator metrics already computed so the table can
/// never disagree with the numbers in the text. When the AI Index prints no Korean model count, the recount stands in.
/// </summary>
internal static class KoreaScorecard
{
    private const string Up = "▲", Down = "▼", Same = "–";

    public static Metric Compute(IReadOnlyDictionary<string, Metric> m, IndicatorCatalog catalog)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var sources = new List<SourceLocation>();

        Metric? Get(string id) => m.TryGetValue(id, out var metric) && metric.Available ? metric : null;

        void Add(Metric value, string labelKo, string unit, double? rank, bool tied, string? leaderCode, double? leaderValue, string change, params Metric?[] evidence)
        {
            // A rank indicator's value is Korea's rank: it goes in the rank column, and the value column stays empty
            // (a score and a rank never share a column).
            var isRank = unit == "위";
            rows.Add(Row(("indicator", value.Id), ("label_ko", labelKo), ("value", isRank ? null : value.Number), ("unit", unit),
                ("rank", isRank ? value.Number : rank), ("tied", tied),
                ("leader_iso3", leaderCode), ("leader_value", isRank ? null : leaderValue), ("change_sign", change), ("period", value.Period),
                ("source", value.Sources.Count == 0 ? null : (value.Sources[0] with { Column = 0 }).ToString())));
            foreach (var e in evidence.Prepend(value).OfType<Metric>()) sources.AddRange(e.Sources);
        }

        foreach (var d in catalog.Indicators.Where(d => d.Scorecard))
        {
            var p = $"{IndicatorMetrics.Prefix}.{d.Name}";
            if (Get($"{p}.KOR") is not { } value)
            {
                // No printed Korean count of models: the recount of the same year, labelled as such.
                if (d.Name == "notable_ai_models" && Get("models.by_country.KOR.count") is { } recount)
                {
                    var series = Get("models.series.KOR")?.Series;
                    var change = series is { Count: >= 2 } ? Sign(series[^1].Value - series[^2].Value) : Same;
                    var top = Get("models.ranking")?.Rows?.FirstOrDefault();
                    Add(recount with { Period = Get("edition.measured_year")?.Number is { } y ? $"{y:0}년" : null }, d.Label + ", 재집계", "개", Get("models.by_country.KOR.rank")?.Number, Get("models.by_country.KOR.rank_tied")?.Number == 1,
                        top?["iso3"] as string, top?["count"] is { } c ? Convert.ToDouble(c, CultureInfo.InvariantCulture) : null, change, Get("models.ranking"));
                }
                continue;
            }
            var isRank = d.Kind == "rank";
            var rankMetric = isRank ? null : Get($"{p}.KOR.rank");
            var tied = Get($"{p}.ranking")?.Rows?.FirstOrDefault(r => r["iso3"] as string == "KOR")?["tied"] is true;
            var delta = Get($"{p}.KOR.change")?.Number;
            // A smaller rank or cost is ahead: the arrow points the other way from the number.
            var sign = delta is { } x ? Sign(d.LowerIsAhead || isRank ? -x : x) : Same;
            var leaderCode = Get($"{p}.leader_code")?.Text;
            Add(value, d.Label, value.Unit, rankMetric?.Number, tied, leaderCode, Get($"{p}.leader_value")?.Number, sign,
                rankMetric, Get($"{p}.KOR.change"), Get($"{p}.leader_value"));
        }

        return Rows("korea.scorecard", "한국의 AI 지표 성적표", "",
            "data/indicators.toml에서 scorecard로 표시한 지표 가운데 한국 값이 있는 것마다 한국의 값, 순위(발표 순위, 없으면 값을 발표한 국가 사이의 순위), " +
            "1위 국가와 그 값, 직전 판 대비 변화(▲ 개선, ▼ 악화, – 같음 또는 비교 불가)를 모은 표. 모델 수가 발표되지 않은 판은 재집계 값으로 대신함",
            rows, sources, "Korea's values in this edition");
    }

    private static string Sign(double delta) => delta > 0 ? Up : delta < 0 ? Down : Same;
}
