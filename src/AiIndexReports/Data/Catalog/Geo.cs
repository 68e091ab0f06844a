using System.Text;

namespace AiIndexReports.Data.Catalog;

public enum GeoKind { Country, World, Region, Pair, Named }

/// <summary>
/// What a row's geography (and iso3) cells mean: a country (ISO3), the world (WLD), a region (EUR …), a pair of countries
/// (USA-CHN) or a name (a benchmark, a company, a sector). <see cref="Key"/> is how metric ids and templates name it.
/// </summary>
/// <param name="Code">"KOR", "WLD", "EUR", "USA-CHN", or the name as written</param>
/// <param name="Key">metric id segment: the code with '-' as '_' for pairs, a lower-case slug for names ("LMSYS Chatbot Arena" → lmsys_chatbot_arena)</param>
/// <param name="KoreanName">as the brief prints it: 한국, 전 세계, 유럽, 미국·중국, MMLU</param>
/// <param name="NamedKind">for <see cref="GeoKind.Named"/> and regions from the catalog: its declared kind (sector, benchmark …)</param>
public sealed record Geo(GeoKind Kind, string Code, string Key, string KoreanName, string? NamedKind = null)
{
    /// <summary>The catalog's word for this kind ("country", "world", "region", "pair", or the named kind).</summary>
    public string KindWord => Kind switch
    {
        GeoKind.Country => "country",
        GeoKind.World => "world",
        GeoKind.Region => "region",
        GeoKind.Pair => "pair",
        _ => NamedKind ?? "name",
    };

    public bool IsCountry => Kind == GeoKind.Country;

    /// <summary>"lmsys_chatbot_arena" from "LMSYS Chatbot Arena": letters and digits, lower case, '_' between words.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        var slug = sb.ToString().Trim('_');
        // Template member names start with a letter.
        return slug.Length == 0 ? "x" : char.IsAsciiDigit(slug[0]) ? "x" + slug : slug;
    }
}

/// <summary>
/// Turns the geography and iso3 cells of an indicators.csv row into a <see cref="Geo"/>, with the catalog's regions and
/// the country table. Returns null with a message for people when the cells contradict each other.
/// </summary>
public static class GeoResolver
{
    private static readonly string[] PairSeparators = [" vs. ", " vs ", " versus ", "–", "—", "-", "/", "·"];

    /// <summary>A name with a qualifier in brackets, "World (survey)", resolves as its first part; the qualifier stays in the row.</summary>
    private static string Base(string geography)
    {
        var open = geography.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && geography.EndsWith(')') ? geography[..open].Trim() : geography.Trim();
    }

    public static Geo? Resolve(string geography, string iso3, IndicatorCatalog catalog, out string? problem)
    {
        problem = null;
        var code = iso3.Trim();
        var named = Countries.TryFromName(geography, out var byName) ? byName : null;
        var region = catalog.GeographyByName(geography) ?? catalog.GeographyByName(Base(geography));
        var pair = Pair(geography);

        if (code.Length == 0)
        {
            if (named is not null)
            {
                problem = $"geography \"{geography}\" is a country: expected iso3 {named.Iso3}, found an empty cell";
                return null;
            }
            if (region is not null) return FromDefinition(region);
            if (pair is not null) return pair;
            if (Base(geography).Equals("World", StringComparison.OrdinalIgnoreCase)) return World(catalog);
            return new Geo(GeoKind.Named, geography.Trim(), Geo.Slug(geography), geography.Trim());
        }

        if (Countries.TryFromIso3(code, out var byCode))
        {
            if (named is null)
            {
                problem = $"geography \"{geography}\" is not a known spelling of {byCode.Iso3}; expected one of "
                    + string.Join(", ", Countries.NamesOf(byCode.Iso3).Select(n => $"\"{n}\"")) + " (or add the spelling to Data/Countries.cs)";
                return null;
            }
            if (named.Iso3 != byCode.Iso3)
            {
                problem = $"iso3 {code} does not match geography \"{geography}\" ({named.Iso3})";
                return null;
            }
            return Country(code);
        }

        if (Pair(code) is { } codePair)
        {
            if (pair is not null && pair.Code != codePair.Code)
            {
                problem = $"iso3 {code} does not match geography \"{geography}\" ({pair.Code})";
                return null;
            }
            return codePair;
        }

        var declared = catalog.GeographyByCode(code);
        if (declared is not null || code == "WLD")
        {
            var geo = declared is null ? World(catalog) : FromDefinition(declared);
            var fits = geography.Trim().Equals(code, StringComparison.OrdinalIgnoreCase)
                || (region is not null && region.Code == geo.Code)
                || (geo.Kind == GeoKind.World && Base(geography).Equals("World", StringComparison.OrdinalIgnoreCase));
            if (!fits)
            {
                problem = $"geography \"{geography}\" does not match iso3 {code} ({geo.KoreanName}); write one of "
                    + string.Join(", ", (declared?.Names ?? ["World"]).Select(n => $"\"{n}\""));
                return null;
            }
            return geo;
        }

        problem = named is null
            ? $"unknown ISO 3166 alpha-3 code \"{code}\"; add it to Data/Countries.cs, or a region to {IndicatorCatalog.RepoPath} [[geography]]"
            : $"unknown ISO 3166 alpha-3 code \"{code}\" (geography \"{geography}\" is {named.Iso3})";
        return null;
    }

    public static Geo Country(string iso3) => new(GeoKind.Country, iso3, iso3, Countries.KoreanName(iso3));

    private static Geo World(IndicatorCatalog catalog) =>
        catalog.GeographyByCode("WLD") is { } w ? FromDefinition(w) : new Geo(GeoKind.World, "WLD", "WLD", "전 세계", "world");

    private static Geo FromDefinition(GeographyDefinition d) => d.Kind switch
    {
        "world" => new Geo(GeoKind.World, d.Code, d.Code, d.Label, "world"),
        "region" => new Geo(GeoKind.Region, d.Code, d.Code, d.Label, "region"),
        _ => new Geo(GeoKind.Named, d.Code, Geo.Slug(d.Code), d.Label, d.Kind),
    };

    /// <summary>"USA-CHN", "US vs China", "United States–China": two countries.</summary>
    private static Geo? Pair(string text)
    {
        foreach (var separator in PairSeparators)
        {
            var at = text.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at <= 0) continue;
            var (left, right) = (text[..at].Trim(), text[(at + separator.Length)..].Trim());
            if (CountryOf(left) is { } a && CountryOf(right) is { } b && a != b)
                return new Geo(GeoKind.Pair, $"{a}-{b}", $"{a}_{b}", $"{Countries.KoreanName(a)}·{Countries.KoreanName(b)}");
        }
        return null;
    }

    private static string? CountryOf(string text) =>
        Countries.TryFromIso3(text, out var byCode) ? byCode.Iso3 : Countries.TryFromName(text, out var byName) ? byName.Iso3 : null;
}
