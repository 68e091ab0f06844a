using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AiIndexReports.Config;
using AiIndexReports.Data;

namespace AiIndexReports.Editions;

/// <summary>What `new-edition` did: the file written and what the editor should know and do next.</summary>
public sealed record ScaffoldResult(string EditionFile, IReadOnlyList<string> Facts, IReadOnlyList<string> Warnings, IReadOnlyList<string> NextSteps);

/// <summary>
/// `aiindex new-edition YEAR`: writes data/YEAR/edition.toml from the newest edition's file (comments kept), with the
/// year keys moved on, the newest Epoch export named, the brief's date and number set, and says what a stale export
/// means and what to add next. Every date it cannot know is marked in the file for the editor to check.
/// </summary>
public static partial class EditionScaffolder
{
    /// <exception cref="BuildFailedException">the edition exists already, or no edition to start from</exception>
    public static ScaffoldResult Scaffold(string repoRoot, int year)
    {
        var loader = new DatasetLoader();
        var editions = loader.AvailableEditions(repoRoot);
        var folder = $"data/{year.ToString(CultureInfo.InvariantCulture)}";
        var target = Path.Combine(repoRoot, folder, EditionManifestReader.FileName);
        // The folder must be a folder of the repository (or not exist yet): a file, a pipe or a link by that name is
        // the editor's to remove, not ours to write through.
        var folderPath = Path.Combine(repoRoot, folder);
        var entry = new FileInfo(folderPath);
        if (entry.Exists || entry.LinkTarget is not null)
            throw new BuildFailedException(new Diagnostic(new SourceLocation(folder),
                "expected a folder for the new edition (or nothing), found a file or a link: rename or remove it"));
        if (File.Exists(target))
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"{folder}/{EditionManifestReader.FileName}"),
                "the edition exists already; edit this file, or remove the folder to start again"));
        var earlier = editions.Where(e => e < year).ToList();
        if (earlier.Count == 0)
            throw new BuildFailedException(new Diagnostic(new SourceLocation("data"),
                $"no edition before {year} to start from (editions: {(editions.Count == 0 ? "none" : string.Join(", ", editions))})"));
        var from = earlier[^1];
        var dataset = loader.Load(repoRoot, from);
        var source = dataset.Edition;
        var step = year - from;
        var sourceFile = $"data/{from.ToString(CultureInfo.InvariantCulture)}/{EditionManifestReader.FileName}";
        var readErrors = new List<Diagnostic>();
        var text = StrictText.ReadUtf8(InputRoot.ForRepoPath(repoRoot, sourceFile, out var sourceRelative), sourceRelative, readErrors)
            ?? throw new BuildFailedException(readErrors);

        var measured = source.MeasuredYear + step;
        var (exportPath, exportDate, modelColumn) = NewestExport(repoRoot, source);
        var briefDate = source.PublicationDate is { } d ? d.AddYears(step) : new DateOnly(year, 4, 30);
        var released = source.ReportReleased is { } r ? r.AddYears(step) : briefDate;
        var number = source.IssueNumber is { } n && n.StartsWith(from.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? year.ToString(CultureInfo.InvariantCulture) + n[4..] : $"{year}-01";

        var edited = new TomlLines(text)
            .Set("", "edition", year.ToString(CultureInfo.InvariantCulture))
            .Set("", "measured_year", measured.ToString(CultureInfo.InvariantCulture))
            .Set("brief", "date", Iso(briefDate), $"estimate ({Iso(source.PublicationDate ?? briefDate)} + {step} year): set the brief's publication date")
            .Set("brief", "number", $"\"{number}\"")
            .Set("notable_models", "file", $"\"../shared/epoch/{Path.GetFileName(exportPath)}\"")
            .Set("notable_models", "snapshot_date", Iso(exportDate))
            .Set("notable_models", "model_column", $"\"{modelColumn}\"")
            .Set("notable_models", "year_complete_from", "\"03-01\"",
                "a year counts as complete in exports taken from this day of the next year on (earlier: no recount)")
            .Set("indicators", "report_edition", $"\"{year}\"")
            .Set("indicators", "title", $"\"{dataset.IndicatorCatalog.ReportCredit(year, null).Title}\"")
            .Set("indicators", "released", Iso(released), $"estimate ({Iso(source.ReportReleased ?? released)} + {step} year): set the report's release date")
            // Last year's analysis is not this year's: the editor cites one only when it is out.
            .Without("analysis",
                "# [[analysis]]  a Korean analysis of this edition's report, when one is published by the brief's date: publisher,",
                "#               title, released, url, points (data/README.md, edition.toml); cited in 시사점 and 참고문헌")
            .Text;
        edited = edited.Replace($"AI Index {from} edition", $"AI Index {year} edition", StringComparison.Ordinal)
            .Replace($"AI 인덱스 {from} 주요", $"AI 인덱스 {year} 주요", StringComparison.Ordinal);

        try
        {
            AtomicFile.Write(target, new UTF8Encoding(false).GetBytes(edited));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildFailedException(new Diagnostic(new SourceLocation($"{folder}/{EditionManifestReader.FileName}"),
                $"cannot write the file: {e.Message}"));
        }

        var info = source with { Edition = year, MeasuredYear = measured, SnapshotDate = exportDate, CompleteMonth = 3, CompleteDay = 1 };
        var facts = new List<string>
        {
            $"wrote {folder}/{EditionManifestReader.FileName} from data/{from}/{EditionManifestReader.FileName}: AI Index {year}, measuring {measured}",
            $"Epoch AI export: {Path.GetFileName(exportPath)} (taken {Iso(exportDate)}, model column \"{modelColumn}\")",
            $"brief: dated {Iso(briefDate)}, number {number} (estimates: check them in [brief]); report released {Iso(released)} (estimate: check [indicators] released)",
        };
        var warnings = new List<string>();
        if (!info.IsYearComplete(measured))
            warnings.Add($"the Epoch export of {Iso(exportDate)} was taken before {measured} was complete (exports count as complete from "
                + $"{Iso(info.CompleteFrom(measured))} on): every recount of {measured} (models by country, rankings, Korea's models) is \"not computable\", "
                + "the brief uses the AI Index's published counts and says the recount is not possible yet. Put a newer export in data/shared/epoch/ "
                + "and run new-edition again (after removing the folder) when one is out.");
        var rows = CountRows(repoRoot, source, year);
        var nextSteps = new List<string>
        {
            rows == 0
                ? $"add the report's figures to data/shared/aiindex/indicators.csv with report_edition = {year} (names and units: data/indicators.toml; a new indicator is a new [[indicator]] there)"
                : $"data/shared/aiindex/indicators.csv already has {rows} row(s) with report_edition = {year}; add the rest of the report's figures",
            $"set [indicators] released (the report's release date) and [brief] date and number in {folder}/{EditionManifestReader.FileName}",
            $"if a Korean analysis of the report is out by the brief's date (e.g. 소프트웨어정책연구소's), add it as [[analysis]] to {folder}/{EditionManifestReader.FileName}",
            $"run `aiindex check --edition {year}` (add --strict to make unknown names errors), then `aiindex coverage --edition {year}` to see what each section uses",
            $"run `aiindex build --edition {year}` and read output/{year}/*.pdf",
        };
        return new ScaffoldResult($"{folder}/{EditionManifestReader.FileName}", facts, warnings, nextSteps);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The newest notable-models export in data/shared/epoch/ (by the date in its name), and its model column.</summary>
    private static (string Path, DateOnly Date, string ModelColumn) NewestExport(string repoRoot, EditionInfo source)
    {
        var folder = Path.Combine(repoRoot, "data", "shared", "epoch");
        var data = new InputRoot(Path.Combine(repoRoot, "data"), "data");
        // Only exports the tool may read: regular files inside data/ (a named pipe would block, a link may lead out).
        var newest = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "notable_ai_models_*.csv")
                .Where(f => data.Resolve("shared/epoch/" + Path.GetFileName(f), InputRoot.MaxInputBytes).Ok)
                .Select(f => (Path: f, Match: ExportName().Match(Path.GetFileName(f))))
                .Where(x => x.Match.Success && DateOnly.TryParseExact(x.Match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .Select(x => (x.Path, Date: DateOnly.ParseExact(x.Match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .MaxBy(x => x.Date)
            : default;
        if (newest.Path is null)
            return (Path.Combine(repoRoot, source.NotableModelsFile), source.SnapshotDate, "Model");
        using var reader = new StreamReader(InputRoot.OpenRead(data.Resolve("shared/epoch/" + Path.GetFileName(newest.Path), InputRoot.MaxInputBytes).File!));
        var header = reader.ReadLine() ?? "";
        var column = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"')).FirstOrDefault(h => h is "Model" or "System") ?? "Model";
        return (newest.Path, newest.Date, column);
    }

    private static int CountRows(string repoRoot, EditionInfo source, int year)
    {
        if (new InputRoot(Path.Combine(repoRoot, "data"), "data").Resolve("shared/aiindex/indicators.csv", InputRoot.MaxInputBytes).File is not { } file)
            return 0;
        var prefix = year.ToString(CultureInfo.InvariantCulture) + ",";
        using var reader = new StreamReader(InputRoot.OpenRead(file));
        var count = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            if (line.StartsWith(prefix, StringComparison.Ordinal)) count++;
        return count;
    }

    [GeneratedRegex(@"^notable_ai_models_(?<date>\d{4}-\d{2}-\d{2})\.csv$")]
    private static partial Regex ExportName();

    /// <summary>Edits `key = value` lines of a TOML file by table, keeping every comment and the layout.</summary>
    private sealed partial class TomlLines(string text)
    {
        private readonly List<string> _lines = [.. text.Replace("\r\n", "\n").Split('\n')];

        public string Text => string.Join('\n', _lines);

        /// <summary>Removes every [[name]] table (with the comment lines right above it) and leaves <paramref name="comment"/> instead.</summary>
        public TomlLines Without(string name, params string[] comment)
        {
            var removed = false;
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_lines[i].Trim() != $"[[{name}]]" && !_lines[i].TrimStart().StartsWith($"[[{name}]] ", StringComparison.Ordinal)
                    && !_lines[i].TrimStart().StartsWith($"[[{name}]]#", StringComparison.Ordinal)) continue;
                var end = i + 1;
                while (end < _lines.Count && !TableHeader().IsMatch(_lines[end]) && !_lines[end].TrimStart().StartsWith("[[", StringComparison.Ordinal)) end++;
                while (end > i + 1 && _lines[end - 1].Trim().Length == 0) end--;
                _lines.RemoveRange(i, end - i);
                if (!removed) _lines.InsertRange(i, comment);
                else i--;
                removed = true;
            }
            return this;
        }

        /// <param name="note">a comment replacing the line's own, for values the editor must check</param>
        public TomlLines Set(string table, string key, string value, string? note = null)
        {
            var current = "";
            var tableEnd = -1;
            for (var i = 0; i < _lines.Count; i++)
            {
                var line = _lines[i];
                var header = TableHeader().Match(line);
                if (header.Success)
                {
                    if (current == table) tableEnd = i;
                    current = header.Groups["name"].Value.Trim();
                    continue;
                }
                if (current != table) continue;
                var kv = KeyValue().Match(line);
                if (!kv.Success || kv.Groups["key"].Value != key) continue;
                var comment = note is not null ? $"# {note}" : kv.Groups["comment"].Value;
                var head = $"{key} = {value}";
                var commentColumn = key.Length + kv.Groups["pre"].Value.Length + kv.Groups["value"].Value.Length + kv.Groups["gap"].Value.Length;
                var pad = Math.Max(3, commentColumn - head.Length);
                _lines[i] = comment.Length == 0 ? head : head + new string(' ', pad) + comment;
                // A new note replaces the old one with its indented continuation lines.
                if (note is not null)
                    while (i + 1 < _lines.Count && _lines[i + 1].Length > 0 && char.IsWhiteSpace(_lines[i + 1][0]) && _lines[i + 1].TrimStart().StartsWith('#'))
                        _lines.RemoveAt(i + 1);
                return this;
            }
            // Not there: add it at the end of its table (or make the table at the end of the file).
            var added = $"{key} = {value}" + (note is null ? "" : $"   # {note}");
            if (current == table && tableEnd < 0) tableEnd = _lines.Count;
            if (tableEnd < 0)
            {
                _lines.AddRange(["", $"[{table}]", added]);
                return this;
            }
            while (tableEnd > 0 && _lines[tableEnd - 1].Trim().Length == 0) tableEnd--;
            _lines.Insert(tableEnd, added);
            return this;
        }

        [GeneratedRegex(@"^\s*\[(?<name>[^\[\]]+)\]\s*(#.*)?$")]
        private static partial Regex TableHeader();

        [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)(?<pre>\s*=\s*)(?<value>""[^""]*""|[^#\s]+)(?<gap>\s*)(?<comment>#.*)?$")]
        private static partial Regex KeyValue();
    }
}
