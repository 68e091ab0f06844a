using System.Globalization;
using System.Text.RegularExpressions;
using AiIndexReports.Metrics;

namespace AiIndexReports.Charts;

/// <summary>
/// Reads the metrics one figure needs, remembers which ids it used (the figure lists them) and turns every gap in the
/// data into a warning that names the figure and the metric.
/// </summary>
internal sealed class MetricReader(MetricSet metrics, FigureSpec spec, List<Diagnostic> diagnostics)
{
    private readonly List<string> _used = [];

    public MetricSet Metrics => metrics;
    public FigureSpec Spec => spec;
    public IReadOnlyList<string> UsedIds => _used;

    public Metric? Find(string id, bool required = true)
    {
        if (!metrics.TryGet(id, out var metric))
        {
            if (required)
            {
                Use(id);
                Warn($"metric '{id}' is missing");
            }
            return null;
        }
        Use(id);
        if (!metric.Available)
        {
            if (required) Warn($"metric '{id}' is unavailable ({metric.UnavailableReason ?? "no reason given"})", metric);
            return null;
        }
        return metric;
    }

    public double? Number(string id, bool required = true) => Find(id, required)?.Number;

    public IReadOnlyList<SeriesPoint>? Series(string id, bool required = true) => Find(id, required)?.Series;

    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Rows(string id, bool required = true) => Find(id, required)?.Rows;

    /// <summary>
    /// Every available number whose id matches <paramref name="pattern"/> with "{C}" standing for a 3-letter code.
    /// Unavailable members are skipped silently: Metrics pads families with USA, CHN and KOR even where the edition
    /// has no value, and a missing bar is the expected reading of that.
    /// </summary>
    public List<(string Iso3, double Value, Metric Metric)> ByCountry(string pattern) => ByCountry(pattern, use: true);

    /// <summary>How many countries (aggregates such as EUR left out) have an available value for <paramref name="pattern"/>,
    /// without counting the metrics as read: a figure choosing between two sources credits only the one it draws.</summary>
    public int CountriesWith(string pattern) => ByCountry(pattern, use: false).Count(c => c.Iso3 != "EUR");

    private List<(string Iso3, double Value, Metric Metric)> ByCountry(string pattern, bool use)
    {
        var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\{C}", "([A-Z]{3})") + "$", RegexOptions.CultureInvariant);
        var found = new List<(string, double, Metric)>();
        foreach (var metric in metrics.All)
        {
            var match = regex.Match(metric.Id);
            if (!match.Success) continue;
            if (use) Use(metric.Id);
            if (metric is { Available: true, Number: double value })
                found.Add((match.Groups[1].Value, value, metric));
        }
        return found;
    }

    public void Warn(string message, Metric? at = null) =>
        diagnostics.Add(new Diagnostic(at?.Sources.FirstOrDefault(), $"figure '{spec.Id}': {message}", Severity.Warning));

    /// <summary>The spec's title with "{year}" filled in, or the "(…{year}…)" part dropped when the year is unknown.</summary>
    public string Title(string? year) => year is null
        ? Regex.Replace(spec.Title, @"\([^()]*\{year\}[^()]*\)", "")
        : spec.Title.Replace("{year}", year);

    /// <summary>
    /// "자료: Epoch AI(2025), Notable AI Models; Stanford HAI(2025), AI Index Report 2025": the credits of the available
    /// metrics the figure read, in the order it read them (from edition.toml and data/indicators.toml, never from code).
    /// </summary>
    public string Source
    {
        get
        {
            var credits = _used.Select(id => metrics.TryGet(id, out var m) && m.Available ? m.Credits : [])
                .SelectMany(c => c).Distinct().ToList();
            return credits.Count == 0 ? "" : "자료: " + string.Join("; ", credits);
        }
    }

    /// <summary>A row cell as a number (Metrics may store double, int or decimal).</summary>
    public static double? Cell(IReadOnlyDictionary<string, object?> row, string key) =>
        row.TryGetValue(key, out var value) && value is IConvertible convertible and not string
            ? convertible.ToDouble(CultureInfo.InvariantCulture)
            : value is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static string? TextCell(IReadOnlyDictionary<string, object?> row, string key) =>
        row.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private void Use(string id)
    {
        if (!_used.Contains(id)) _used.Add(id);
    }
}
