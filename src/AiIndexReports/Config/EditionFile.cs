using System.Globalization;

namespace AiIndexReports.Config;

/// <summary>
/// One table an edition file names: its path relative to the edition folder, declared encoding, the line, and the credit
/// figures and tables print for it (title, publisher, release date, licence; null where the file gives none).
/// </summary>
public sealed record EditionTable(string File, DeclaredEncoding Encoding, SourceLocation Where)
{
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Released { get; init; }
    public SourceLocation? ReleasedAt { get; init; }
    public string? Licence { get; init; }
}

/// <summary>
/// A Korean analysis of the edition's report that the briefs cite ([[analysis]] of edition.toml): who published it,
/// its title, date and address, and the policy points it makes, in the editor's words.
/// </summary>
public sealed record EditionAnalysis(string Publisher, string Title, DateOnly Released, string? Url, IReadOnlyList<string> Points, SourceLocation Where);

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
    /// <summary>[brief] date: the publication date of this edition's briefs (the vintage cut-off of every figure they print).</summary>
    public DateOnly? PublicationDate { get; init; }
    /// <summary>[brief] number: the issue number of this edition's briefs, e.g. "2026-04".</summary>
    public string? IssueNumber { get; init; }
    /// <summary>[notable_models] year_complete_from: a year counts as complete in exports taken on or after this month and day of the next year.</summary>
    public (int Month, int Day) YearCompleteFrom { get; init; } = (3, 1);
    /// <summary>[[analysis]]: Korean analyses of the report the briefs cite (none when the file lists none).</summary>
    public IReadOnlyList<EditionAnalysis> Analyses { get; init; } = [];

    public const string FileName = "edition.toml";

    private static TomlKey Table(bool required, params TomlKey[] extra) => new("", TomlType.Table, Required: required, Schema: new(
    [
        new TomlKey("file", TomlType.Text, Required: true, Help: "path of the CSV, relative to the edition folder, e.g. \"../shared/epoch/x.csv\""),
        new TomlKey("encoding", TomlType.Text, Help: "\"utf-8\" or \"cp949\" (Korean Excel); omit to detect"),
        // The source line of figures and tables ("Epoch AI(2025), Notable AI Models") and the references come from these.
        new TomlKey("title", TomlType.Text, Help: "the source's title as credited, e.g. \"Notable AI Models\""),
        new TomlKey("publisher", TomlType.Text, Help: "who publishes it, e.g. \"Epoch AI\""),
        new TomlKey("released", TomlType.Date, Help: "release date of this version of the source, e.g. 2025-04-07 (a brief never prints a figure released after its date)"),
        new TomlKey("licence", TomlType.Text, Help: "its licence, e.g. \"CC BY 4.0\""),
        .. extra,
    ]));

    /// <summary>The tables an edition may name, in the order of data/README.md.</summary>
    public static readonly IReadOnlyList<TomlKey> TableKeys =
    [
        Table(true,
            new TomlKey("snapshot_date", TomlType.Date, Required: true, Help: "export date of the Epoch snapshot, e.g. 2025-02-24 (a TOML date, no quotes)"),
            new TomlKey("model_column", TomlType.Text, Required: true, Help: "name of the model column in that export: \"System\" (2024-07-16) or \"Model\" (2025-02-24)"),
            new TomlKey("year_complete_from", TomlType.Text, Help: "\"MM-DD\": a year counts as complete in exports taken on or after this day of the following year (default \"03-01\")"))
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
        new TomlKey("brief", TomlType.Table, Help: "this edition's briefs: date and issue number", Schema: new(
            new TomlKey("date", TomlType.Date, Required: true, Help: "publication date of this edition's briefs, e.g. 2026-04-16 (used when templates/briefs.toml gives none)"),
            new TomlKey("number", TomlType.Text, Help: "issue number of this edition's briefs, e.g. \"2026-04\" (used when templates/briefs.toml gives none)"))),
        new TomlKey("analysis", TomlType.TableArray, Help: "a Korean analysis of this edition's report that the briefs cite", Schema: new(
            new TomlKey("publisher", TomlType.Text, Required: true, Help: "e.g. \"소프트웨어정책연구소\""),
            new TomlKey("title", TomlType.Text, Required: true, Help: "the title without brackets, e.g. \"AI 인덱스 2025 주요내용 및 시사점\""),
            new TomlKey("released", TomlType.Date, Required: true, Help: "its publication date (not after the briefs' date)"),
            new TomlKey("url", TomlType.Text, Help: "where it is published"),
            new TomlKey("points", TomlType.TextArray, Help: "the policy points it makes, as short Korean noun phrases"))),
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
            tables[key.Name] = new EditionTable(table.Text("file")!, encoding, table.WhereIs("file"))
            {
                Title = table.Text("title"), Publisher = table.Text("publisher"), Licence = table.Text("licence"),
                Released = table.Date("released"), ReleasedAt = table.Has("released") ? table.WhereIs("released") : null,
            };
        }

        var notable = root.Table("notable_models")!;
        var indicators = root.Table("indicators")!;
        var brief = root.Table("brief");
        var complete = (Month: 3, Day: 1);
        if (notable.Text("year_complete_from") is { } from && !TryMonthDay(from, out complete))
            diagnostics.Error(notable.WhereIs("year_complete_from"), $"year_complete_from = \"{Echo.Clip(from)}\": expected a month and day \"MM-DD\", e.g. \"03-01\"");
        var publication = brief?.Date("date");
        var snapshot = notable.Date("snapshot_date")!.Value;
        if (publication is { } p && tables["indicators"].Released is { } released && p < released)
            diagnostics.Error(brief!.WhereIs("date"), $"[brief] date = {p:yyyy-MM-dd} is before the report's release ([indicators] released = {released:yyyy-MM-dd}): a brief cannot quote a report not yet published");
        // The recount is the brief's own work, not a quoted figure: a later export is noted, not refused.
        if (snapshot > publication)
            diagnostics.Warning(notable.WhereIs("snapshot_date"),
                $"snapshot_date = {snapshot:yyyy-MM-dd} is after the briefs' date ([brief] date = {publication:yyyy-MM-dd}): the recount uses data the briefs' readers could not have seen on that date");
        var analyses = new List<EditionAnalysis>();
        foreach (var a in root.Tables("analysis"))
        {
            var cited = a.Date("released")!.Value;
            // The vintage rule: a brief cites nothing published after its own date.
            if (publication is { } date && cited > date)
                diagnostics.Error(a.WhereIs("released"), $"[[analysis]] released = {cited:yyyy-MM-dd} is after the briefs' date ([brief] date = {date:yyyy-MM-dd}): a brief cannot cite what was not yet published");
            if (a.Text("url") is { } url && !url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
                diagnostics.Error(a.WhereIs("url"), $"url = \"{Echo.Clip(url)}\": expected an address starting with https://");
            analyses.Add(new EditionAnalysis(a.Text("publisher")!, a.Text("title")!, cited, a.Text("url"), a.Texts("points"), a.Where));
        }
        if (diagnostics.HasErrors) return null;

        return new EditionFile(editionValue, root.WhereIs("edition"), measuredYear, root.WhereIs("measured_year"),
            snapshot, notable.Text("model_column")!, notable.WhereIs("model_column"),
            indicators.Text("report_edition")!, indicators.WhereIs("report_edition"), tables)
        {
            PublicationDate = publication,
            IssueNumber = brief?.Text("number"),
            YearCompleteFrom = complete,
            Analyses = analyses,
        };
    }

    private static bool TryMonthDay(string text, out (int Month, int Day) monthDay)
    {
        monthDay = (3, 1);
        var parts = text.Split('-');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month))
            return false;
        monthDay = (month, day);
        return true;
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
