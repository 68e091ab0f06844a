using AiIndexReports.Metrics;

namespace AiIndexReports.Charts;

/// <summary>
/// Builds the eight figures of a brief from one edition's metrics. Every number shown comes from a metric; missing or
/// unusable data never throws: the figure becomes a "자료 없음" placeholder and the set carries a warning naming the
/// figure and the metric.
/// </summary>
public static partial class FigureBuilder
{
    public const string NoDataMessage = "자료 없음";
    private const string Korea = "KOR";
    private const int MaxCountryBars = 10;

    public static FigureSet Build(MetricSet metrics)
    {
        var diagnostics = new List<Diagnostic>();
        var names = new CountryNames(metrics);
        MetricReader Reader(FigureSpec spec) => new(metrics, spec, diagnostics);

        var figures = new List<Figure>
        {
            ModelsByCountry(Reader(FigureSpecs.ModelsByCountry), names),
            ModelsTrend(Reader(FigureSpecs.ModelsTrend), names),
            PatentShare(Reader(FigureSpecs.PatentShare), names),
            PatentsPer100k(Reader(FigureSpecs.PatentsPer100k), names),
            MmluGap(Reader(FigureSpecs.MmluGap), names),
            InferencePrice(Reader(FigureSpecs.InferencePrice)),
            PriceDecline(Reader(FigureSpecs.PriceDecline)),
            PrivateInvestment(Reader(FigureSpecs.PrivateInvestment), names),
        };
        return new FigureSet(figures, diagnostics);
    }

    private static Figure Placeholder(MetricReader reader, string title, string missing)
    {
        reader.Warn($"not enough data to draw ({missing}); a '{NoDataMessage}' placeholder is drawn instead");
        return new Figure
        {
            Id = reader.Spec.Id, Title = title, Source = reader.Source, MetricIds = reader.UsedIds,
            XAxis = ChartAxis.None, YAxis = ChartAxis.None, Body = new PlaceholderBody(NoDataMessage),
        };
    }

    private static Figure Make(MetricReader reader, string title, ChartAxis x, ChartAxis y, FigureBody body, string? note = null) => new()
    {
        Id = reader.Spec.Id, Title = title, Source = reader.Source, Note = note, MetricIds = reader.UsedIds,
        XAxis = x, YAxis = y, Body = body,
    };

    private static string MeasuredYear(MetricReader reader) => NumberFormat.Year(reader.Metrics.MeasuredYear);

    /// <summary>The year patents are printed for (2023 in the 2025 edition), or null when unknown.</summary>
    private static string? PatentYear(MetricReader reader) =>
        reader.Number("patents.world.latest_year") is double year ? NumberFormat.Year(year) : null;
}
