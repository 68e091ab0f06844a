using System.Globalization;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace AiIndexReports.Config;

/// <summary>
/// The one reader of the configuration files editors write by hand (templates/briefs.toml, templates/theme.toml,
/// data/&lt;edition&gt;/edition.toml, and any new one: declare its <see cref="TomlTableSchema"/> and call <see cref="Read"/>).
/// Decodes the file with <see cref="StrictText"/>, parses it with Tomlyn's syntax parser (which keeps every position),
/// then checks it against the schema: each problem becomes a diagnostic at file:line:column, and all of them are
/// reported together — syntax errors, nesting deeper than the parser allows, wrong types (a time of day where a date
/// belongs, an array where a text belongs), numbers out of range, missing and unknown keys (with the nearest known name).
/// Values quoted in messages are cut to <see cref="Echo.MaxChars"/> characters.
/// </summary>
public static class TomlConfigReader
{
    private const int MaxSyntaxErrors = 10;

    /// <summary>Reads <paramref name="relativePath"/> (repo-relative, must exist) against <paramref name="schema"/>.</summary>
    /// <returns>the checked top-level table, or null when the file could not be decoded or parsed; other problems are in
    /// <paramref name="errors"/> and the values concerned are absent from the table.</returns>
    public static ConfigTable? Read(string repoRoot, string relativePath, TomlTableSchema schema, List<Diagnostic> errors)
    {
        var root = InputRoot.ForRepoPath(repoRoot, relativePath, out var relative);
        var text = StrictText.ReadUtf8(root, relative, errors);
        return text is null ? null : Parse(text, relativePath, schema, errors);
    }

    /// <summary>Parses and checks TOML text; <paramref name="file"/> names it in messages.</summary>
    public static ConfigTable? Parse(string text, string file, TomlTableSchema schema, List<Diagnostic> errors)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, file, validate: true);
        }
        catch (TomlException e)
        {
            // Tomlyn stops at 64 levels of nested arrays or inline tables rather than overflowing the stack; its exception
            // carries no position, so find the bracket that goes one level too deep.
            var at = e.Line is > 0 and var line ? new SourceLocation(file, line, Math.Max(1, e.Column ?? 1)) : TooDeep(text, file);
            errors.Add(new Diagnostic(at, $"TOML: arrays or inline tables nested more than {MaxDepth} deep (the parser's limit; "
                + "these files need at most 3)"));
            return null;
        }
        if (document.HasErrors)
        {
            var syntaxErrors = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).ToList();
            // The first few errors locate the problem; the rest are usually its echoes.
            foreach (var d in syntaxErrors.Take(MaxSyntaxErrors))
                errors.Add(new Diagnostic(At(file, d.Span), "TOML: " + Echo.Clip(d.Message)));
            if (syntaxErrors.Count > MaxSyntaxErrors)
                errors.Add(new Diagnostic(new SourceLocation(file), $"TOML: {syntaxErrors.Count - MaxSyntaxErrors} more syntax errors not shown"));
            return null;
        }

        var root = new RawTable(new SourceLocation(file, 1, 1), "at the top of the file");
        foreach (var kv in document.KeyValues) root.Add(file, kv);
        foreach (var table in document.Tables) AddTable(file, root, table);
        return Check(file, root, schema, errors);
    }

    private const int MaxDepth = 64;

    /// <summary>Where brackets outside strings and comments first open level <see cref="MaxDepth"/> + 1.</summary>
    private static SourceLocation TooDeep(string text, string file)
    {
        var (depth, line, column) = (0, 1, 0);
        char? quote = null;
        var comment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n') { (line, column, comment) = (line + 1, 0, false); continue; }
            if (comment) continue;
            if (quote is { } q)
            {
                if (c == '\\' && q == '"') { i++; column++; }
                else if (c == q) quote = null;
                continue;
            }
            switch (c)
            {
                case '#': comment = true; break;
                case '"' or '\'': quote = c; break;
                case '[' or '{':
                    if (++depth > MaxDepth) return new SourceLocation(file, line, column);
                    break;
                case ']' or '}': depth--; break;
            }
        }
        return new SourceLocation(file);
    }

    // ---- the file as parsed: tables, arrays and scalars with their locations -------------------------------------

    /// <summary>A value and where it is written: <paramref name="Where"/> its key (or array item), <paramref name="ValueAt"/> the value itself.</summary>
    private sealed record Entry(object Value, SourceLocation Where, SourceLocation ValueAt);

    /// <summary>An array; <see cref="OfTables"/> when written as [[name]] sections.</summary>
    private sealed record RawArray(List<Entry> Items, bool OfTables);

    private sealed record RawDate(SyntaxKind Kind, TomlDateTime Value);

    private sealed class RawTable(SourceLocation where, string context)
    {
        public SourceLocation Where { get; } = where;
        /// <summary>How messages say where the table is: "at the top of the file", "in [page]".</summary>
        public string Context { get; } = context;
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public void Add(string file, KeyValueSyntax kv)
        {
            if (kv.Key is null || kv.Value is null) return;
            var at = At(file, kv.Span);
            var parts = KeyParts(kv.Key);
            var table = this;
            foreach (var part in parts[..^1]) table = table.Child(part, at);
            table.Entries[parts[^1]] = new Entry(Convert(file, kv.Value, at, $"in '{string.Join('.', parts)}'"), at, At(file, kv.Value.Span));
        }

        /// <summary>The table under <paramref name="key"/> (the last one for an array of tables), created if absent.</summary>
        public RawTable Child(string key, SourceLocation at, string? context = null)
        {
            if (Entries.TryGetValue(key, out var existing))
            {
                if (existing.Value is RawTable t) return t;
                if (existing.Value is RawArray { Items: [.., { Value: RawTable last }] }) return last;
            }
            var child = new RawTable(at, context ?? $"in [{key}]");
            Entries[key] = new Entry(child, at, at);
            return child;
        }
    }

    private static void AddTable(string file, RawTable root, TableSyntaxBase table)
    {
        if (table.Name is null) return;
        var at = At(file, table.Span);
        var parts = KeyParts(table.Name);
        var parent = root;
        foreach (var part in parts[..^1]) parent = parent.Child(part, at);
        var name = parts[^1];
        var path = string.Join('.', parts);
        RawTable target;
        if (table is TableArraySyntax)
        {
            target = new RawTable(at, $"in [[{path}]]");
            if (parent.Entries.TryGetValue(name, out var existing) && existing.Value is RawArray { OfTables: true } array)
                array.Items.Add(new Entry(target, at, at));
            else
                parent.Entries[name] = new Entry(new RawArray([new Entry(target, at, at)], OfTables: true), at, at);
        }
        else target = parent.Child(name, at, $"in [{path}]");
        foreach (var item in table.Items)
            if (item is KeyValueSyntax kv) target.Add(file, kv);
    }

    private static string[] KeyParts(KeySyntax key)
    {
        var parts = new List<string> { KeyText(key.Key) };
        foreach (var dotted in key.DotKeys) parts.Add(KeyText(dotted.Key));
        return [.. parts];
    }

    private static string KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => key?.ToString()?.Trim() ?? "",
    };

    private static object Convert(string file, ValueSyntax value, SourceLocation at, string context) => value switch
    {
        StringValueSyntax s => s.Value ?? "",
        IntegerValueSyntax i => i.Value,
        FloatValueSyntax f => f.Value,
        BooleanValueSyntax b => b.Value,
        DateTimeValueSyntax d => new RawDate(d.Kind, d.Value),
        ArraySyntax a => new RawArray(a.Items.Where(item => item.Value is not null)
            .Select(item => new Entry(Convert(file, item.Value!, At(file, item.Span), context), At(file, item.Span), At(file, item.Value!.Span))).ToList(), OfTables: false),
        InlineTableSyntax t => InlineTable(file, t, at, context),
        _ => value.ToString() ?? "",
    };

    private static RawTable InlineTable(string file, InlineTableSyntax syntax, SourceLocation at, string context)
    {
        var table = new RawTable(at, context);
        foreach (var item in syntax.Items)
            if (item.KeyValue is { } kv) table.Add(file, kv);
        return table;
    }

    // ---- checking against the schema ----------------------------------------------------------------------------

    private static ConfigTable Check(string file, RawTable raw, TomlTableSchema schema, List<Diagnostic> errors)
    {
        var values = new Dictionary<string, (object, SourceLocation)>(StringComparer.Ordinal);
        foreach (var (name, entry) in raw.Entries)
        {
            if (schema.Find(name) is not { } key)
            {
                var known = schema.Keys.Select(k => k.Name).ToList();
                var nearest = NearestName.Find(name, known);
                errors.Add(new Diagnostic(entry.Where, $"unknown key '{Echo.Clip(name)}' {raw.Context}"
                    + (nearest is null ? "" : $" (did you mean '{nearest}'?)") + $"; known keys there: {string.Join(", ", known)}"));
                continue;
            }
            if (Value(file, key, entry, errors) is { } value) values[name] = (value, entry.Where);
        }
        foreach (var key in schema.Keys.Where(k => k.Required && !raw.Entries.ContainsKey(k.Name)))
            errors.Add(new Diagnostic(raw.Where, $"missing required key '{key.Name}' ({key.Expected}{(key.Help.Length > 0 ? ": " + key.Help : "")}) {raw.Context}"));
        return new ConfigTable(file, raw.Where, schema, values);
    }

    /// <summary>The value converted to the key's type, or null after reporting why it cannot be.</summary>
    private static object? Value(string file, TomlKey key, Entry entry, List<Diagnostic> errors)
    {
        object? Wrong(Entry e, string what)
        {
            errors.Add(new Diagnostic(e.ValueAt, $"{what} must be {key.Expected}{(key.Help.Length > 0 ? $" ({key.Help})" : "")}, found {Describe(e.Value)}"));
            return null;
        }
        object? InRange(Entry e, double number, string what, object value)
        {
            if ((key.Min is not { } min || number >= min) && (key.Max is not { } max || number <= max)) return value;
            errors.Add(new Diagnostic(e.Where, $"{what} must be {key.RangeText}, found {TomlKey.Show(number)}"));
            return null;
        }

        var name = $"'{key.Name}'";
        switch (key.Type)
        {
            case TomlType.Text:
                return entry.Value is string ? entry.Value : Wrong(entry, name);
            case TomlType.Integer:
                return entry.Value is long l ? InRange(entry, l, name, l) : Wrong(entry, name);
            case TomlType.Number:
                return entry.Value switch
                {
                    long whole => InRange(entry, whole, name, (double)whole),
                    double d when double.IsFinite(d) => InRange(entry, d, name, d),
                    _ => Wrong(entry, name),
                };
            case TomlType.Boolean:
                return entry.Value is bool ? entry.Value : Wrong(entry, name);
            case TomlType.Date:
                return entry.Value is RawDate { Kind: SyntaxKind.LocalDate } date
                    ? DateOnly.FromDateTime(date.Value.DateTime.DateTime)
                    : Wrong(entry, name);
            case TomlType.Table:
                return entry.Value is RawTable table ? Check(file, table, key.Schema!, errors) : Wrong(entry, name);
            case TomlType.TableArray:
                if (entry.Value is not RawArray array) return Wrong(entry, name);
                var tables = new List<ConfigTable>();
                foreach (var item in array.Items)
                    if (item.Value is RawTable t) tables.Add(Check(file, t, key.Schema!, errors));
                    else Wrong(item, $"every item of {name}");
                return tables.Count == array.Items.Count ? tables : null;
            case TomlType.TextMap:
                if (entry.Value is not RawTable map) return Wrong(entry, name);
                var pairs = new List<(string Key, string Value)>();
                foreach (var (mapKey, item) in map.Entries)
                    if (item.Value is string text) pairs.Add((mapKey, text));
                    else errors.Add(new Diagnostic(item.ValueAt, $"the value of '{Echo.Clip(mapKey)}' in {name} must be text in quotes"
                        + (key.Help.Length > 0 ? $" ({key.Help})" : "") + $", found {Describe(item.Value)}"));
                return pairs.Count == map.Entries.Count ? pairs : null;
            case TomlType.TextArray:
            case TomlType.IntegerArray:
                if (entry.Value is not RawArray { OfTables: false } items) return Wrong(entry, name);
                var ok = true;
                foreach (var item in items.Items)
                    ok &= (key.Type, item.Value) switch
                    {
                        (TomlType.TextArray, string) => true,
                        (TomlType.IntegerArray, long n) => InRange(item, n, $"every item of {name}", n) is not null,
                        _ => Wrong(item, $"every item of {name}") is not null,
                    };
                if (!ok) return null;
                return key.Type == TomlType.TextArray
                    ? items.Items.Select(i => (string)i.Value).ToList()
                    : items.Items.Select(i => (long)i.Value).ToList();
            default:
                throw new InvalidOperationException($"unknown TOML type {key.Type}");
        }
    }

    /// <summary>What was found, for people: "the time of day 12:00:00", "the text "…"" (cut to 200 characters).</summary>
    private static string Describe(object value) => value switch
    {
        string s => $"the text \"{Echo.Clip(s)}\"",
        long l => "the number " + l.ToString(CultureInfo.InvariantCulture),
        double d => "the number " + d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        RawDate { Kind: SyntaxKind.LocalDate } d => "the date " + d.Value,
        RawDate { Kind: SyntaxKind.LocalTime } d => "the time of day " + d.Value,
        RawDate { Kind: SyntaxKind.LocalDateTime } d => "the date and time " + d.Value,
        RawDate d => "the date and time with a time zone " + d.Value,
        RawTable => "a table",
        RawArray { OfTables: true } => "an array of tables",
        RawArray => "an array",
        _ => value.GetType().Name,
    };

    /// <summary>Tomlyn positions are 0-based; ours are 1-based.</summary>
    private static SourceLocation At(string file, SourceSpan span) => new(file, span.Start.Line + 1, span.Start.Column + 1);
}
