namespace AiIndexReports.Charts;

/// <summary>
/// The one look shared by every figure of a brief. Sizes are in points (1 pt = 1 PDF unit), colours are "#RRGGBB"
/// so a theme file can override any property by name.
/// </summary>
public sealed record ChartTheme
{
    public string FontFamily { get; init; } = "Pretendard";

    /// <summary>Series colours in order: lines take them one by one, bars use the first.</summary>
    public IReadOnlyList<string> Palette { get; init; } = ["#1F4E79", "#C0504D", "#6F8F9F", "#8C7AA9", "#4F9A6A"];

    /// <summary>Korea is drawn in this colour wherever it appears.</summary>
    public string KoreaColor { get; init; } = "#E8590C";

    /// <summary>Bars that are not Korea: a muted tone so the highlight reads first.</summary>
    public string BarColor { get; init; } = "#9FB3C8";
    public string TrendColor { get; init; } = "#7F7F7F";
    public string TextColor { get; init; } = "#222222";
    public string MutedTextColor { get; init; } = "#555555";
    public string AxisColor { get; init; } = "#8A8A8A";
    public string GridColor { get; init; } = "#E6E6E6";
    public string PlaceholderColor { get; init; } = "#F2F2F2";

    // Body text is ~10 pt; chart text sits a step below it so a figure never shouts over the paragraph.
    public float TitleSize { get; init; } = 10.5f;
    public float LabelSize { get; init; } = 8.5f;
    public float TickSize { get; init; } = 8f;
    public float ValueLabelSize { get; init; } = 7.5f;
    public float LegendSize { get; init; } = 8f;
    public float SourceSize { get; init; } = 7.5f;

    public float LineWidth { get; init; } = 1.8f;
    public float MarkerSize { get; init; } = 5f;

    /// <summary>Bar thickness as a fraction of the row pitch.</summary>
    public double BarThickness { get; init; } = 0.62;

    /// <summary>Size of the PNG/SVG exports (before the PNG scale).</summary>
    public float ExportWidth { get; init; } = 480f;

    public static ChartTheme Default { get; } = new();
}
