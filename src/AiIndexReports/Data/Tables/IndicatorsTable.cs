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
    public static SourceTable Describe(DataFile file, IEnumerable<Indicator> rows) => new(
        file.RepoPath, "AI Index Report figures (transcribed)", "Stanford HAI (AI Index)",
        "CC BY-ND 4.0 (figures quoted with attribution; charts redrawn from the numbers)",
        rows.Select(r => r.SourceType).DefaultIfEmpty(SourceType.TranscribedReportText).Max(),
        "https://hai.stanford.edu/ai-index");

    public static List<Indicator> Read(DataFile file, DiagnosticBag diagnostics)
    {
        var keys = new KeyIndex<(string, string, string, string)>();
        return CsvTableReader.Read<IndicatorRow, Indicator>(file, diagnostics, (raw, cells) =>
        {
            var edition = cells.Required(nameof(raw.ReportEdition), raw.ReportEdition);
            var name = cells.Required(nameof(raw.Indicator), raw.Indicator);
            var geography = cells.Required(nameof(raw.Geography), raw.Geography);
            var period = cells.Required(nameof(raw.Period), raw.Period);
            var unit = cells.Required(nameof(raw.Unit), raw.Unit);
            var value = cells.Number(nameof(raw.Value), raw.Value, allowNegative: !CountUnits.Contains(unit));
            var iso3 = CheckIso3(raw.Iso3.Trim(), geography, cells, nameof(raw.Iso3));
            if (!SourceTypes.TryGetValue(raw.SourceType.Trim(), out var sourceType))
                cells.Error(nameof(raw.SourceType), $"expected one of {string.Join(", ", SourceTypes.Keys)}, found \"{raw.SourceType}\"");
            if (value is { } v)
                keys.Add((edition, name, geography, period), v.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    cells, nameof(raw.Value), $"({edition}, {name}, {geography}, {period})");
            return cells.HasErrors || value is null ? null
                : new Indicator(edition, name, geography, iso3, period, value.Value, unit, sourceType,
                    raw.Source.Trim(), raw.Note.Trim(), cells.At(nameof(raw.Value)));
        });
    }

    /// <summary>iso3 must be a known code, and agree with the geography when the geography is a country name.</summary>
    private static string? CheckIso3(string iso3, string geography, RowCells cells, string member)
    {
        var named = Countries.TryFromName(geography, out var byName) ? byName : null;
        if (iso3.Length == 0)
        {
            if (named is not null) cells.Error(member, $"geography \"{geography}\" is a country: expected iso3 {named.Iso3}, found an empty cell");
            return null;
        }
        if (!Countries.TryFromIso3(iso3, out var byCode))
        {
            cells.Error(member, $"unknown ISO 3166 alpha-3 code \"{iso3}\"" + (named is null ? "; add it to Data/Countries.cs" : $" (geography \"{geography}\" is {named.Iso3})"));
            return null;
        }
        if (named is null)
        {
            var suggestion = Countries.Suggest(geography);
            cells.Error(member, $"geography \"{geography}\" is not a known spelling of {byCode.Iso3} ({byCode.EnglishName})"
                + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"));
            return null;
        }
        if (named.Iso3 != byCode.Iso3)
        {
            cells.Error(member, $"iso3 {iso3} does not match geography \"{geography}\" ({named.Iso3})");
            return null;
        }
        return iso3;
    }
}
