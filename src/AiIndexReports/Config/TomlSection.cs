using System.Globalization;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace AiIndexReports.Config;

/// <summary>
/// A TOML table that editors write by hand, read strictly: every value knows its line, wrong types and unknown keys
/// become diagnostics ("templates/briefs.toml:12:1: unknown key 'titel' (expected one of: id, title, …)").
/// Supports top-level keys, [tables], [[table arrays]] and inline tables — what our config files use.
/// </summary>
public sealed class TomlSection
{
    private readonly Dictionary<string, (object? Value, SourceLocation Where)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _errors;

    private TomlSection(string file, SourceLocation where, List<Diagnostic> errors)
    {
        File = file;
        Where = where;
        _errors = errors;
    }

    public string File { get; }
    public SourceLocation Where { get; }
    public IEnumerable<string> Keys => _entries.Keys;

    private const int MaxSyntaxErrors = 10;

    /// <summary>Parses a file; syntax errors are added to <paramref name="errors"/> and give null.</summary>
    public static TomlSection? Parse(string text, string file, List<Diagnostic> errors)
    {
        // File.ReadAllText turns bytes that are not UTF-8 into U+FFFD: a binary, CP949 or BOM-less UTF-16 file would
        // otherwise give a screenful of TOML errors quoting the garbage.
        if (text.AsSpan().IndexOfAny('\uFFFD', '\0') is var bad and >= 0)
        {
            var line = text.AsSpan(0, bad).Count('\n') + 1;
            var column = bad - (text.LastIndexOf('\n', Math.Max(0, bad - 1)) + 1) + 1;
            errors.Add(new Diagnostic(new SourceLocation(file, line, column), text[bad] == '\0'
                ? "NUL character: the file is binary or UTF-16 without a byte order mark; save it as UTF-8 text"
                : "bytes that are not UTF-8 text (CP949? binary?); save the file as UTF-8"));
            return null;
        }

        var doc = SyntaxParser.Parse(text, file);
        if (doc.HasErrors)
        {
            // The first few errors locate the problem; the rest are usually its echoes.
            foreach (var d in doc.Diagnostics.Take(MaxSyntaxErrors))
                errors.Add(new Diagnostic(new SourceLocation(file, d.Span.Start.Line + 1, d.Span.Start.Column + 1), "TOML: " + d.Message));
            if (doc.Diagnostics.Count > MaxSyntaxErrors)
                errors.Add(new Diagnostic(new SourceLocation(file), $"TOML: {doc.Diagnostics.Count - MaxSyntaxErrors} more syntax errors not shown"));
            return null;
        }

        var root = new TomlSection(file, new SourceLocation(file, 1, 1), errors);
        foreach (var kv in doc.KeyValues) root.AddKeyValue(kv);
        foreach (var table in doc.Tables)
        {
            var name = table.Name?.ToString().Trim() ?? "";
            var at = Loc(file, table.Span);
            var section = new TomlSection(file, at, errors);
            foreach (var item in table.Items)
                if (item is KeyValueSyntax kv) section.AddKeyValue(kv);

            if (name.Contains('.'))
            {
                errors.Add(new Diagnostic(at, $"TOML: nested table [{name}] is not supported here; use an inline table"));
                continue;
            }

            if (table.Kind == SyntaxKind.TableArray)
            {
                if (!root._entries.TryGetValue(name, out var existing))
                    root._entries[name] = (new List<TomlSection> { section }, at);
                else if (existing.Value is List<TomlSection> list)
                    list.Add(section);
            }
            else root._entries[name] = (section, at);
        }
        return root;
    }

    private void AddKeyValue(KeyValueSyntax kv)
    {
        var key = kv.Key?.ToString().Trim().Trim('"') ?? "";
        var at = Loc(File, kv.Span);
        if (_entries.ContainsKey(key))
        {
            _errors.Add(new Diagnostic(at, $"duplicate key '{key}'"));
            return;
        }
        _entries[key] = (Convert(kv.Value, at), at);
    }

    private object? Convert(ValueSyntax? value, SourceLocation at) => value switch
    {
        StringValueSyntax s => s.Value,
        IntegerValueSyntax i => i.Value,
        FloatValueSyntax f => f.Value,
        BooleanValueSyntax b => b.Value,
        DateTimeValueSyntax d => DateOnly.ParseExact(d.Value.ToString()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ArraySyntax a => a.Items.Select(item => Convert(item.Value, Loc(File, item.Span))).ToList(),
        InlineTableSyntax t => InlineTable(t, at),
        _ => null,
    };

    private TomlSection InlineTable(InlineTableSyntax table, SourceLocation at)
    {
        var section = new TomlSection(File, at, _errors);
        foreach (var item in table.Items)
            if (item.KeyValue is { } kv) section.AddKeyValue(kv);
        return section;
    }

    private static SourceLocation Loc(string file, SourceSpan span) => new(file, span.Start.Line + 1, span.Start.Column + 1);

    public SourceLocation WhereIs(string key) => _entries.TryGetValue(key, out var e) ? e.Where : Where;

    public bool Has(string key) => _entries.ContainsKey(key);

    private bool TryTake<T>(string key, string expected, bool required, out T value, out SourceLocation where)
    {
        _read.Add(key);
        value = default!;
        where = WhereIs(key);
        if (!_entries.TryGetValue(key, out var e) || e.Value is null)
        {
            if (required) _errors.Add(new Diagnostic(Where, $"missing required key '{key}' ({expected})"));
            return false;
        }
        if (e.Value is T t)
        {
            value = t;
            return true;
        }
        _errors.Add(new Diagnostic(e.Where, $"'{key}' must be {expected}, found {Describe(e.Value)}"));
        return false;
    }

    private static string Describe(object value) => value switch
    {
        string s => $"the text \"{s}\"",
        long l => $"the number {l}",
        double d => $"the number {d.ToString(CultureInfo.InvariantCulture)}",
        bool b => b ? "true" : "false",
        DateOnly d => $"the date {d:yyyy-MM-dd}",
        TomlSection => "a table",
        List<TomlSection> => "an array of tables",
        System.Collections.IList => "an array",
        _ => value.GetType().Name,
    };

    public string? String(string key, bool required = false) =>
        TryTake<string>(key, "text in quotes", required, out var v, out _) ? v : null;

    public long? Integer(string key, bool required = false) =>
        TryTake<long>(key, "a whole number", required, out var v, out _) ? v : null;

    public double? Number(string key, bool required = false)
    {
        _read.Add(key);
        if (_entries.TryGetValue(key, out var e) && e.Value is long l) return l;
        return TryTake<double>(key, "a number", required, out var v, out _) ? v : null;
    }

    public bool? Boolean(string key, bool required = false) =>
        TryTake<bool>(key, "true or false", required, out var v, out _) ? v : null;

    public DateOnly? Date(string key, bool required = false) =>
        TryTake<DateOnly>(key, "a date like 2025-04-16", required, out var v, out _) ? v : null;

    public TomlSection? Table(string key, bool required = false) =>
        TryTake<TomlSection>(key, "a table", required, out var v, out _) ? v : null;

    public IReadOnlyList<TomlSection> Tables(string key, bool required = false)
    {
        _read.Add(key);
        if (_entries.TryGetValue(key, out var e))
        {
            if (e.Value is List<TomlSection> tables) return tables;
            if (e.Value is List<object?> items && items.All(i => i is TomlSection)) return items.Cast<TomlSection>().ToList();
            _errors.Add(new Diagnostic(e.Where, $"'{key}' must be an array of tables, found {Describe(e.Value!)}"));
        }
        else if (required) _errors.Add(new Diagnostic(Where, $"missing required key '{key}' (an array of tables)"));
        return [];
    }

    public IReadOnlyList<T> List<T>(string key, string expected, bool required = false)
    {
        if (!TryTake<List<object?>>(key, $"an array of {expected}", required, out var items, out var where)) return [];
        var result = new List<T>();
        foreach (var item in items)
        {
            if (item is T t) result.Add(t);
            else _errors.Add(new Diagnostic(where, $"every item of '{key}' must be {expected}, found {Describe(item!)}"));
        }
        return result;
    }

    /// <summary>Reports every key nobody asked for: a typo must not be silently ignored.</summary>
    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var (key, entry) in _entries)
        {
            if (_read.Contains(key) || known.Contains(key)) continue;
            var expected = string.Join(", ", _read.Concat(known).Distinct().Order(StringComparer.Ordinal));
            _errors.Add(new Diagnostic(entry.Where, $"unknown key '{key}' (expected one of: {expected})"));
        }
    }
}
