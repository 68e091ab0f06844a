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

    private readonly Lazy<StrictScriptObject?> _metricsObject;

    public TemplateModel(MetricSet? metrics = null)
    {
        Metrics = metrics;
        // Built once and read-only, so every section of a brief (even rendered in parallel) shares it.
        _metricsObject = new(() => metrics is null ? null : MetricTree.Build(metrics, _used, _intervals));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _intervals = new(StringComparer.Ordinal);

    /// <summary>Ids of the metrics whose `interval` the templates have printed (their uncertainty is in the text).</summary>
    public IReadOnlyCollection<string> IntervalsShown => _intervals.Keys.ToList();

    public MetricSet? Metrics { get; }

    /// <summary>Ids of the metrics whose value, series or rows the templates have read so far: what the brief prints.</summary>
    public IReadOnlyCollection<string> UsedMetricIds => _used.Keys.ToList();

    internal StrictScriptObject? MetricsObject => _metricsObject.Value;

    /// <summary>Builds the `metrics` object now (e.g. on another core) instead of at the first rendering.</summary>
    public void Prepare() => _ = _metricsObject.Value;

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
