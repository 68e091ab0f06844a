namespace AiIndexReports.Config;

/// <summary>
/// A table of a configuration file after it was checked against its <see cref="TomlTableSchema"/>: every value present
/// has its declared type and range, and knows its location. A value that was wrong was reported and is absent here, so
/// readers only add the checks that need more than one key or the file system (paths, duplicates, colours…).
/// </summary>
public sealed class ConfigTable
{
    private readonly TomlTableSchema _schema;
    private readonly Dictionary<string, (object Value, SourceLocation Where)> _values;

    internal ConfigTable(string file, SourceLocation where, TomlTableSchema schema, Dictionary<string, (object, SourceLocation)> values)
    {
        File = file;
        Where = where;
        _schema = schema;
        _values = values;
    }

    /// <summary>The file, repo-relative (as messages name it).</summary>
    public string File { get; }

    /// <summary>Where the table starts: its [header], its inline { }, or the top of the file.</summary>
    public SourceLocation Where { get; }

    /// <summary>Where a key's value is written, or the table's start when the key is absent.</summary>
    public SourceLocation WhereIs(string key) => _values.TryGetValue(key, out var v) ? v.Where : Where;

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Text(string key) => Get<string>(key, TomlType.Text);
    public long? Integer(string key) => (long?)Value(key, TomlType.Integer);
    public double? Number(string key) => (double?)Value(key, TomlType.Number);
    public bool? Boolean(string key) => (bool?)Value(key, TomlType.Boolean);
    public DateOnly? Date(string key) => (DateOnly?)Value(key, TomlType.Date);
    public ConfigTable? Table(string key) => Get<ConfigTable>(key, TomlType.Table);
    public IReadOnlyList<ConfigTable> Tables(string key) => Get<List<ConfigTable>>(key, TomlType.TableArray) ?? [];
    public IReadOnlyList<string> Texts(string key) => Get<List<string>>(key, TomlType.TextArray) ?? [];
    public IReadOnlyList<long> Integers(string key) => Get<List<long>>(key, TomlType.IntegerArray) ?? [];
    /// <summary>The pairs of a <see cref="TomlType.TextMap"/> in file order (empty when absent).</summary>
    public IReadOnlyList<(string Key, string Value)> TextMap(string key) => Get<List<(string, string)>>(key, TomlType.TextMap) ?? [];

    private T? Get<T>(string key, TomlType type) where T : class => (T?)Value(key, type);

    private object? Value(string key, TomlType type)
    {
        _schema.Get(key, type);
        return _values.TryGetValue(key, out var v) ? v.Value : null;
    }
}
