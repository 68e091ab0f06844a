using AiIndexReports.Metrics;

namespace AiIndexReports.Charts;

/// <summary>
/// Korean country names for chart labels. The Metrics stage's ranking rows (name_ko) win; the table below only covers
/// codes a figure may show without a ranking row (series, shares).
/// </summary>
internal sealed class CountryNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["USA"] = "미국", ["CHN"] = "중국", ["EUR"] = "유럽", ["KOR"] = "한국", ["GBR"] = "영국", ["FRA"] = "프랑스",
        ["DEU"] = "독일", ["CAN"] = "캐나다", ["JPN"] = "일본", ["ISR"] = "이스라엘", ["SAU"] = "사우디아라비아",
        ["IND"] = "인도", ["SGP"] = "싱가포르", ["LUX"] = "룩셈부르크", ["SWE"] = "스웨덴", ["ARE"] = "아랍에미리트",
        ["AUT"] = "오스트리아", ["NLD"] = "네덜란드", ["ITA"] = "이탈리아", ["CHE"] = "스위스", ["ESP"] = "스페인",
        ["FIN"] = "핀란드", ["AUS"] = "호주", ["TWN"] = "대만", ["HKG"] = "홍콩", ["RUS"] = "러시아", ["BRA"] = "브라질",
        ["POL"] = "폴란드", ["DNK"] = "덴마크", ["NOR"] = "노르웨이", ["BEL"] = "벨기에", ["IRL"] = "아일랜드",
        ["VNM"] = "베트남", ["TUR"] = "튀르키예", ["CZE"] = "체코", ["EST"] = "에스토니아",
    };

    private static readonly string[] RankingIds = ["models.ranking", "patents.per_100k.ranking", "invest.private.ranking"];

    private readonly Dictionary<string, string> _names = new(Known, StringComparer.Ordinal);

    public CountryNames(MetricSet metrics)
    {
        foreach (string id in RankingIds)
            if (metrics.TryGet(id, out var ranking) && ranking is { Available: true, Rows: { } rows })
                foreach (var row in rows)
                    if (row.TryGetValue("iso3", out var iso) && iso is string code
                        && row.TryGetValue("name_ko", out var name) && name is string korean && korean.Length > 0)
                        _names[code] = korean;
    }

    public bool TryGet(string iso3, out string name) => _names.TryGetValue(iso3, out name!);
}
