namespace AiIndexReports.Metrics;

// TEMPORARY until the Data stage's Countries helper is merged (then this file is deleted): Korean names for the codes
// the editions use, and which codes count as Europe for the "EUR" aggregate.
internal static class CountryNames
{
    public const string Europe = "EUR";

    private static readonly Dictionary<string, string> Ko = new(StringComparer.Ordinal)
    {
        ["USA"] = "미국", ["CHN"] = "중국", ["KOR"] = "한국", ["GBR"] = "영국", ["FRA"] = "프랑스", ["CAN"] = "캐나다",
        ["ISR"] = "이스라엘", ["SAU"] = "사우디아라비아", ["DEU"] = "독일", ["JPN"] = "일본", ["LUX"] = "룩셈부르크",
        ["IND"] = "인도", ["ARE"] = "아랍에미리트", ["SGP"] = "싱가포르", ["SWE"] = "스웨덴", ["AUT"] = "오스트리아",
        ["NLD"] = "네덜란드", ["ITA"] = "이탈리아", ["HKG"] = "홍콩", ["CHE"] = "스위스", ["FIN"] = "핀란드",
        ["ESP"] = "스페인", ["AUS"] = "호주", [Europe] = "유럽",
    };

    private static readonly HashSet<string> European = new(StringComparer.Ordinal)
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
        "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "GBR",
    };

    public static string NameKo(string iso3) => Ko.TryGetValue(iso3, out var n) ? n : iso3;

    private static readonly Dictionary<string, string> Aggregates = new(StringComparer.Ordinal)
    {
        ["World"] = "전 세계", ["Europe (combined)"] = "유럽", ["European Union"] = "유럽연합", ["EU + UK"] = "EU·영국",
        ["Rest of world"] = "기타 국가", ["East Asia and Pacific"] = "동아시아·태평양", ["North America"] = "북미",
        ["Europe and Central Asia"] = "유럽·중앙아시아",
    };

    /// <summary>Korean name of an indicators.csv geography that has no ISO code (regions, aggregates).</summary>
    public static string GeographyKo(string geography) => Aggregates.TryGetValue(geography, out var n) ? n : geography;

    public static bool IsEuropean(string iso3) => European.Contains(iso3);
}
