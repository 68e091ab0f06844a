namespace AiIndexReports.Metrics;

/// <summary>
/// Builds <see cref="Metric"/> values with the stage's invariants: sources de-duplicated and sorted, a non-finite number
/// or an empty/single-point series turned into "not computable" instead of reaching a brief.
/// </summary>
internal static class MetricFactory
{
    public static Metric Number(string id, string label, string unit, string formula, double value,
        IEnumerable<SourceLocation> sources) =>
        double.IsFinite(value)
            ? new Metric { Id = id, Label = label, Unit = unit, Formula = formula, Number = value, Sources = Sorted(sources) }
            : Unavailable(id, label, unit, formula, NotComputable.NotFinite(id));

    public static Metric Number(string id, string label, string unit, string formula, Calc value,
        IEnumerable<SourceLocation> sources) =>
        value.Why is { } why
            ? Unavailable(id, label, unit, formula, why)
            : Number(id, label, unit, formula, value.Value, sources);

    public static Metric TextMetric(string id, string label, string formula, string text, IEnumerable<SourceLocation> sources) =>
        new() { Id = id, Label = label, Unit = "", Formula = formula, Text = text, Sources = Sorted(sources) };

    /// <summary>A series needs two points to show a change; fewer is reported, not drawn.</summary>
    public static Metric Series(string id, string label, string unit, string formula, IReadOnlyList<SeriesPoint> points,
        IEnumerable<SourceLocation> sources, string seriesName)
    {
        if (points.Count < 2)
            return Unavailable(id, label, unit, formula, NotComputable.TooFewPoints(seriesName, points.Count, 2, label));
        if (points.Any(p => !double.IsFinite(p.Value) || !double.IsFinite(p.X)))
            return Unavailable(id, label, unit, formula, NotComputable.NotFinite(id));
        return new Metric { Id = id, Label = label, Unit = unit, Formula = formula, Series = points, Sources = Sorted(sources) };
    }

    public static Metric Rows(string id, string label, string unit, string formula,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, IEnumerable<SourceLocation> sources, string rowsName) =>
        rows.Count == 0
            ? Unavailable(id, label, unit, formula, NotComputable.NoRows(rowsName, label))
            : new Metric { Id = id, Label = label, Unit = unit, Formula = formula, Rows = rows, Sources = Sorted(sources) };

    /// <summary>A table row whose cells keep the order given (deterministic JSON and template output).</summary>
    public static IReadOnlyDictionary<string, object?> Row(params (string Key, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length, StringComparer.Ordinal);
        foreach (var (key, value) in cells) row.Add(key, value);
        return row;
    }

    public static Metric Unavailable(string id, string label, string unit, string formula, NotComputable why) => new()
    {
        Id = id, Label = label, Unit = unit, Formula = formula,
        Available = false, UnavailableReason = why.English, UnavailableReasonKo = why.Korean,
    };

    private static SourceLocation[] Sorted(IEnumerable<SourceLocation> sources) =>
        sources.Distinct()
            .OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Column)
            .ToArray();
}

/// <summary>A number or the reason it could not be computed; arithmetic helpers never produce NaN or Infinity.</summary>
internal readonly record struct Calc(double Value, NotComputable? Why)
{
    public static Calc Of(double value) => new(value, null);
    public static Calc Fail(NotComputable why) => new(double.NaN, why);

    public static Calc Divide(double numerator, double denominator, string denominatorName) =>
        denominator == 0 ? Fail(NotComputable.DivisionByZero(denominatorName)) : Of(numerator / denominator);
}

/// <summary>A metric's identity and description before its value is known: one place for the texts, then either a value or the reason.</summary>
internal sealed record MetricSpec(string Id, string Label, string Unit, string Formula)
{
    public Metric Number(double value, IEnumerable<SourceLocation> sources) => MetricFactory.Number(Id, Label, Unit, Formula, value, sources);
    public Metric Number(Calc value, IEnumerable<SourceLocation> sources) => MetricFactory.Number(Id, Label, Unit, Formula, value, sources);
    public Metric Text(string text, IEnumerable<SourceLocation> sources) => MetricFactory.TextMetric(Id, Label, Formula, text, sources);
    public Metric Series(IReadOnlyList<SeriesPoint> points, IEnumerable<SourceLocation> sources, string seriesName) =>
        MetricFactory.Series(Id, Label, Unit, Formula, points, sources, seriesName);
    public Metric Rows(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, IEnumerable<SourceLocation> sources, string rowsName) =>
        MetricFactory.Rows(Id, Label, Unit, Formula, rows, sources, rowsName);
    public Metric Unavailable(NotComputable why) => MetricFactory.Unavailable(Id, Label, Unit, Formula, why);
}
