using AiIndexReports.Data;
using AiIndexReports.Metrics;

namespace AiIndexReports.Charts;

/// <summary>
/// Korean country names for chart labels: the Metrics stage's ranking rows (name_ko) first, then the Data stage's one
/// country table (<see cref="Countries"/>) for codes a figure shows without a ranking row (series, shares).
/// </summary>
internal sealed class CountryNames
{
    private static readonly string[] RankingIds = ["models.ranking", "patents.per_100k.ranking", "invest.private.ranking"];

    private readonly Dictionary<string, string> _names = Countries.All.ToDictionary(c => c.Iso3, c => c.KoreanName, StringComparer.Ordinal);

    public CountryNames(MetricSet metrics)
    {
        _names[Countries.Europe] = Countries.KoreanName(Countries.Europe);
        foreach (string id in RankingIds)
            if (metrics.TryGet(id, out var ranking) && ranking is { Available: true, Rows: { } rows })
                foreach (var row in rows)
                    if (row.TryGetValue("iso3", out var iso) && iso is string code
                        && row.TryGetValue("name_ko", out var name) && name is string korean && korean.Length > 0)
                        _names[code] = korean;
    }

    public bool TryGet(string iso3, out string name) => _names.TryGetValue(iso3, out name!);
}
