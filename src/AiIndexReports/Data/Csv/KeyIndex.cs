namespace AiIndexReports.Data.Csv;

/// <summary>Remembers the line of each key in a table, to name both lines when a key repeats.</summary>
internal sealed class KeyIndex<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, (int Line, string Value)> _seen = [];

    /// <summary>
    /// Records <paramref name="key"/>; reports a repeat with the first line. A repeat with a different value is an error
    /// (which one is right?); an exact repeat only a warning, since both lines agree.
    /// </summary>
    /// <returns>false when the key was seen before</returns>
    public bool Add(TKey key, string value, RowCells cells, string member, string describeKey)
    {
        if (_seen.TryAdd(key, (cells.Line, value))) return true;
        var first = _seen[key];
        if (first.Value == value)
            cells.Warning(member, $"duplicate of line {first.Line} ({describeKey}), same value {value}: ignored");
        else
            cells.Error(member, $"duplicate key {describeKey}: line {first.Line} has {first.Value}, line {cells.Line} has {value}; keep one of the two lines");
        return false;
    }
}
