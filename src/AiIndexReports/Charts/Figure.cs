namespace AiIndexReports.Charts;

public enum AxisScale { Linear, Log10 }

/// <summary>A tick at a data value (not its logarithm) with the exact text drawn for it.</summary>
public sealed record AxisTick(double Value, string Label);

/// <summary>An axis decided in advance: range, scale, every tick label, so the typesetter knows the glyphs before drawing.</summary>
public sealed record ChartAxis(string Title, AxisScale Scale, double Min, double Max, IReadOnlyList<AxisTick> Ticks)
{
    public IReadOnlyList<double> MinorTicks { get; init; } = [];

    public static ChartAxis None { get; } = new("", AxisScale.Linear, 0, 1, []);
}

/// <summary>What a figure draws. Each figure has exactly one body.</summary>
public abstract record FigureBody;

/// <summary>
/// Horizontal bars, first item drawn on top. <paramref name="Groups"/> (optional) splits the bars into titled groups:
/// each group's title takes a row of its own above its first bar.
/// </summary>
public sealed record BarBody(IReadOnlyList<BarItem> Bars, IReadOnlyList<BarGroup>? Groups = null) : FigureBody
{
    public IReadOnlyList<BarGroup> GroupList => Groups ?? [];

    /// <summary>Rows on the category axis: one per bar and one per group title.</summary>
    public int Rows => Bars.Count + GroupList.Count;

    /// <summary>The row of bar <paramref name="index"/>: after the titles of its group and of the groups before it.</summary>
    public int RowOf(int index) => index + GroupList.Count(g => g.First <= index);

    /// <summary>The row of a group's title, just above its first bar.</summary>
    public int TitleRow(BarGroup group) => RowOf(group.First) - 1;

    /// <summary>The group a bar belongs to, or null.</summary>
    public BarGroup? GroupOf(int index) => GroupList.LastOrDefault(g => g.First <= index);
}

/// <summary>A titled run of bars: <paramref name="First"/> is the index of its first bar in <see cref="BarBody.Bars"/>.</summary>
public sealed record BarGroup(string Title, int First);

/// <param name="Low">Lower end of an interval (e.g. 90% CI), in data units; null when the bar has none.</param>
public sealed record BarItem(string Label, double Value, string ValueLabel, BarEmphasis Emphasis = BarEmphasis.None, double? Low = null, double? High = null);

/// <summary>Korea gets the Korea colour; Focus marks the bar the text talks about (e.g. the series of another figure).</summary>
public enum BarEmphasis { None, Korea, Focus }

/// <param name="LegendAt">The corner the data leave empty, chosen by the figure.</param>
public sealed record LineBody(IReadOnlyList<LineSeries> Series, IReadOnlyList<Callout> Callouts, LegendCorner LegendAt) : FigureBody;

public enum LegendCorner { UpperLeft, UpperRight, LowerRight }

public enum LineStyleKind { Solid, Dashed }

/// <param name="ColorIndex">Index into <see cref="ChartTheme.Palette"/>; ignored when <paramref name="Highlight"/> (Korea) or for dashed trend lines.</param>
/// <param name="LabelPoints">Draw each point's Label next to it (model names on the price chart).</param>
public sealed record LineSeries(
    string Name, IReadOnlyList<ChartPoint> Points, int ColorIndex, bool Highlight = false,
    LineStyleKind Style = LineStyleKind.Solid, bool Markers = true, bool LabelPoints = false);

public sealed record ChartPoint(double X, double Y, string? Label = null)
{
    /// <summary>The data row the label comes from (a model name's row): where a character the fonts lack is fixed.</summary>
    public SourceLocation? At { get; init; }
}

/// <summary>A note at data position X between two values (a bracket from <paramref name="FromY"/> to <paramref name="ToY"/>, text beside it), e.g. the AI Index's printed gap between two lines.</summary>
public sealed record Callout(double X, double FromY, double ToY, string Text);

/// <summary>Drawn instead of a chart when the data cannot make one; the build also gets a warning.</summary>
public sealed record PlaceholderBody(string Message) : FigureBody;

/// <summary>
/// One figure of a brief, fully decided from the metrics: titles, axes with their tick labels, data, source line.
/// Rendering adds nothing but geometry, so <see cref="ChartRenderer.TextsOf"/> can list every string in advance.
/// </summary>
public sealed record Figure
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<string> MetricIds { get; init; }
    public required ChartAxis XAxis { get; init; }
    public required ChartAxis YAxis { get; init; }
    public required FigureBody Body { get; init; }

    public bool IsPlaceholder => Body is PlaceholderBody;

    /// <summary>Height (pt) this figure wants at the given width: bar charts grow with their rows, others keep ~0.6 aspect.</summary>
    public float PreferredHeight(float width) => Body switch
    {
        // Grouped bars (many rows) are set a little tighter.
        BarBody bars => Math.Max(150f, 60f + (bars.GroupList.Count > 0 ? 14.5f : 17f) * bars.Rows),
        PlaceholderBody => width * 0.35f,
        _ => width * 0.6f,
    };
}

/// <summary>The figures of one edition plus what went wrong building them.</summary>
public sealed class FigureSet(IReadOnlyList<Figure> figures, IReadOnlyList<Diagnostic> diagnostics)
{
    public IReadOnlyList<Figure> Figures { get; } = figures;
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    public Figure this[string id] => Figures.FirstOrDefault(f => f.Id == id)
        ?? throw new KeyNotFoundException($"unknown figure '{id}'; known: {string.Join(", ", Figures.Select(f => f.Id))}");
}
