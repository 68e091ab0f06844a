using System.Globalization;
using AiIndexReports.Data.Catalog;
using AiIndexReports.Data.Csv;
using CsvHelper;

namespace AiIndexReports.Data.Tables;

/// <summary>Column map of data/shared/aiindex/indicators.csv: figures printed in the AI Index reports, transcribed.</summary>
[CsvRecord]
internal sealed partial record IndicatorRow(
    [property: CsvColumn("report_edition")] string ReportEdition,
    [property: CsvColumn("indicator")] string Indicator,
    [property: CsvColumn("geography")] string Geography,
    [property: CsvColumn("iso3")] string Iso3,
    [property: CsvColumn("period")] string Period,
    [property: CsvColumn("value")] string Value,
    [property: CsvColumn("unit")] string Unit,
    [property: CsvColumn("source_type")] string SourceType,
    [property: CsvColumn("source")] string Source,
    [property: CsvColumn("note")] string Note);

internal static class IndicatorsTable
{
    private static readonly Dictionary<string, SourceType> SourceTypes = new(StringComparer.Ordinal)
    {
        ["original"] = SourceType.Original,
        ["transcribed_report_text"] = SourceType.TranscribedReportText,
        ["transcribed_secondary"] = SourceType.TranscribedSecondary,
    };

    // Units that count things: a negative value there is a typo, not data (growth rates and gaps may be negative).
    private static readonly HashSet<string> CountUnits = new(["models", "patents", "papers", "companies", "applications", "units"], StringComparer.Ordinal);

    /// <summary>The table as a whole is only as reliable as its weakest rows, so its type is the lowest-confidence one present.</summary>
    public static SourceTable Describe(DataFile file, IEnumerable<Indicator> rows, Credit credit) => new(
        file.RepoPath, "AI Index Report figures (transcribed)", credit.Publisher,
        credit.Licence + " (figures quoted with attribution; charts redrawn from the numbers)",
        rows.Select(r => r.SourceType).DefaultIfEmpty(SourceType.TranscribedReportText).Max(),
        "https://hai.stanford.edu/ai-index", credit);

    /// <param name="catalog">data/indicators.toml: names, geographies, periods and units rows must fit</param>
    /// <param name="releaseOf">credit and release date of a report_edition, or null when unknown</param>
    /// <param name="ownEdition">the edition's own report_edition, released by the brief's date whatever edition.toml says</param>
    /// <param name="strict">unknown names, units and release dates are errors instead of warnings</param>
    public static List<Indicator> Read(DataFile file, IndicatorCatalog catalog, Func<string, Credit?> releaseOf, string ownEdition, bool strict, DiagnosticBag diagnostics)
    {
        var keys = new KeyIndex<(string, string, string, string)>();
        var unknownNames = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unknownReleases = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstAt = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var releases = new Dictionary<string, Credit?>(StringComparer.Ordinal);
        var rows = CsvTableReader.Read<IndicatorRow, Indicator>(file, diagnostics, (raw, cells) =>
        {
            var edition = cells.Required(nameof(raw.ReportEdition), raw.ReportEdition);
            var written = cells.Required(nameof(raw.Indicator), raw.Indicator);
            var geography = cells.Required(nameof(raw.Geography), raw.Geography);
            var period = cells.Required(nameof(raw.Period), raw.Period);
            var unit = cells.Required(nameof(raw.Unit), raw.Unit);
            var definition = catalog.Find(written);
            if (definition is null && !catalog.IsEmpty && written.Length > 0)
            {
                if (!unknownNames.TryGetValue(written, out var lines)) unknownNames[written] = lines = [];
                lines.Add(cells.Line);
                firstAt.TryAdd(written, cells.At(nameof(raw.Indicator)));
            }
            var name = definition?.Name ?? written;
            var value = cells.Number(nameof(raw.Value), raw.Value,
                allowNegative: !CountUnits.Contains(unit) && definition?.Kind is not ("count" or "money" or "price" or "rank" or "per_capita"));

            // A share is a percentage of a whole: 721 is a typo (a decimal point lost), never data.
            if (value is { } share && definition?.Kind == "share" && share is < 0 or > 100)
                cells.Error(nameof(raw.Value), $"{definition.Name} is a share in percent, from 0 to 100; found {share.ToString(CultureInfo.InvariantCulture)}");

            var geo = GeoResolver.Resolve(geography, raw.Iso3, catalog, out var problem);
            if (problem is not null) cells.Error(nameof(raw.Iso3), problem);
            else if (geo is not null && definition is not null && !Fits(geo, definition))
                cells.Error(nameof(raw.Geography), $"geography \"{geography}\" is {Describe(geo)}; {definition.Name} takes {string.Join(", ", definition.Geographies)} ({definition.Where})"
                    + (geo.Kind == GeoKind.Named ? $"; a new region needs a [[geography]] in {IndicatorCatalog.RepoPath}" : ""));

            var form = PeriodForm.Of(period);
            if (period.Length > 0 && form is null)
                cells.Error(nameof(raw.Period), $"\"{period}\" is not {string.Join(", ", (definition?.Periods ?? IndicatorCatalog.PeriodForms).Select(PeriodForm.Example))}");
            else if (form is not null && definition is not null && !definition.Periods.Contains(form))
                cells.Error(nameof(raw.Period), $"\"{period}\" is {PeriodForm.Example(form)}; {definition.Name} takes {string.Join(" or ", definition.Periods.Select(PeriodForm.Example))} ({definition.Where})");

            var koreanUnit = definition?.KoreanUnit(unit);
            if (definition is not null && koreanUnit is null && unit.Length > 0)
            {
                // Always an error: the value would be printed in the indicator's unit, wrong by the scale ("USD million"
                // read as 10억 달러 prints 98조 달러 for 98.4 billion).
                cells.Error(nameof(raw.Unit), $"unit \"{unit}\" is not one {definition.Name} declares ({string.Join(", ", definition.Units.Select(u => $"\"{u.Written}\""))}; {definition.Where}): "
                    + $"the brief prints {definition.Name} in {definition.DefaultUnit}; convert the value to a declared unit, or add the spelling to the catalog if it means the same");
            }

            if (!SourceTypes.TryGetValue(raw.SourceType.Trim(), out var sourceType))
                cells.Error(nameof(raw.SourceType), $"expected one of {string.Join(", ", SourceTypes.Keys)}, found \"{raw.SourceType}\"");
            if (cells.HasErrors || value is null) return null;
            if (!keys.Add((edition, name, geo?.Code ?? geography, period), value.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    cells, nameof(raw.Value), $"{edition}, {written}, {geography}, {period}")) return null;

            if (!releases.TryGetValue(edition, out var release)) releases[edition] = release = releaseOf(edition);
            if (release is null && edition != ownEdition)
            {
                if (!unknownReleases.TryGetValue(edition, out var lines)) unknownReleases[edition] = lines = [];
                lines.Add(cells.Line);
                firstAt.TryAdd("\0" + edition, cells.At(nameof(raw.ReportEdition)));
            }
            return new Indicator(edition, name, geography, geo?.Kind == GeoKind.Country ? geo.Code : null, period, value.Value, unit, sourceType,
                raw.Source.Trim(), raw.Note.Trim(), cells.At(nameof(raw.Value)))
            {
                Geo = geo, Release = release, Definition = definition, KoreanUnit = koreanUnit ?? definition?.DefaultUnit,
            };
        });

        foreach (var (written, lines) in unknownNames)
        {
            var near = NearestName.Find(written, catalog.AllNames);
            var message = $"indicator: unknown name \"{written}\"" + (near is null ? "" : $" (did you mean \"{near}\"?)")
                + $": declare it in {IndicatorCatalog.RepoPath} (or as an alias there); its rows make no metric"
                + (lines.Count > 1 ? $"; also on line{(lines.Count > 2 ? "s" : "")} {string.Join(", ", lines.Skip(1).Take(10))}" : "");
            if (strict) diagnostics.Error(firstAt[written], message);
            else diagnostics.Warning(firstAt[written], message);
        }
        foreach (var (edition, lines) in unknownReleases)
        {
            var message = $"report_edition: \"{edition}\" has no release date, so the vintage rule cannot check its {lines.Count} row(s): "
                + $"add a [[release]] with its date to {IndicatorCatalog.RepoPath}, or make it an edition with data/<year>/edition.toml";
            if (strict) diagnostics.Error(firstAt["\0" + edition], message);
            else diagnostics.Warning(firstAt["\0" + edition], message);
        }
        WarnOfJumps(rows, ownEdition, diagnostics);
        return rows;
    }

    // Kinds whose value from one edition to the next moves by a few tens of percent at most; prices fall tenfold a year
    // and gaps, ranks and growth rates swing by nature, so they are not compared.
    private static readonly HashSet<string> SteadyKinds = new(["count", "share", "per_capita", "money"], StringComparer.Ordinal);

    /// <summary>
    /// A value of this edition that is 5× or ⅕ of the previous edition's for the same indicator and geography (its latest
    /// period in each) is most often a transcription slip — a lost decimal point, another scale: a warning at the row
    /// naming the earlier one. Small numbers (both under 10) move by more and are not compared; a row whose note starts
    /// with "checked" was confirmed by the editor.
    /// </summary>
    private static void WarnOfJumps(List<Indicator> rows, string ownEdition, DiagnosticBag diagnostics)
    {
        if (!int.TryParse(ownEdition, NumberStyles.None, CultureInfo.InvariantCulture, out var own)) return;
        static int? Year(string edition) =>
            int.TryParse(edition, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        var previous = rows.Select(r => Year(r.ReportEdition)).Where(y => y < own).Max();
        if (previous is null) return;
        static (string, string) Key(Indicator r) => (r.Name, r.Geo?.Code ?? r.Geography);
        static Indicator Latest(IEnumerable<Indicator> group) =>
            group.OrderBy(r => PeriodForm.EndKey(r.Period) ?? int.MinValue).ThenBy(r => r.Location.Line).Last();
        var earlier = rows.Where(r => Year(r.ReportEdition) == previous && r.Definition is { } d && SteadyKinds.Contains(d.Kind))
            .GroupBy(Key).ToDictionary(g => g.Key, Latest);
        foreach (var group in rows.Where(r => Year(r.ReportEdition) == own && r.Definition is { } d && SteadyKinds.Contains(d.Kind)).GroupBy(Key))
        {
            var now = Latest(group);
            if (!earlier.TryGetValue(group.Key, out var before) || now.Value <= 0 || before.Value <= 0) continue;
            if (now.Note.StartsWith("checked", StringComparison.OrdinalIgnoreCase)) continue;   // the editor confirmed it
            if (Math.Max(now.Value, before.Value) < 10) continue;
            var ratio = now.Value / before.Value;
            if (ratio is > 0.2 and < 5) continue;
            var times = ratio >= 1 ? ratio : 1 / ratio;
            var timesText = times < 1e9 ? times.ToString("0.#", CultureInfo.InvariantCulture) : Short(times);
            diagnostics.WarningInFull(now.Location, string.Create(CultureInfo.InvariantCulture,
                $"value: {now.Name} ({now.Geography}, {now.Period}) is {Short(now.Value)}, {timesText}× {(ratio >= 1 ? "more" : "less")} than the {previous} edition's {Short(before.Value)} ({before.Period}, line {before.Location.Line}): check the transcription (a decimal point, another unit or scale); a note starting \"checked\" says it is right"));
        }
    }

    /// <summary>A number for a message: as written up to a billion, in exponent form beyond (1e308 is no 300-digit line).</summary>
    private static string Short(double value) => Math.Abs(value) < 1e9
        ? value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    private static bool Fits(Geo geo, IndicatorDefinition definition) =>
        geo.Kind != GeoKind.Named ? definition.Geographies.Contains(geo.KindWord)
        : geo.NamedKind is null ? definition.Geographies.Any(IndicatorCatalog.NamedKinds.Contains)
        : definition.Geographies.Contains(geo.NamedKind);

    private static string Describe(Geo geo) => geo.Kind switch
    {
        GeoKind.Country => $"a country ({geo.Code})",
        GeoKind.World => "the world (WLD)",
        GeoKind.Region => $"a region ({geo.Code}, {geo.KoreanName})",
        GeoKind.Pair => $"a pair of countries ({geo.Code})",
        _ => geo.NamedKind is not null ? $"a {geo.NamedKind} ({geo.KoreanName})"
            : "not a known country, region or pair" + (NearestName.Find(geo.Code, Countries.KnownNames) is { } near ? $" (did you mean \"{near}\"?)" : ""),
    };
}
