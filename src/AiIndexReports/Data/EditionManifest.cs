using System.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace AiIndexReports.Data;

/// <summary>What data/&lt;edition&gt;/edition.toml declares: the edition and the file of each table it is computed from.</summary>
internal sealed record EditionManifest(
    EditionInfo Info,
    DataFile NotableModels,
    string ModelColumn,
    SourceLocation ModelColumnAt,
    DataFile Indicators,
    SourceLocation IndicatorEditionAt,
    DataFile? CheapestPrices,
    DataFile? DeclineRates,
    DataFile? ModelPrices,
    DataFile? MmluScores);

/// <summary>
/// Reads edition.toml from Tomlyn's syntax tree (not its object model) so that every key and value keeps its line:
/// an unknown or misspelt key is an error at its line, a missing file is an error at the line that names it.
/// </summary>
internal static class EditionManifestReader
{
    public const string FileName = "edition.toml";

    private enum Kind { Integer, String, Date }

    private sealed record Key(Kind Kind, bool Required, string Help);

    // The whole schema in one place; the README of data/ and the edition files' comments describe the same keys.
    private static readonly Dictionary<string, Dictionary<string, Key>> Schema = new(StringComparer.Ordinal)
    {
        [""] = new(StringComparer.Ordinal)
        {
            ["edition"] = new(Kind.Integer, true, "the AI Index edition, e.g. 2025 (must equal the folder name)"),
            ["measured_year"] = new(Kind.Integer, true, "the year the edition's figures describe, usually edition - 1"),
        },
        ["notable_models"] = Table(
            ("snapshot_date", new(Kind.Date, true, "export date of the Epoch snapshot, e.g. 2025-02-24 (a TOML date, no quotes)")),
            ("model_column", new(Kind.String, true, "name of the model column in that export: \"System\" (2024-07-16) or \"Model\" (2025-02-24)")),
            ("year_complete_from", new(Kind.String, false, "\"MM-DD\": a year counts as complete in exports taken on or after this day of the following year (default \"03-01\")"))),
        ["indicators"] = Table(
            ("report_edition", new(Kind.String, true, "the value of report_edition in indicators.csv that this edition uses, e.g. \"2025\""))),
        ["brief"] = new(StringComparer.Ordinal)
        {
            ["date"] = new(Kind.Date, true, "publication date of this edition's briefs, e.g. 2026-04-16 (used when templates/briefs.toml gives none)"),
            ["number"] = new(Kind.String, false, "issue number of this edition's briefs, e.g. \"2026-04\" (used when templates/briefs.toml gives none)"),
        },
        ["cheapest_prices"] = Table(),
        ["price_decline_rates"] = Table(),
        ["model_prices"] = Table(),
        ["mmlu_scores"] = Table(),
    };

    private static readonly HashSet<string> RequiredTables = ["notable_models", "indicators"];

    private static Dictionary<string, Key> Table(params (string Name, Key Key)[] extra)
    {
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal)
        {
            ["file"] = new(Kind.String, true, "path of the CSV, relative to the edition folder, e.g. \"../shared/epoch/x.csv\""),
            ["encoding"] = new(Kind.String, false, "\"utf-8\" or \"cp949\" (Korean Excel); omit to detect"),
            // The source line of figures and tables ("Epoch AI(2025), Notable AI Models") and the 참고문헌 come from these.
            ["title"] = new(Kind.String, false, "the source's title as credited, e.g. \"Notable AI Models\""),
            ["publisher"] = new(Kind.String, false, "who publishes it, e.g. \"Epoch AI\""),
            ["released"] = new(Kind.Date, false, "release date of this version of the source, e.g. 2025-04-07 (a brief never prints a figure released after its date)"),
            ["licence"] = new(Kind.String, false, "its licence, e.g. \"CC BY 4.0\""),
        };
        foreach (var (name, key) in extra) keys[name] = key;
        return keys;
    }

    public static EditionManifest? Read(string repoRoot, int edition, DiagnosticBag diagnostics)
    {
        var folder = $"data/{edition}";
        var path = $"{folder}/{FileName}";
        var fullPath = Path.Combine(repoRoot, folder, FileName);
        if (!File.Exists(fullPath))
        {
            diagnostics.Error(new SourceLocation(folder), $"the edition folder has no {FileName}; copy one from another edition and edit it");
            return null;
        }
        var bytes = File.ReadAllBytes(fullPath); // a few hundred bytes
        if (bytes.Length == 0)
        {
            diagnostics.Error(new SourceLocation(path, 1, 1),
                $"the edition file is empty (0 bytes); expected {string.Join(", ", Schema[""].Keys)} and the tables [{string.Join("], [", RequiredTables)}]");
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Max(0, e.Index)).Count((byte)'\n');
            diagnostics.Error(new SourceLocation(path, line), "the edition file is not UTF-8 text; save it as UTF-8");
            return null;
        }

        var document = SyntaxParser.Parse(text, path, true);
        foreach (var message in document.Diagnostics)
            if (message.Kind == DiagnosticMessageKind.Error)
                diagnostics.Error(At(path, message.Span), $"TOML: {message.Message}");
        if (document.HasErrors) return null;

        var values = new Dictionary<(string Table, string Key), (object Value, SourceLocation At)>();
        var keysSeen = new HashSet<(string, string)>(); // including keys whose value was reported as invalid
        var tablesSeen = new HashSet<string>(StringComparer.Ordinal);
        Collect("", document.KeyValues, path, values, keysSeen, diagnostics);
        foreach (var table in document.Tables)
        {
            var name = table.Name?.ToString().Trim() ?? "";
            var at = At(path, table.Span);
            if (table is TableArraySyntax || !Schema.ContainsKey(name) || name.Length == 0)
            {
                var suggestion = NearestName.Find(name, Schema.Keys.Where(k => k.Length > 0));
                diagnostics.Error(at, $"unknown table [{name}]" + (suggestion is null ? "" : $" (did you mean [{suggestion}]?)")
                    + $"; known tables: [{string.Join("], [", Schema.Keys.Where(k => k.Length > 0))}]");
                continue;
            }
            tablesSeen.Add(name);
            Collect(name, table.Items, path, values, keysSeen, diagnostics);
        }

        foreach (var required in RequiredTables.Where(t => !tablesSeen.Contains(t)))
            diagnostics.Error(new SourceLocation(path), $"missing table [{required}] with keys {string.Join(", ", Schema[required].Where(k => k.Value.Required).Select(k => k.Key))}");
        foreach (var (table, keys) in Schema)
        {
            if (table.Length > 0 && !tablesSeen.Contains(table)) continue;
            foreach (var (key, spec) in keys.Where(k => k.Value.Required && !keysSeen.Contains((table, k.Key))))
                diagnostics.Error(new SourceLocation(path), $"missing key {(table.Length == 0 ? "" : table + ".")}{key}: {spec.Help}");
        }
        if (diagnostics.HasErrors) return null;

        var editionValue = (int)(long)values[("", "edition")].Value;
        if (editionValue != edition)
            diagnostics.Error(values[("", "edition")].At, $"edition = {editionValue}, but the folder is {folder}: they must agree");
        var measuredYear = (int)(long)values[("", "measured_year")].Value;
        if (measuredYear > editionValue || measuredYear < editionValue - 3)
            diagnostics.Error(values[("", "measured_year")].At, $"measured_year = {measuredYear} is implausible for edition {editionValue} (expected {editionValue - 1})");

        DataFile? FileOf(string table)
        {
            if (!values.TryGetValue((table, "file"), out var file)) return null;
            var encoding = values.TryGetValue((table, "encoding"), out var enc) ? ParseEncoding((string)enc.Value, enc.At, diagnostics) : DeclaredEncoding.Auto;
            string? Text(string key) => values.TryGetValue((table, key), out var v) ? (string)v.Value : null;
            return Resolve(repoRoot, folder, (string)file.Value, file.At, encoding, diagnostics) is { } resolved
                ? resolved with
                {
                    Title = Text("title"), Publisher = Text("publisher"), Licence = Text("licence"),
                    Released = values.TryGetValue((table, "released"), out var r) ? (DateOnly)r.Value : null,
                }
                : null;
        }

        var notable = FileOf("notable_models");
        var indicators = FileOf("indicators");
        var cheapest = FileOf("cheapest_prices");
        var decline = FileOf("price_decline_rates");
        var modelPrices = FileOf("model_prices");
        var mmlu = FileOf("mmlu_scores");
        if (diagnostics.HasErrors || notable is null || indicators is null) return null;

        var snapshot = (DateOnly)values[("notable_models", "snapshot_date")].Value;
        var reportEdition = values[("indicators", "report_edition")];
        var (month, day) = (3, 1);
        if (values.TryGetValue(("notable_models", "year_complete_from"), out var complete)
            && !TryMonthDay((string)complete.Value, out month, out day))
            diagnostics.Error(complete.At, $"year_complete_from = \"{complete.Value}\": expected a month and day \"MM-DD\", e.g. \"03-01\"");
        var publication = values.TryGetValue(("brief", "date"), out var date) ? (DateOnly?)date.Value : null;
        var number = values.TryGetValue(("brief", "number"), out var n) ? (string)n.Value : null;
        if (publication is { } p && indicators.Released is { } released && p < released)
            diagnostics.Error(date!.At, $"[brief] date = {p:yyyy-MM-dd} is before the report's release ([indicators] released = {released:yyyy-MM-dd}): a brief cannot quote a report not yet published");
        // The recount is the brief's own work, not a quoted figure: a later export is noted, not refused.
        if (publication is { } p2 && snapshot > p2)
            diagnostics.Warning(values[("notable_models", "snapshot_date")].At,
                $"snapshot_date = {snapshot:yyyy-MM-dd} is after the briefs' date ([brief] date = {p2:yyyy-MM-dd}): the recount uses data the briefs' readers could not have seen on that date");
        if (diagnostics.HasErrors) return null;
        var info = new EditionInfo(editionValue, measuredYear, folder, notable.RepoPath, snapshot, (string)reportEdition.Value,
            publication, number, indicators.Released, month, day);
        var modelColumn = values[("notable_models", "model_column")];
        return new EditionManifest(info, notable, (string)modelColumn.Value, modelColumn.At, indicators, reportEdition.At,
            cheapest, decline, modelPrices, mmlu);
    }

    /// <summary>
    /// How another (older) edition credits its AI Index report: title, publisher, released and licence of its
    /// [indicators] table, or null when its edition.toml is missing or unreadable (that edition's own check reports why).
    /// </summary>
    public static Data.Catalog.Credit? PeekReportCredit(string repoRoot, int edition)
    {
        var path = Path.Combine(repoRoot, "data", edition.ToString(System.Globalization.CultureInfo.InvariantCulture), FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var document = SyntaxParser.Parse(File.ReadAllText(path), path, true);
            if (document.HasErrors) return null;
            var table = document.Tables.FirstOrDefault(t => t is not TableArraySyntax && t.Name?.ToString().Trim() == "indicators");
            if (table is null) return null;
            string? Text(string key) => table.Items.FirstOrDefault(i => i.Key?.ToString().Trim() == key)?.Value is StringValueSyntax s ? s.Value : null;
            var released = table.Items.FirstOrDefault(i => i.Key?.ToString().Trim() == "released")?.Value is DateTimeValueSyntax d && d.Kind == SyntaxKind.LocalDate
                ? DateOnly.FromDateTime(d.Value.DateTime.DateTime) : (DateOnly?)null;
            var title = Text("title");
            var publisher = Text("publisher");
            return title is null || publisher is null ? null : new Data.Catalog.Credit(title, publisher, released, Text("licence") ?? "", edition);
        }
        catch (IOException) { return null; }
    }

    private static void Collect(string table, SyntaxList<KeyValueSyntax> items, string path,
        Dictionary<(string, string), (object, SourceLocation)> values, HashSet<(string, string)> keysSeen, DiagnosticBag diagnostics)
    {
        var schema = Schema[table];
        var where = table.Length == 0 ? "at the top of the file" : $"in [{table}]";
        foreach (var item in items)
        {
            var key = item.Key?.ToString().Trim().Trim('"') ?? "";
            var at = At(path, item.Span);
            if (!schema.TryGetValue(key, out var spec))
            {
                var suggestion = NearestName.Find(key, schema.Keys);
                diagnostics.Error(at, $"unknown key \"{key}\" {where}" + (suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)")
                    + $"; known keys there: {string.Join(", ", schema.Keys)}");
                continue;
            }
            keysSeen.Add((table, key));
            object? value = (spec.Kind, item.Value) switch
            {
                (Kind.Integer, IntegerValueSyntax i) => i.Value,
                (Kind.String, StringValueSyntax s) => s.Value,
                (Kind.Date, DateTimeValueSyntax d) when d.Kind == SyntaxKind.LocalDate => DateOnly.FromDateTime(d.Value.DateTime.DateTime),
                _ => null,
            };
            if (value is null)
                diagnostics.Error(At(path, item.Value?.Span ?? item.Span), $"{key}: expected {Describe(spec.Kind)} ({spec.Help}), found {item.Value?.ToString()?.Trim()}");
            else
                values[(table, key)] = (value, at);
        }
    }

    private static bool TryMonthDay(string text, out int month, out int day)
    {
        month = day = 0;
        var parts = text.Split('-');
        return parts.Length == 2 && parts[0].Length == 2 && parts[1].Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out month)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Integer => "a whole number",
        Kind.String => "a quoted string",
        _ => "a date yyyy-MM-dd without quotes",
    };

    private static DeclaredEncoding ParseEncoding(string value, SourceLocation at, DiagnosticBag diagnostics)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "utf-8" or "utf8": return DeclaredEncoding.Utf8;
            case "cp949" or "euc-kr" or "ks_c_5601-1987": return DeclaredEncoding.Cp949;
            default:
                diagnostics.Error(at, $"encoding = \"{value}\" is not supported; expected \"utf-8\" or \"cp949\" (EUC-KR), or omit the key to detect");
                return DeclaredEncoding.Auto;
        }
    }

    /// <summary>Resolves a path relative to the edition folder; it must stay inside data/ and exist.</summary>
    private static DataFile? Resolve(string repoRoot, string folder, string relative, SourceLocation at, DeclaredEncoding encoding, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(repoRoot);
        var full = Path.GetFullPath(Path.Combine(root, folder, relative));
        var repoPath = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (!repoPath.StartsWith("data/", StringComparison.Ordinal))
        {
            diagnostics.Error(at, $"file = \"{relative}\" points outside data/ ({repoPath}); source tables live under data/");
            return null;
        }
        if (!File.Exists(full))
        {
            var directory = Path.GetDirectoryName(full)!;
            var present = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.csv").Select(Path.GetFileName).OfType<string>().Order().ToList() : [];
            var nearest = NearestName.Find(Path.GetFileName(full), present);
            diagnostics.Error(at, $"file \"{repoPath}\" does not exist"
                + (nearest is not null ? $" (did you mean \"{nearest}\"?)" : "")
                + (present.Count > 0 ? $"; CSV files in {Path.GetRelativePath(root, directory).Replace('\\', '/')}: {string.Join(", ", present)}" : ""));
            return null;
        }
        return new DataFile(full, repoPath, encoding, at);
    }

    /// <summary>Tomlyn positions are 0-based; ours are 1-based.</summary>
    private static SourceLocation At(string path, SourceSpan span) => new(path, span.Start.Line + 1, span.Start.Column + 1);
}
