using System.Globalization;
using AiIndexReports.Data;
using static AiIndexReports.Metrics.MetricFactory;

namespace AiIndexReports.Metrics.Sections;

/// <summary>
/// korea.scorecard: Korea's position on each indicator the edition has, built from the metrics already computed so the
/// table can never disagree with the numbers in the text.
/// </summary>
internal static class KoreaScorecard
{
    private const string Up = "▲", Down = "▼", Same = "–";

    public static Metric Compute(IReadOnlyDictionary<string, Metric> m)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var sources = new List<SourceLocation>();

        void Add(string valueId, string labelKo, double? value, string unit, string? rankId, IReadOnlyDictionary<string, object?>? leader,
            string leaderValueKey, string change, params string[] evidenceIds)
        {
            var valueMetric = m[valueId];
            var rank = rankId is not null && m.TryGetValue(rankId, out var r) && r.Available ? r.Number : null;
            rows.Add(Row(("indicator", valueId), ("label_ko", labelKo), ("value", value), ("unit", unit), ("rank", rank),
                ("leader_iso3", leader?["iso3"]), ("leader_value", leader?[leaderValueKey] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null), ("change_sign", change),
                ("source", valueMetric.Sources.Count == 0 ? null : (valueMetric.Sources[0] with { Column = 0 }).ToString())));
            foreach (var id in evidenceIds.Prepend(valueId))
                if (m.TryGetValue(id, out var e) && e.Available) sources.AddRange(e.Sources);
        }

        if (m["models.by_country.KOR.count"] is { Available: true } models)
        {
            var series = m["models.series.KOR"].Series;
            var change = series is { Count: >= 2 } ? Sign(series[^1].Value - series[^2].Value) : Same;
            Add(models.Id, "주목할 만한 AI 모델 수(재집계)", models.Number, "개", "models.by_country.KOR.rank",
                m["models.ranking"].Rows?.FirstOrDefault(), "count", change, "models.ranking");
        }
        if (m["patents.per_100k.KOR"] is { Available: true } perCapita)
            Add(perCapita.Id, "인구 10만 명당 AI 특허 등록 건수", perCapita.Number, "건", "patents.per_100k.rank.KOR",
                m["patents.per_100k.ranking"].Rows?.FirstOrDefault(), "value", ChangeOf(m["patents.per_100k.KOR.change"]),
                "patents.per_100k.ranking", "patents.per_100k.KOR.change");
        if (m["patents.share.KOR"] is { Available: true } share)
            Add(share.Id, "전 세계 AI 특허 등록 중 비중", share.Number, "%", null,
                m["patents.share.breakdown"].Rows?.Where(r => r["iso3"] is not null).MaxBy(r => (double)r["value"]!), "value",
                ChangeOf(m["patents.share.KOR.change_pp"]), "patents.share.breakdown", "patents.share.KOR.change_pp");
        if (m["invest.private.KOR"] is { Available: true } invest)
        {
            var ranking = m["invest.private.ranking"].Rows;
            Add(invest.Id, "민간 AI 투자액", invest.Number, "10억 달러", null, ranking?.FirstOrDefault(), "value", Same, "invest.private.ranking");
        }
        if (m["vibrancy.rank.KOR"] is { Available: true } vibrancy)
        {
            var score = m["vibrancy.score.KOR"];
            var before = m["vibrancy.rank.KOR.previous"];
            // A smaller rank number is an improvement, so the arrow points the other way from the number.
            var change = before.Available ? Sign(before.Number!.Value - vibrancy.Number!.Value) : Same;
            // Without a printed score the rank itself is the value.
            Add(score.Available ? score.Id : vibrancy.Id, score.Available ? "글로벌 AI 활력 점수" : "글로벌 AI 활력 순위",
                score.Available ? score.Number : vibrancy.Number, score.Available ? "점" : "위", vibrancy.Id,
                m["vibrancy.ranking"].Rows?.FirstOrDefault(), score.Available ? "score" : "rank", change,
                "vibrancy.ranking", "vibrancy.rank.KOR.previous", vibrancy.Id);
        }

        return Rows("korea.scorecard", "한국의 AI 지표 성적표", "",
            "한국 값이 있는 지표마다 한국의 값, 순위, 1위 국가와 그 값, 직전 대비 변화(▲ 상승·개선, ▼ 하락, – 같음 또는 비교 불가)를 모은 표. " +
            "모델 수는 같은 자료의 직전 연도와, 특허는 직전 판 AI 인덱스와, 활력 순위는 직전 연도 순위와 비교",
            rows, sources, "Korea's values in this edition");
    }

    private static string ChangeOf(Metric change) => change.Available ? Sign(change.Number!.Value) : Same;

    private static string Sign(double delta) => delta > 0 ? Up : delta < 0 ? Down : Same;
}
