using System.Collections.Frozen;

namespace AiIndexReports.Data;

/// <summary>A country as the briefs name it: ISO 3166 alpha-3 code, Korean display name, English name.</summary>
public sealed record Country(string Iso3, string KoreanName, string EnglishName);

/// <summary>
/// The one place where country spellings become ISO 3166 alpha-3 codes and Korean names.
/// Epoch AI writes UN-style names ("Korea (Republic of)"), the transcribed AI Index figures write everyday
/// English ("South Korea"); both map here, so Metrics and templates only ever see codes.
/// </summary>
public static class Countries
{
    /// <summary>Pseudo-code of the European aggregate (not an ISO code: ISO has none for it).</summary>
    public const string Europe = "EUR";

    /// <summary>Korean name of the European aggregate.</summary>
    public const string EuropeKoreanName = "유럽";

    // Every spelling we accept, per country. The first English spelling is the display name.
    // Epoch spellings come from `Country (from Organization)` of both notable-models exports and
    // `developer_countries` of the MMLU table; the others from indicators.csv.
    private static readonly (string Iso3, string Korean, string[] Names)[] Table =
    [
        ("USA", "미국", ["United States", "United States of America", "USA", "US", "U.S."]),
        ("CHN", "중국", ["China", "People's Republic of China"]),
        ("KOR", "한국", ["South Korea", "Korea (Republic of)", "Republic of Korea"]),
        ("GBR", "영국", ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK"]),
        ("FRA", "프랑스", ["France"]),
        ("CAN", "캐나다", ["Canada"]),
        ("ISR", "이스라엘", ["Israel"]),
        ("SAU", "사우디아라비아", ["Saudi Arabia"]),
        ("DEU", "독일", ["Germany"]),
        ("JPN", "일본", ["Japan"]),
        ("IND", "인도", ["India"]),
        ("SGP", "싱가포르", ["Singapore"]),
        ("ARE", "아랍에미리트", ["United Arab Emirates", "UAE"]),
        ("LUX", "룩셈부르크", ["Luxembourg"]),
        ("CHE", "스위스", ["Switzerland"]),
        ("HKG", "홍콩", ["Hong Kong"]),
        ("TWN", "대만", ["Taiwan"]),
        ("AUS", "호주", ["Australia"]),
        ("NLD", "네덜란드", ["Netherlands"]),
        ("CZE", "체코", ["Czechia", "Czech Republic"]),
        ("AUT", "오스트리아", ["Austria"]),
        ("FIN", "핀란드", ["Finland"]),
        ("BEL", "벨기에", ["Belgium"]),
        ("POL", "폴란드", ["Poland"]),
        ("ESP", "스페인", ["Spain"]),
        ("IRL", "아일랜드", ["Ireland"]),
        ("IRN", "이란", ["Iran (Islamic Republic of)", "Iran"]),
        ("SWE", "스웨덴", ["Sweden"]),
        ("NOR", "노르웨이", ["Norway"]),
        ("RUS", "러시아", ["Russia", "Russian Federation"]),
        ("ARG", "아르헨티나", ["Argentina"]),
        ("ITA", "이탈리아", ["Italy"]),
        ("BRA", "브라질", ["Brazil"]),
        ("CYP", "키프로스", ["Cyprus"]),
        ("DNK", "덴마크", ["Denmark"]),
        ("EST", "에스토니아", ["Estonia"]),
        ("GRC", "그리스", ["Greece"]),
        ("HUN", "헝가리", ["Hungary"]),
        ("LVA", "라트비아", ["Latvia"]),
        ("LTU", "리투아니아", ["Lithuania"]),
        ("MLT", "몰타", ["Malta"]),
        ("PRT", "포르투갈", ["Portugal"]),
        ("ROU", "루마니아", ["Romania"]),
        ("SVK", "슬로바키아", ["Slovakia"]),
        ("SVN", "슬로베니아", ["Slovenia"]),
        ("BGR", "불가리아", ["Bulgaria"]),
        ("HRV", "크로아티아", ["Croatia"]),
        ("ISL", "아이슬란드", ["Iceland"]),
        ("LIE", "리히텐슈타인", ["Liechtenstein"]),
    ];

    /// <summary>
    /// Labels Epoch uses in the country column that are not countries. "Multinational" marks an organisation
    /// that Epoch does not place in one country (e.g. Google DeepMind next to its US and UK rows); it is known,
    /// not an error, and never counted as a country.
    /// </summary>
    public static readonly IReadOnlySet<string> NonCountryLabels = FrozenSet.ToFrozenSet(["Multinational"], StringComparer.Ordinal);

    /// <summary>
    /// The European aggregate (EUR) = the 27 EU member states + the United Kingdom.
    /// Why this definition: it is the AI Index's own "EU and UK" region in its notable-models charts
    /// (AI Index 2024: "European Union and United Kingdom"), so our recount compares with the printed figure.
    /// EFTA states (Switzerland, Norway, Iceland, Liechtenstein) are not included.
    /// A model counts once for EUR however many European countries developed it.
    /// </summary>
    public static readonly IReadOnlySet<string> EuropeMembers = FrozenSet.ToFrozenSet(
    [
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
        "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", // EU-27
        "GBR",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Country> ByIso3 =
        Table.ToFrozenDictionary(t => t.Iso3, t => new Country(t.Iso3, t.Korean, t.Names[0]), StringComparer.Ordinal);

    // Names match ignoring case: "korea (republic of)" is still Korea, but nothing fuzzier than that.
    private static readonly FrozenDictionary<string, Country> ByName =
        Table.SelectMany(t => t.Names.Select(n => (Name: n, Country: ByIso3[t.Iso3])))
             .ToFrozenDictionary(p => p.Name, p => p.Country, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every known country, in ISO code order.</summary>
    public static IReadOnlyList<Country> All { get; } = [.. ByIso3.Values.OrderBy(c => c.Iso3, StringComparer.Ordinal)];

    /// <summary>Every spelling that <see cref="TryFromName"/> accepts (for suggestions).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [.. Table.SelectMany(t => t.Names)];

    /// <summary>The spellings accepted for a code, display name first.</summary>
    public static IReadOnlyList<string> NamesOf(string iso3) => Table.FirstOrDefault(t => t.Iso3 == iso3).Names ?? [];

    public static bool TryFromName(string name, out Country country) => ByName.TryGetValue(name.Trim(), out country!);

    public static bool TryFromIso3(string iso3, out Country country) => ByIso3.TryGetValue(iso3, out country!);

    /// <summary>Korean display name for an ISO3 code or EUR: "KOR" → "한국". Throws for an unknown code (a bug, not data).</summary>
    public static string KoreanName(string iso3) =>
        iso3 == Europe ? EuropeKoreanName
        : ByIso3.TryGetValue(iso3, out var c) ? c.KoreanName
        : throw new KeyNotFoundException($"unknown country code '{iso3}'; known: {string.Join(", ", ByIso3.Keys.Order())}, {Europe}");

    /// <summary>True if the code is a member of the European aggregate (see <see cref="EuropeMembers"/>).</summary>
    public static bool IsInEurope(string iso3) => EuropeMembers.Contains(iso3);

    /// <summary>The known spelling closest to an unknown one, for "did you mean" hints.</summary>
    public static string? Suggest(string unknown) => NearestName.Find(unknown, KnownNames);
}
