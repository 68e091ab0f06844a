using AiIndexReports.Config;
using CsvHelper;

// Generated member descriptions (names and alternate names of each mapped column) let the header check use
// the [CsvColumn] attributes of the row types themselves, so the required columns are written down once.
[assembly: CsvRecordProjections]

namespace AiIndexReports.Data.Csv;

/// <summary>
/// Reads one CSV table through CsvHelper's generated mapper for <typeparamref name="TRaw"/> (a [CsvRecord] row type whose
/// [CsvColumn] attributes are the table's column map), checks the header and the shape of every record, and hands
/// each well-formed record to a converter that validates the cells. Every problem goes to the diagnostic bag.
/// </summary>
internal static class CsvTableReader
{
    /// <param name="convert">turns one raw record into a row, or null when its cells were reported as bad</param>
    /// <param name="extraRequiredColumns">header names the edition requires beyond the map (e.g. its declared model column)</param>
    public static List<TRow> Read<TRaw, TRow>(
        DataFile file, DiagnosticBag diagnostics, Func<TRaw, RowCells, TRow?> convert, IEnumerable<(string Name, SourceLocation DeclaredAt)>? extraRequiredColumns = null)
    {
        try
        {
            return ReadFile(file, diagnostics, convert, extraRequiredColumns ?? []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new SourceLocation(file.RepoPath), StrictText.CannotRead(e, new CheckedFile(file.FullPath, file.RepoPath, 0)));
            return [];
        }
    }

    private static List<TRow> ReadFile<TRaw, TRow>(
        DataFile file, DiagnosticBag diagnostics, Func<TRaw, RowCells, TRow?> convert, IEnumerable<(string Name, SourceLocation DeclaredAt)> extraRequiredColumns)
    {
        var rows = new List<TRow>();
        var fileStart = new SourceLocation(file.RepoPath, 1, 1);
        if (!CsvRecordMapper.TryGetMembers<TRaw>(out var members))
            throw new InvalidOperationException($"{typeof(TRaw).Name} has no generated CsvHelper mapper with member descriptions");

        if (new FileInfo(file.FullPath).Length == 0)
        {
            diagnostics.Error(fileStart, $"the file is empty (0 bytes); expected a header line with the columns {ColumnList(members)}");
            return rows;
        }
        if (StrictText.Inspect(file.FullPath, file.RepoPath, file.Encoding, file.DeclaredAt, diagnostics) is not { } encoding) return rows;

        // Quoting problems are reported by CsvHelper through this callback, keyed here by the record's first line.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            PoolStrings = true, // organisation, domain and country cells repeat across thousands of rows; kept rows share one string each
            OnMalformedRecord = m => malformed.TryAdd(m.LineNumber, m.Reason),
            // Real records are under 10 KB; without a cap an unclosed quote near the top of a big file
            // would pull the rest of the file into one record in memory.
            MaxRecordSize = MaxRecordBytes,
        };
        using var reader = encoding == FileEncoding.Utf8
            ? CsvReader.FromFile(file.FullPath, options)
            : CsvReader.Create(new StreamReader(file.FullPath, StrictText.StrictCp949), options);

        var headers = reader.Headers.ToArray();
        if (headers.Length == 0)
        {
            diagnostics.Error(fileStart, $"the file has no header line; expected the columns {ColumnList(members)}");
            return rows;
        }
        if (FindColumns(reader, headers, members, extraRequiredColumns, file, diagnostics) is not { } columns) return rows;

        var records = 0;
        ShortRecord? pendingShort = null;
        bool? more;
        while ((more = TryRead(reader, file, diagnostics)) == true)
        {
            records++;
            var line = (int)reader.LineNumber;
            if (pendingShort is { } previous)
            {
                // A short record followed by more records is a broken row, not a cut-off file.
                diagnostics.Error(previous.Location, $"the record has {previous.Fields} fields, the header has {headers.Length}: a field is missing or columns are shifted");
                pendingShort = null;
            }

            var quoting = malformed.TryGetValue(line, out var reason) ? reason : (CsvMalformedReason?)null;
            if (quoting == CsvMalformedReason.UnterminatedQuote)
            {
                var column = Math.Max(1, reader.FieldCount);
                diagnostics.Error(new SourceLocation(file.RepoPath, line, column),
                    $"the quoted field in column {column} ({HeaderAt(headers, column - 1)}) is never closed: the file ends inside it (truncated file or a missing closing quote)");
                continue;
            }
            if (reader.FieldCount < headers.Length)
            {
                pendingShort = new ShortRecord(new SourceLocation(file.RepoPath, line, reader.FieldCount), reader.FieldCount);
                continue;
            }
            if (reader.FieldCount > headers.Length)
            {
                diagnostics.Error(new SourceLocation(file.RepoPath, line, headers.Length + 1),
                    $"the record has {reader.FieldCount} fields, the header has {headers.Length}: columns are shifted (an unquoted comma in a value?)");
                continue;
            }
            if (quoting is CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote)
                diagnostics.Warning(new SourceLocation(file.RepoPath, line), $"malformed quoting ({quoting}), read as plain text");

            if (OversizedField(reader) is { } wide)
            {
                diagnostics.Error(new SourceLocation(file.RepoPath, line, wide + 1),
                    $"the cell in column {wide + 1} ({HeaderAt(headers, wide)}) is {reader.GetRawSpan(wide).Length / 1024:N0} KB long; a cell may be at most {MaxFieldBytes / 1024} KB (the longest real one, an abstract, is about 5 KB): a corrupt or wrongly exported file?");
                continue;
            }

            var raw = reader.GetRecord<TRaw>(); // every mapped member is a string: reading cannot fail here
            if (convert(raw, new RowCells(file.RepoPath, line, columns, diagnostics)) is { } row) rows.Add(row);
        }

        if (pendingShort is { } last)
            diagnostics.Error(last.Location, $"the last record has {last.Fields} of {headers.Length} fields: the file ends mid-record (truncated?)");
        if (records == 0 && more == false)
            diagnostics.Error(fileStart, "the file has a header but no data rows");
        return rows;
    }

    private readonly record struct ShortRecord(SourceLocation Location, int Fields);

    /// <summary>Largest cell accepted, in bytes: a megabyte-long name would flow into the brief's text and tables.</summary>
    internal const int MaxFieldBytes = 64 << 10;

    private static int? OversizedField(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
            if (reader.GetRawSpan(i).Length > MaxFieldBytes) return i;
        return null;
    }

    /// <summary>Largest record accepted, in bytes.</summary>
    internal const int MaxRecordBytes = 4 << 20;

    /// <summary>
    /// Reader.Read, turning the only failure CsvHelper raises for our options (an oversized record) into a diagnostic.
    /// </summary>
    /// <returns>true on a record, false at the end, null when reading had to stop</returns>
    private static bool? TryRead(CsvReader reader, DataFile file, DiagnosticBag diagnostics)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            diagnostics.Error(new SourceLocation(file.RepoPath, (int)e.LineNumber),
                $"the record starting here is longer than {MaxRecordBytes >> 20} MB: a quoted field is probably never closed ({e.Message})");
            return null;
        }
    }

    /// <summary>Finds each mapped member's column by name; reports every missing column with the nearest header name.</summary>
    private static Dictionary<string, MappedColumn>? FindColumns(
        CsvReader reader, string[] headers, IReadOnlyList<CsvRecordMember> members, IEnumerable<(string Name, SourceLocation DeclaredAt)> extraRequired, DataFile file, DiagnosticBag diagnostics)
    {
        var columns = new Dictionary<string, MappedColumn>(StringComparer.Ordinal);
        var missing = new List<(string Name, SourceLocation? DeclaredAt)>();
        foreach (var member in members)
        {
            var found = false;
            foreach (var name in member.ColumnNames)
            {
                // Same matching rule as the mapper: exact, then ignoring case and surrounding whitespace.
                if (!reader.TryGetFieldIndex(name, out var index)) continue;
                columns[member.Name] = new MappedColumn(index, headers[index]);
                found = true;
                break;
            }
            if (!found) missing.Add((string.Join("\" or \"", member.ColumnNames), null));
        }
        missing.AddRange(extraRequired.Where(e => !reader.TryGetFieldIndex(e.Name, out _)).Select(e => (e.Name, (SourceLocation?)e.DeclaredAt)));
        if (missing.Count == 0) return columns;

        // A renamed column is the likely story: suggest among the headers no other member took.
        var mapped = columns.Values.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        var unmapped = headers.Where(h => !mapped.Contains(h)).ToList();
        foreach (var (name, declaredAt) in missing)
        {
            var nearest = NearestName.Find(name, declaredAt is null ? unmapped : headers);
            var at = nearest is null ? new SourceLocation(file.RepoPath, 1) : new SourceLocation(file.RepoPath, 1, Array.IndexOf(headers, nearest) + 1);
            diagnostics.Error(at,
                $"missing required column \"{name}\"" + (nearest is null ? "" : $" (renamed? the header has \"{nearest}\" in column {at.Column})")
                + (declaredAt is null ? "" : $" (declared in {declaredAt})")
                + $"; expected columns: {ColumnList(members)}; found: {string.Join(", ", headers.Select(h => $"\"{h}\""))}");
        }
        return null;
    }

    private static string ColumnList(IReadOnlyList<CsvRecordMember> members) =>
        string.Join(", ", members.Select(m => $"\"{m.ColumnNames[0]}\""));

    private static string HeaderAt(string[] headers, int index) =>
        index >= 0 && index < headers.Length ? $"\"{headers[index]}\"" : "past the last header column";
}
