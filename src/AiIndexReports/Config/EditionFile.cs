namespace AiIndexReports.Config;

/// <summary>One table an edition file names: its path relative to the edition folder, declared encoding, and the line.</summary>
public sealed record EditionTable(string File, DeclaredEncoding Encoding, SourceLocation Where);

/// <summary>
/// What data/&lt;edition&gt;/edition.toml declares, checked against its schema: the edition, the year it measures, and the
/// file of each table it is computed from (resolving those files is the Data stage's job).
/// </summary>
public sealed record EditionFile(
    int Edition,
    SourceLocation EditionAt,
    int MeasuredYear,
    SourceLocation MeasuredYearAt,
    DateOnly SnapshotDate,
    string ModelColumn,
    SourceLocation ModelColumnAt,
    string IndicatorEdition,
    SourceLocation IndicatorEditionAt,
    IReadOnlyDictionary<string, EditionTable> Tables)
{
    public const string FileName = "edition.toml";

    private static TomlKey Table(bool required, params TomlKey[] extra) => new("", TomlType.Table, Required: required, Schema: new(
    [
        new TomlKey("file", TomlType.Text, Required: true, Help: "path of the CSV, relative to the edition folder, e.g. \"../shared/epoch/x.csv\""),
        new TomlKey("encoding", TomlType.Text, Help: "\"utf-8\" or \"cp949\" (Korean Excel); omit to detect"),
        .. extra,
    ]));

    /// <summary>The tables an edition may name, in the order of data/README.md.</summary>
    public static readonly IReadOnlyList<TomlKey> TableKeys =
    [
        Table(true,
            new TomlKey("snapshot_date", TomlType.Date, Required: true, Help: "export date of the Epoch snapshot, e.g. 2025-02-24 (a TOML date, no quotes)"),
            new TomlKey("model_column", TomlType.Text, Required: true, Help: "name of the model column in that export: \"System\" (2024-07-16) or \"Model\" (2025-02-24)"))
            with { Name = "notable_models" },
        Table(true, new TomlKey("report_edition", TomlType.Text, Required: true, Help: "the value of report_edition in indicators.csv that this edition uses, e.g. \"2025\""))
            with { Name = "indicators" },
        Table(false) with { Name = "cheapest_prices" },
        Table(false) with { Name = "price_decline_rates" },
        Table(false) with { Name = "model_prices" },
        Table(false) with { Name = "mmlu_scores" },
    ];

    /// <summary>The schema of edition.toml; data/README.md and the edition files' comments describe the same keys.</summary>
    public static readonly TomlTableSchema Schema = new(
    [
        new TomlKey("edition", TomlType.Integer, Required: true, Help: "the AI Index edition, e.g. 2025 (must equal the folder name)",
            Min: BriefManifest.MinYear, Max: BriefManifest.MaxYear),
        new TomlKey("measured_year", TomlType.Integer, Required: true, Help: "the year the edition's figures describe, usually edition - 1",
            Min: BriefManifest.MinYear - 10, Max: BriefManifest.MaxYear),
        .. TableKeys,
    ]);

    /// <summary>Reads data/&lt;edition&gt;/edition.toml; null after reporting every problem found.</summary>
    public static EditionFile? Read(string repoRoot, int edition, DiagnosticBag diagnostics)
    {
        var folder = $"data/{edition}";
        var path = $"{folder}/{FileName}";
        var fullPath = Path.Combine(repoRoot, folder, FileName);
        if (!File.Exists(fullPath))
        {
            diagnostics.Error(new SourceLocation(folder), $"the edition folder has no {FileName}; copy one from another edition and edit it");
            return null;
        }
        if (FileStatus.Of(fullPath) is { Kind: EntryKind.RegularFile, Length: 0 })
        {
            diagnostics.Error(new SourceLocation(path, 1, 1), $"the edition file is empty (0 bytes); expected edition, measured_year and the tables "
                + string.Join(", ", TableKeys.Where(k => k.Required).Select(k => $"[{k.Name}]")));
            return null;
        }

        var errors = new List<Diagnostic>();
        var root = TomlConfigReader.Read(repoRoot, path, Schema, errors);
        foreach (var e in errors) diagnostics.Error(e.Location, e.Message);
        if (root is null || errors.Count > 0) return null;

        var editionValue = (int)root.Integer("edition")!.Value;
        if (editionValue != edition)
            diagnostics.Error(root.WhereIs("edition"), $"edition = {editionValue}, but the folder is {folder}: they must agree");
        var measuredYear = (int)root.Integer("measured_year")!.Value;
        if (measuredYear > editionValue || measuredYear < editionValue - 3)
            diagnostics.Error(root.WhereIs("measured_year"), $"measured_year = {measuredYear} is implausible for edition {editionValue} (expected {editionValue - 1})");

        var tables = new Dictionary<string, EditionTable>(StringComparer.Ordinal);
        foreach (var key in TableKeys)
        {
            if (root.Table(key.Name) is not { } table) continue;
            var encoding = table.Text("encoding") is { } declared ? ParseEncoding(declared, table.WhereIs("encoding"), diagnostics) : DeclaredEncoding.Auto;
            tables[key.Name] = new EditionTable(table.Text("file")!, encoding, table.WhereIs("file"));
        }
        if (diagnostics.HasErrors) return null;

        var notable = root.Table("notable_models")!;
        var indicators = root.Table("indicators")!;
        return new EditionFile(editionValue, root.WhereIs("edition"), measuredYear, root.WhereIs("measured_year"),
            notable.Date("snapshot_date")!.Value, notable.Text("model_column")!, notable.WhereIs("model_column"),
            indicators.Text("report_edition")!, indicators.WhereIs("report_edition"), tables);
    }

    private static DeclaredEncoding ParseEncoding(string value, SourceLocation at, DiagnosticBag diagnostics)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "utf-8" or "utf8": return DeclaredEncoding.Utf8;
            case "cp949" or "euc-kr" or "ks_c_5601-1987": return DeclaredEncoding.Cp949;
            default:
                diagnostics.Error(at, $"encoding = \"{Echo.Clip(value)}\" is not supported; expected \"utf-8\" or \"cp949\" (EUC-KR), or omit the key to detect");
                return DeclaredEncoding.Auto;
        }
    }
}
