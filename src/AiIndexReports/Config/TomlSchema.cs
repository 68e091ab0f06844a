using System.Globalization;

namespace AiIndexReports.Config;

/// <summary>The kinds of value a key of a configuration file may hold.</summary>
public enum TomlType
{
    /// <summary>text in quotes</summary>
    Text,
    /// <summary>a whole number (optionally within Min..Max)</summary>
    Integer,
    /// <summary>a number, whole or decimal (optionally within Min..Max)</summary>
    Number,
    Boolean,
    /// <summary>a TOML local date such as 2025-04-16 (no quotes, no time)</summary>
    Date,
    /// <summary>a [table] or an inline { } table, with its own schema</summary>
    Table,
    /// <summary>[[tables]] or an array of inline tables, each with the same schema</summary>
    TableArray,
    /// <summary>an array of texts</summary>
    TextArray,
    /// <summary>an array of whole numbers (optionally within Min..Max)</summary>
    IntegerArray,
    /// <summary>a table whose keys are free (written by editors) and whose values are texts, in file order: { "USD billion" = "10억 달러" }</summary>
    TextMap,
}

/// <summary>One key a configuration file may have: its type, whether it must be there, and what it is for.</summary>
/// <param name="Help">a short phrase for people, shown when the key is missing or wrong ("the AI Index edition, e.g. 2025")</param>
/// <param name="Min">smallest accepted number (Integer, Number, IntegerArray)</param>
/// <param name="Max">largest accepted number</param>
/// <param name="Schema">the keys of a Table or of each table of a TableArray</param>
public sealed record TomlKey(string Name, TomlType Type, bool Required = false, string Help = "",
    double? Min = null, double? Max = null, TomlTableSchema? Schema = null)
{
    /// <summary>What a value of this key must look like, for messages ("a whole number from 2000 to 2100").</summary>
    public string Expected => Type switch
    {
        TomlType.Text => "text in quotes",
        TomlType.Integer => "a whole number" + Range(),
        TomlType.Number => "a number" + Range(),
        TomlType.Boolean => "true or false",
        TomlType.Date => "a date like 2025-04-16, without quotes or time",
        TomlType.Table => "a table",
        TomlType.TableArray => "an array of tables",
        TomlType.TextArray => "an array of texts in quotes",
        TomlType.IntegerArray => "an array of whole numbers" + Range(),
        TomlType.TextMap => "a table of texts in quotes, such as { \"written\" = \"printed\" }",
        _ => Type.ToString(),
    };

    private string Range() => Min is null && Max is null ? "" : " " + RangeText;

    /// <summary>"between 5 and 30", "at least 0"…</summary>
    public string RangeText => (Min, Max) switch
    {
        ({ } min, { } max) => $"between {Show(min)} and {Show(max)}",
        ({ } min, null) => $"at least {Show(min)}",
        (null, { } max) => $"at most {Show(max)}",
        _ => "any number",
    };

    internal static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The keys of one table of a configuration file. A file's schema is the schema of its top-level table; a key of type
/// Table or TableArray carries the schema of the tables below it. Reading a file against its schema reports wrong
/// types, values out of range, missing required keys and unknown keys (with the nearest known name), each at its line.
/// </summary>
public sealed class TomlTableSchema
{
    private readonly Dictionary<string, TomlKey> _keys = new(StringComparer.Ordinal);

    public TomlTableSchema(params TomlKey[] keys)
    {
        foreach (var key in keys) _keys.Add(key.Name, key);
    }

    public IReadOnlyCollection<TomlKey> Keys => _keys.Values;

    public TomlKey? Find(string name) => _keys.GetValueOrDefault(name);

    /// <summary>The declared key; asking for an undeclared key is a bug in the reader, not in the file.</summary>
    public TomlKey Get(string name, TomlType type)
    {
        if (!_keys.TryGetValue(name, out var key))
            throw new InvalidOperationException($"the schema has no key '{name}'");
        if (key.Type != type)
            throw new InvalidOperationException($"key '{name}' is declared as {key.Type}, read as {type}");
        return key;
    }
}
