using AiIndexReports.Data;

namespace AiIndexReports.Metrics;

/// <summary>
/// Korean names for what the metrics show: countries come from the Data stage's <see cref="Countries"/> (the one
/// country table); indicators.csv regions and aggregates that have no ISO code ("EU + UK", "Rest of world") are named here.
/// </summary>
internal static class RegionNames
{
    private static readonly Dictionary<string, string> Aggregates = new(StringComparer.Ordinal)
    {
        ["World"] = "전 세계", ["Europe (combined)"] = "유럽", ["European Union"] = "유럽연합", ["EU + UK"] = "EU·영국",
        ["Rest of world"] = "기타 국가", ["East Asia and Pacific"] = "동아시아·태평양", ["North America"] = "북미",
        ["Europe and Central Asia"] = "유럽·중앙아시아",
    };

    /// <summary>"KOR" → "한국", "EUR" → "유럽"; a code the country table does not know is shown as the code.</summary>
    public static string Country(string iso3) =>
        iso3 == Countries.Europe || Countries.TryFromIso3(iso3, out _) ? Countries.KoreanName(iso3) : iso3;

    /// <summary>Korean name of an indicators.csv geography without ISO code; unknown ones are shown as written.</summary>
    public static string Geography(string geography) => Aggregates.TryGetValue(geography, out var n) ? n : geography;
}
