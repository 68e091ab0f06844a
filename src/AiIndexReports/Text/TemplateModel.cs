using AiIndexReports.Metrics;

namespace AiIndexReports.Text;

/// <summary>
/// What one rendering can see besides the functions: <c>metrics</c> (from a <see cref="MetricSet"/>) and named plain
/// values (the brief manifest's title, authors …). Values are copied into template objects: text, numbers, booleans, dates,
/// lists and string-keyed dictionaries only.
/// </summary>
public sealed class TemplateModel
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public TemplateModel(MetricSet? metrics = null) => Metrics = metrics;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _intervals = new(StringComparer.Ordinal);

    /// <summary>Ids of the metrics whose `interval` the templates have printed (their uncertainty is in the text).</summary>
    public IReadOnlyCollection<string> IntervalsShown => _intervals.Keys.ToList();

    public MetricSet? Metrics { get; }

    /// <summary>Ids of the metrics whose value, series or rows the templates have read so far: what the brief prints.</summary>
    public IReadOnlyCollection<string> UsedMetricIds => _used.Keys.ToList();

    /// <summary>The `metrics` object, shared by every model of the same metric set (<see cref="MetricTree.For"/>).</summary>
    internal StrictScriptObject? MetricsObject => Metrics is null ? null : MetricTree.For(Metrics);

    /// <summary>
    /// Builds the `metrics` object of a metric set now, e.g. on another core as soon as the metrics exist, so that the
    /// first section does not wait for it. A failure is not raised here: the first rendering raises it, with its file.
    /// </summary>
    public static void Prepare(MetricSet metrics)
    {
        try { _ = MetricTree.For(metrics); }
        catch (BuildFailedException) { }
    }

    // The model whose templates this thread is rendering: the shared metric objects report their reads to it.
    [ThreadStatic] private static TemplateModel? t_rendering;

    /// <summary>Makes this model the one metric reads on this thread count for, until disposed (one rendering).</summary>
    internal Scope Rendering()
    {
        var previous = t_rendering;
        t_rendering = this;
        return new Scope(previous);
    }

    internal readonly struct Scope(TemplateModel? previous) : IDisposable
    {
        public void Dispose() => t_rendering = previous;
    }

    /// <summary>A template read a metric's value, series or rows (it is printed): recorded by the rendering model and its origins.</summary>
    internal static void ValueRead(string id)
    {
        t_rendering?._used.TryAdd(id, 0);
        TrackingContext.MetricRead(id);
    }

    /// <summary>A template printed a metric's interval: its uncertainty is in the text.</summary>
    internal static void IntervalRead(string id)
    {
        t_rendering?._intervals.TryAdd(id, 0);
        TrackingContext.MetricRead(id);
    }

    public IReadOnlyDictionary<string, object?> Variables => _variables;

    /// <summary>Adds a root variable, e.g. <c>Set("brief", new Dictionary&lt;string, object?&gt; { ["title"] = "…" })</c> → <c>{{ brief.title }}</c>.</summary>
    public TemplateModel Set(string name, object? value)
    {
        if (TemplateFunctions.ReservedNames.Contains(name))
            throw new ArgumentException($"\"{name}\" is reserved in templates; choose another variable name", nameof(name));
        _variables[name] = ScriptValues.From(value, name);
        return this;
    }
}
