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
        ("KOR", "한국", ["South Korea", "Korea (Republic of)", "Republic of Korea", "Korea, Rep."]),
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
        ("HKG", "홍콩", ["Hong Kong", "Hong Kong SAR", "Hong Kong, China"]),
        ("TWN", "대만", ["Taiwan", "Taiwan, China", "Chinese Taipei"]),
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
        // The rest of ISO 3166-1 (and Kosovo's XKX, used by the World Bank): any country a new edition may print.
        ("AFG", "아프가니스탄", ["Afghanistan"]),
        ("ALB", "알바니아", ["Albania"]),
        ("DZA", "알제리", ["Algeria"]),
        ("AND", "안도라", ["Andorra"]),
        ("AGO", "앙골라", ["Angola"]),
        ("ATG", "앤티가 바부다", ["Antigua and Barbuda"]),
        ("ARM", "아르메니아", ["Armenia"]),
        ("AZE", "아제르바이잔", ["Azerbaijan"]),
        ("BHS", "바하마", ["Bahamas", "The Bahamas"]),
        ("BHR", "바레인", ["Bahrain"]),
        ("BGD", "방글라데시", ["Bangladesh"]),
        ("BRB", "바베이도스", ["Barbados"]),
        ("BLR", "벨라루스", ["Belarus"]),
        ("BLZ", "벨리즈", ["Belize"]),
        ("BEN", "베냉", ["Benin"]),
        ("BTN", "부탄", ["Bhutan"]),
        ("BOL", "볼리비아", ["Bolivia", "Bolivia (Plurinational State of)"]),
        ("BIH", "보스니아 헤르체고비나", ["Bosnia and Herzegovina"]),
        ("BWA", "보츠와나", ["Botswana"]),
        ("BRN", "브루나이", ["Brunei", "Brunei Darussalam"]),
        ("BFA", "부르키나파소", ["Burkina Faso"]),
        ("BDI", "부룬디", ["Burundi"]),
        ("CPV", "카보베르데", ["Cabo Verde", "Cape Verde"]),
        ("KHM", "캄보디아", ["Cambodia"]),
        ("CMR", "카메룬", ["Cameroon"]),
        ("CAF", "중앙아프리카공화국", ["Central African Republic"]),
        ("TCD", "차드", ["Chad"]),
        ("CHL", "칠레", ["Chile"]),
        ("COL", "콜롬비아", ["Colombia"]),
        ("COM", "코모로", ["Comoros"]),
        ("COG", "콩고", ["Congo", "Republic of the Congo"]),
        ("COD", "콩고민주공화국", ["Democratic Republic of the Congo", "DR Congo", "Congo (Democratic Republic of the)"]),
        ("CRI", "코스타리카", ["Costa Rica"]),
        ("CIV", "코트디부아르", ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"]),
        ("CUB", "쿠바", ["Cuba"]),
        ("DJI", "지부티", ["Djibouti"]),
        ("DMA", "도미니카", ["Dominica"]),
        ("DOM", "도미니카공화국", ["Dominican Republic"]),
        ("ECU", "에콰도르", ["Ecuador"]),
        ("EGY", "이집트", ["Egypt"]),
        ("SLV", "엘살바도르", ["El Salvador"]),
        ("GNQ", "적도기니", ["Equatorial Guinea"]),
        ("ERI", "에리트레아", ["Eritrea"]),
        ("SWZ", "에스와티니", ["Eswatini", "Swaziland"]),
        ("ETH", "에티오피아", ["Ethiopia"]),
        ("FJI", "피지", ["Fiji"]),
        ("GAB", "가봉", ["Gabon"]),
        ("GMB", "감비아", ["Gambia", "The Gambia"]),
        ("GEO", "조지아", ["Georgia"]),
        ("GHA", "가나", ["Ghana"]),
        ("GRD", "그레나다", ["Grenada"]),
        ("GTM", "과테말라", ["Guatemala"]),
        ("GIN", "기니", ["Guinea"]),
        ("GNB", "기니비사우", ["Guinea-Bissau"]),
        ("GUY", "가이아나", ["Guyana"]),
        ("HTI", "아이티", ["Haiti"]),
        ("HND", "온두라스", ["Honduras"]),
        ("IDN", "인도네시아", ["Indonesia"]),
        ("IRQ", "이라크", ["Iraq"]),
        ("JAM", "자메이카", ["Jamaica"]),
        ("JOR", "요르단", ["Jordan"]),
        ("KAZ", "카자흐스탄", ["Kazakhstan"]),
        ("KEN", "케냐", ["Kenya"]),
        ("KIR", "키리바시", ["Kiribati"]),
        ("PRK", "북한", ["North Korea", "Korea (Democratic People's Republic of)", "Democratic People's Republic of Korea"]),
        ("KWT", "쿠웨이트", ["Kuwait"]),
        ("KGZ", "키르기스스탄", ["Kyrgyzstan"]),
        ("LAO", "라오스", ["Laos", "Lao People's Democratic Republic"]),
        ("LBN", "레바논", ["Lebanon"]),
        ("LSO", "레소토", ["Lesotho"]),
        ("LBR", "라이베리아", ["Liberia"]),
        ("LBY", "리비아", ["Libya"]),
        ("MAC", "마카오", ["Macao", "Macau"]),
        ("MDG", "마다가스카르", ["Madagascar"]),
        ("MWI", "말라위", ["Malawi"]),
        ("MYS", "말레이시아", ["Malaysia"]),
        ("MDV", "몰디브", ["Maldives"]),
        ("MLI", "말리", ["Mali"]),
        ("MHL", "마셜 제도", ["Marshall Islands"]),
        ("MRT", "모리타니", ["Mauritania"]),
        ("MUS", "모리셔스", ["Mauritius"]),
        ("MEX", "멕시코", ["Mexico"]),
        ("FSM", "미크로네시아", ["Micronesia", "Micronesia (Federated States of)"]),
        ("MDA", "몰도바", ["Moldova", "Republic of Moldova", "Moldova (Republic of)"]),
        ("MCO", "모나코", ["Monaco"]),
        ("MNG", "몽골", ["Mongolia"]),
        ("MNE", "몬테네그로", ["Montenegro"]),
        ("MAR", "모로코", ["Morocco"]),
        ("MOZ", "모잠비크", ["Mozambique"]),
        ("MMR", "미얀마", ["Myanmar"]),
        ("NAM", "나미비아", ["Namibia"]),
        ("NRU", "나우루", ["Nauru"]),
        ("NPL", "네팔", ["Nepal"]),
        ("NZL", "뉴질랜드", ["New Zealand"]),
        ("NIC", "니카라과", ["Nicaragua"]),
        ("NER", "니제르", ["Niger"]),
        ("NGA", "나이지리아", ["Nigeria"]),
        ("MKD", "북마케도니아", ["North Macedonia", "Macedonia"]),
        ("OMN", "오만", ["Oman"]),
        ("PAK", "파키스탄", ["Pakistan"]),
        ("PLW", "팔라우", ["Palau"]),
        ("PSE", "팔레스타인", ["Palestine", "State of Palestine"]),
        ("PAN", "파나마", ["Panama"]),
        ("PNG", "파푸아뉴기니", ["Papua New Guinea"]),
        ("PRY", "파라과이", ["Paraguay"]),
        ("PER", "페루", ["Peru"]),
        ("PHL", "필리핀", ["Philippines"]),
        ("PRI", "푸에르토리코", ["Puerto Rico"]),
        ("QAT", "카타르", ["Qatar"]),
        ("RWA", "르완다", ["Rwanda"]),
        ("KNA", "세인트키츠 네비스", ["Saint Kitts and Nevis"]),
        ("LCA", "세인트루시아", ["Saint Lucia"]),
        ("VCT", "세인트빈센트 그레나딘", ["Saint Vincent and the Grenadines"]),
        ("WSM", "사모아", ["Samoa"]),
        ("SMR", "산마리노", ["San Marino"]),
        ("STP", "상투메 프린시페", ["Sao Tome and Principe"]),
        ("SEN", "세네갈", ["Senegal"]),
        ("SRB", "세르비아", ["Serbia"]),
        ("SYC", "세이셸", ["Seychelles"]),
        ("SLE", "시에라리온", ["Sierra Leone"]),
        ("SLB", "솔로몬 제도", ["Solomon Islands"]),
        ("SOM", "소말리아", ["Somalia"]),
        ("ZAF", "남아프리카공화국", ["South Africa"]),
        ("SSD", "남수단", ["South Sudan"]),
        ("LKA", "스리랑카", ["Sri Lanka"]),
        ("SDN", "수단", ["Sudan"]),
        ("SUR", "수리남", ["Suriname"]),
        ("SYR", "시리아", ["Syria", "Syrian Arab Republic"]),
        ("TJK", "타지키스탄", ["Tajikistan"]),
        ("TZA", "탄자니아", ["Tanzania", "United Republic of Tanzania"]),
        ("THA", "태국", ["Thailand"]),
        ("TLS", "동티모르", ["Timor-Leste", "East Timor"]),
        ("TGO", "토고", ["Togo"]),
        ("TON", "통가", ["Tonga"]),
        ("TTO", "트리니다드 토바고", ["Trinidad and Tobago"]),
        ("TUN", "튀니지", ["Tunisia"]),
        ("TUR", "튀르키예", ["Türkiye", "Turkiye", "Turkey"]),
        ("TKM", "투르크메니스탄", ["Turkmenistan"]),
        ("TUV", "투발루", ["Tuvalu"]),
        ("UGA", "우간다", ["Uganda"]),
        ("UKR", "우크라이나", ["Ukraine"]),
        ("URY", "우루과이", ["Uruguay"]),
        ("UZB", "우즈베키스탄", ["Uzbekistan"]),
        ("VUT", "바누아투", ["Vanuatu"]),
        ("VAT", "바티칸", ["Holy See", "Vatican City"]),
        ("VEN", "베네수엘라", ["Venezuela", "Venezuela (Bolivarian Republic of)"]),
        ("VNM", "베트남", ["Vietnam", "Viet Nam"]),
        ("YEM", "예멘", ["Yemen"]),
        ("ZMB", "잠비아", ["Zambia"]),
        ("ZWE", "짐바브웨", ["Zimbabwe"]),
        ("GRL", "그린란드", ["Greenland"]),
        ("BMU", "버뮤다", ["Bermuda"]),
        ("CYM", "케이맨 제도", ["Cayman Islands"]),
        ("GIB", "지브롤터", ["Gibraltar"]),
        ("IMN", "맨섬", ["Isle of Man"]),
        ("JEY", "저지섬", ["Jersey"]),
        ("GGY", "건지섬", ["Guernsey"]),
        ("XKX", "코소보", ["Kosovo"]),
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
