using System.Globalization;
using System.Text.RegularExpressions;
using AiIndexReports.Data;
using AiIndexReports.Data.Catalog;

namespace AiIndexReports.Metrics;

/// <summary>
/// The rows of indicators.csv that belong to one AI Index edition, and to the edition before it. What an edition prints
/// is data: a metric asks for rows here and reports "not computable" when they are absent, it never branches on the year.
/// Rows released after the edition's publication date (the vintage rule) are not here at all: a brief dated April
/// cannot quote a figure published in November.
/// </summary>
internal sealed class EditionIndicators
{
    private readonly IReadOnlyList<Indicator> _all;

    public EditionIndicators(Dataset dataset)
    {
        Catalog = dataset.IndicatorCatalog;
        Cutoff = dataset.Edition.PublicationDate;
        _all = Cutoff is { } cutoff
            ? dataset.Indicators.Where(i => i.Release?.Released is not { } released || released <= cutoff).ToList()
            : dataset.Indicators;
        LaterReleases = Cutoff is { } c
            ? dataset.Indicators.Where(i => i.Release?.Released > c).ToList()
            : [];
        Edition = dataset.Edition.IndicatorEdition;
        PreviousEdition = _all
            .Select(i => int.TryParse(i.ReportEdition, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : (int?)null)
            .Where(e => e is not null && e < dataset.Edition.Edition)
            .Max()?.ToString(CultureInfo.InvariantCulture);
    }

    public IndicatorCatalog Catalog { get; }

    /// <summary>The edition's publication date, or null when edition.toml gives none (no row is then held back).</summary>
    public DateOnly? Cutoff { get; }

    /// <summary>Rows held back because they were released after <see cref="Cutoff"/>.</summary>
    public IReadOnlyList<Indicator> LaterReleases { get; }

    /// <summary>report_edition of the current edition, e.g. "2025".</summary>
    public string Edition { get; }

    /// <summary>report_edition of the latest earlier numeric edition, or null when the data has none.</summary>
    public string? PreviousEdition { get; }

    /// <summary>Korean label of an indicator (the catalog's), or the name.</summary>
    public string LabelOf(string indicator) => Catalog.Find(indicator)?.Label ?? indicator;

    /// <summary>Why rows of this edition are missing, in English and in Korean with the indicator's Korean label.</summary>
    public NotComputable Missing(string indicator, string? what = null, string? whatKo = null)
    {
        // A row that exists but came out after the brief's date is a different story than a row never printed.
        var later = LaterReleases.FirstOrDefault(i => i.Name == indicator && (i.ReportEdition == Edition || i.Definition?.LatestRelease == true));
        if (later is { Release.Released: { } released } && Cutoff is { } cutoff)
            return NotComputable.ReleasedAfter($"{indicator} ({later.Release!.Line}, {later.Location with { Column = 0 }})",
                $"‘{LabelOf(indicator)}’ 값({later.Release.Line})은", released, cutoff);
        return NotComputable.MissingIndicator(indicator, Edition, what, whatKo, Catalog.Find(indicator)?.Label);
    }

    /// <summary>Why a comparison with the previous edition is impossible: no earlier edition at all, or no such row in it.</summary>
    public NotComputable MissingPrevious(string indicator, string what, string whatKo) => PreviousEdition is null
        ? new NotComputable($"not computable: indicators.csv has no edition before {Edition} to compare with",
            $"{Edition}년판보다 앞선 판의 지표 자료가 없어 비교할 수 없음")
        : NotComputable.MissingIndicator(indicator, PreviousEdition, what, whatKo, Catalog.Find(indicator)?.Label);

    public IReadOnlyList<Indicator> Current(string name) => Of(Edition, name);

    public IReadOnlyList<Indicator> Previous(string name) => PreviousEdition is null ? [] : Of(PreviousEdition, name);

    /// <summary>Rows of any report_edition (e.g. "GVT 2025 (Nov 2025)") that measure the given period.</summary>
    public IReadOnlyList<Indicator> AnyEdition(string name, string period) =>
        _all.Where(i => i.Name == name && i.Period == period).ToList();

    public IReadOnlyList<Indicator> All(string name) => _all.Where(i => i.Name == name).ToList();

    /// <summary>
    /// For an indicator with its own releases (the Vibrancy Tool): the rows of the newest release published by the
    /// cut-off, and of the release before it. A release is a report_edition; newest = latest release date.
    /// </summary>
    public (IReadOnlyList<Indicator> Latest, IReadOnlyList<Indicator> Before) LatestReleases(string name)
    {
        // Newest by release date; a release without a date (only hand-built rows) by the latest period it measures.
        var releases = _all.Where(i => i.Name == name)
            .GroupBy(i => i.ReportEdition, StringComparer.Ordinal)
            .OrderByDescending(g => g.First().Release?.Released ?? DateOnly.MinValue)
            .ThenByDescending(g => g.Max(i => Period.Parse(i.Period)?.SortKey ?? 0))
            .ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<Indicator>)g.ToList()).ToList();
        return (releases.ElementAtOrDefault(0) ?? [], releases.ElementAtOrDefault(1) ?? []);
    }

    private List<Indicator> Of(string edition, string name) =>
        _all.Where(i => i.ReportEdition == edition && i.Name == name).ToList();
}

/// <summary>indicators.csv periods: "2024", "end-2023", "2024-01", "2013-2023": sortable, and readable in Korean.</summary>
internal readonly record struct Period(int Year, int Month, bool EndOfYear, bool HasMonth, int? StartYear = null)
{
    private static readonly Regex Shape = new(@"^(?:(?<end>end-)?(?<y>\d{4})(?:-(?<m>\d{2}))?|(?<y1>\d{4})[-~](?<y2>\d{4}))$",
        RegexOptions.CultureInvariant);

    public static Period? Parse(string text)
    {
        var m = Shape.Match(text.Trim());
        if (!m.Success) return null;
        if (m.Groups["y2"].Success) return new Period(Int(m.Groups["y2"].Value), 12, false, false, Int(m.Groups["y1"].Value));
        var month = m.Groups["m"].Success ? Int(m.Groups["m"].Value) : 12;
        return month is < 1 or > 12 ? null : new Period(Int(m.Groups["y"].Value), month, m.Groups["end"].Success, m.Groups["m"].Success);
    }

    public int SortKey => Year * 100 + Month;

    /// <summary>"2023년 말", "2024년 1월", "2023년", "2013~2024년".</summary>
    public string Korean => StartYear is { } start ? $"{start}~{Year}년" : EndOfYear ? $"{Year}년 말" : HasMonth ? $"{Year}년 {Month}월" : $"{Year}년";

    /// <summary>Korean text of a period as written, or the text itself when it has no known form.</summary>
    public static string KoreanOf(string text) => Parse(text)?.Korean ?? text;

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>Selections every section makes on indicator rows.</summary>
internal static class IndicatorRows
{
    /// <summary>The rows of the most recent period among those given (an edition prints a few older years too).</summary>
    public static List<Indicator> LatestPeriod(IReadOnlyList<Indicator> rows)
    {
        var latest = rows.Select(i => Period.Parse(i.Period)?.SortKey).Max();
        return latest is null ? [] : rows.Where(i => Period.Parse(i.Period)?.SortKey == latest).ToList();
    }

    public static Dictionary<string, Indicator> ByIso3(IEnumerable<Indicator> rows) =>
        rows.Where(i => i.Iso3 is not null).GroupBy(i => i.Iso3!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>World rows: iso3 WLD, or geography "World" (with or without a qualifier such as "World (survey)").</summary>
    public static IEnumerable<Indicator> World(IEnumerable<Indicator> rows) => rows.Where(i => i.GeoCode == "WLD");
}
