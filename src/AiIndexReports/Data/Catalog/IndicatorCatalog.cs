using System.Globalization;
using System.Text.RegularExpressions;

namespace AiIndexReports.Data.Catalog;

/// <summary>What an indicator measures, as data/indicators.toml declares it (editors read and extend that file).</summary>
/// <param name="Name">the name indicators.csv uses, e.g. "private_ai_investment"</param>
/// <param name="Label">Korean label, e.g. "민간 AI 투자액"</param>
/// <param name="Kind">count, share, per_capita, money, gap, rank, score, ratio, growth, price</param>
/// <param name="Units">unit as indicators.csv writes it → unit the brief prints ("USD billion" → "10억 달러")</param>
/// <param name="Geographies">kinds of geography rows may have: country, world, region, pair, benchmark, organization, sector</param>
/// <param name="Periods">period forms rows may have: year, span, month, year_end</param>
/// <param name="Aliases">other names that mean this indicator</param>
/// <param name="Order">"desc" (more is ahead: ranks and leader by largest value), "asc" (less is ahead), "" (not ranked)</param>
/// <param name="RankIndicator">an indicator that publishes this one's ranks (used in place of computed ranks)</param>
/// <param name="LatestRelease">rows come from the newest release of any report edition published by the brief's date, not only the edition's own report</param>
/// <param name="Scorecard">a row of Korea's scorecard when Korea has a value</param>
/// <param name="IntervalLow">indicator holding the lower bound of this one's uncertainty interval (same geography and period)</param>
/// <param name="IntervalLevel">confidence level of that interval in percent (e.g. 90)</param>
/// <param name="Source">source line overriding the release's, e.g. for a figure the report only quotes</param>
public sealed record IndicatorDefinition(
    string Name, string Label, string Kind, IReadOnlyList<(string Written, string Korean)> Units, IReadOnlyList<string> Geographies,
    IReadOnlyList<string> Periods, IReadOnlyList<string> Aliases, string Order, string? RankIndicator, bool LatestRelease,
    bool Scorecard, string? IntervalLow, string? IntervalHigh, double? IntervalLevel, string? Source, SourceLocation Where)
{
    /// <summary>Korean unit for a unit as written in indicators.csv: the longest declared unit that starts the text.</summary>
    public string? KoreanUnit(string dataUnit)
    {
        var text = dataUnit.Trim();
        foreach (var (written, korean) in Units.OrderByDescending(u => u.Written.Length))
            if (text.Equals(written, StringComparison.OrdinalIgnoreCase)
                || (text.StartsWith(written, StringComparison.OrdinalIgnoreCase) && text.Length > written.Length && text[written.Length] is ' ' or '(' or ','))
                return korean;
        return null;
    }

    /// <summary>The unit printed when a row's unit is not declared (a warning says so): the first declared one.</summary>
    public string DefaultUnit => Units.Count > 0 ? Units[0].Korean : "";

    /// <summary>True when a smaller value is ahead (ranks, costs).</summary>
    public bool LowerIsAhead => Order == "asc";
}

/// <summary>A geography that is not a country: the world, a region, a sector … with the Korean name the brief prints.</summary>
/// <param name="Code">"WLD", "EUR", "EAS" … (World Bank codes where one exists)</param>
/// <param name="Kind">world, region, sector, benchmark, organization</param>
public sealed record GeographyDefinition(string Code, string Kind, string Label, IReadOnlyList<string> Names, SourceLocation Where);

/// <summary>A release that is not an AI Index edition (e.g. a Global AI Vibrancy Tool update): its credit and date.</summary>
/// <param name="ReportEdition">the value of report_edition in indicators.csv</param>
public sealed record ReleaseDefinition(string ReportEdition, string Title, string Publisher, DateOnly Released, string Licence, SourceLocation Where);

/// <summary>
/// Who publishes a source and under which licence; <see cref="Released"/> null when the date is unknown, <see cref="Year"/>
/// the year to credit when only that is known (an older AI Index edition without its own folder).
/// </summary>
public sealed record Credit(string Title, string Publisher, DateOnly? Released, string Licence, int? Year = null)
{
    /// <summary>"Epoch AI(2025), Notable AI Models" — the form of a Korean brief's 자료 line.</summary>
    public string Line => (Released?.Year ?? Year) is { } y ? $"{Publisher}({y.ToString(CultureInfo.InvariantCulture)}), {Title}" : $"{Publisher}, {Title}";

    /// <summary>A report (an AI Index edition, a published analysis) rather than a data set or a tool: its title is printed in 『』.</summary>
    public bool IsReport { get; init; }

    /// <summary>Where it is published, when the data gives an address (a cited analysis).</summary>
    public string? Url { get; init; }
}

/// <summary>
/// data/indicators.toml: every indicator name the data may use, the non-country geographies, the releases other than the
/// AI Index editions, and the AI Index report's own credit. Read by <see cref="IndicatorCatalogReader"/>.
/// </summary>
public sealed class IndicatorCatalog
{
    public const string FileName = "indicators.toml";
    public const string RepoPath = "data/" + FileName;

    public static readonly IReadOnlyList<string> Kinds = ["count", "share", "per_capita", "money", "gap", "rank", "score", "ratio", "growth", "price"];
    public static readonly IReadOnlyList<string> GeographyKinds = ["country", "world", "region", "pair", "benchmark", "organization", "sector"];
    public static readonly IReadOnlyList<string> PeriodForms = ["year", "span", "month", "year_end"];

    /// <summary>Geography kinds that accept any name (a benchmark, a company): shown as written unless a [[geography]] names them in Korean.</summary>
    public static readonly IReadOnlySet<string> NamedKinds = new HashSet<string>(["benchmark", "organization", "sector"], StringComparer.Ordinal);

    private readonly Dictionary<string, IndicatorDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeographyDefinition> _geographyByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GeographyDefinition> _geographyByCode = new(StringComparer.Ordinal);

    public IndicatorCatalog(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<GeographyDefinition> geographies,
        IReadOnlyList<ReleaseDefinition> releases, Credit report, string file)
    {
        Indicators = indicators;
        Geographies = geographies;
        Releases = releases;
        Report = report;
        File = file;
        foreach (var i in indicators)
        {
            _byName.TryAdd(i.Name, i);
            foreach (var alias in i.Aliases) _byName.TryAdd(alias, i);
        }
        foreach (var g in geographies)
        {
            _geographyByCode.TryAdd(g.Code, g);
            _geographyByName.TryAdd(g.Code, g);
            foreach (var name in g.Names) _geographyByName.TryAdd(name, g);
        }
    }

    /// <summary>An empty catalog: no names checked, no generic metrics (a repository without data/indicators.toml).</summary>
    public static IndicatorCatalog Empty { get; } = new([], [], [], new Credit("AI Index Report {edition}", "Stanford HAI", null, ""), "");

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }
    public IReadOnlyList<GeographyDefinition> Geographies { get; }
    public IReadOnlyList<ReleaseDefinition> Releases { get; }

    /// <summary>The AI Index report's credit, "{edition}" standing for the edition's year (edition.toml may override it).</summary>
    public Credit Report { get; }

    /// <summary>Repo-relative path of the file, or "" for <see cref="Empty"/>.</summary>
    public string File { get; }

    public bool IsEmpty => Indicators.Count == 0;

    /// <summary>By name or alias.</summary>
    public bool TryGet(string name, out IndicatorDefinition definition) => _byName.TryGetValue(name.Trim(), out definition!);

    public IndicatorDefinition? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>Every name and alias, for "did you mean".</summary>
    public IEnumerable<string> AllNames => _byName.Keys;

    public GeographyDefinition? GeographyByName(string name) => _geographyByName.GetValueOrDefault(name.Trim());

    public GeographyDefinition? GeographyByCode(string code) => _geographyByCode.GetValueOrDefault(code.Trim());

    public ReleaseDefinition? Release(string reportEdition) =>
        Releases.FirstOrDefault(r => string.Equals(r.ReportEdition, reportEdition.Trim(), StringComparison.Ordinal));

    /// <summary>The AI Index report of an edition: "{edition}" filled in.</summary>
    public Credit ReportCredit(int edition, DateOnly? released) => new(
        Report.Title.Replace("{edition}", edition.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        Report.Publisher, released, Report.Licence, edition) { IsReport = true };
}

/// <summary>Period forms of indicators.csv: 2024 (year), 2013-2024 (span), 2024-01 (month), end-2023 (year_end).</summary>
public static partial class PeriodForm
{
    /// <summary>The form of a period as written, or null when it is none of them.</summary>
    public static string? Of(string period)
    {
        var text = period.Trim();
        if (YearShape().IsMatch(text)) return "year";
        if (YearEndShape().IsMatch(text)) return "year_end";
        if (MonthShape().Match(text) is { Success: true } m)
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 ? "month" : null;
        if (SpanShape().Match(text) is { Success: true } s)
            return int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) < int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture) ? "span" : null;
        return null;
    }

    /// <summary>Where a period ends, as year × 100 + month (a year, span or year's end: its December), to find the
    /// latest of several; null when it is no period form.</summary>
    public static int? EndKey(string period)
    {
        var text = period.Trim();
        var year = (string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
        if (YearShape().IsMatch(text)) return year(text) * 100 + 12;
        if (YearEndShape().IsMatch(text)) return year(text[4..]) * 100 + 12;
        if (Of(text) == "month") return year(text[..4]) * 100 + year(text[5..]);
        if (SpanShape().Match(text) is { Success: true } s && Of(text) == "span") return year(s.Groups[2].Value) * 100 + 12;
        return null;
    }

    /// <summary>How an editor writes each form, for messages.</summary>
    public static string Example(string form) => form switch
    {
        "year" => "a year (2024)",
        "span" => "a span (2013-2024)",
        "month" => "a month (2024-01)",
        "year_end" => "a year's end (end-2023)",
        _ => form,
    };

    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearShape();
    [GeneratedRegex(@"^end-\d{4}$")] private static partial Regex YearEndShape();
    [GeneratedRegex(@"^\d{4}-(\d{2})$")] private static partial Regex MonthShape();
    [GeneratedRegex(@"^(\d{4})[-~](\d{4})$")] private static partial Regex SpanShape();
}
