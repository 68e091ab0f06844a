using AiIndexReports.Metrics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AiIndexReports.Text;

/// <summary>
/// Builds the `metrics` object templates read: each dotted id becomes nested members
/// ("models.by_country.KOR.count" → <c>metrics.models.by_country.KOR.count</c>), and the last segment is a metric object
/// with <see cref="MetricNode.Fields"/>. An id can also be a prefix of other ids ("patents.share.USA" and
/// "patents.share.USA.change_pp"): the metric object then holds the longer ids' members too.
/// </summary>
internal static class MetricTree
{
    public const string RootName = "metrics";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MetricSet, Lazy<StrictScriptObject>> Trees = new();

    /// <summary>
    /// The `metrics` object of a metric set: built once (it is read-only) and shared by every brief and section that
    /// renders with that set; what each rendering reads is recorded by the model it renders (<see cref="TemplateModel"/>).
    /// A set whose ids clash raises the same <see cref="BuildFailedException"/> at every use.
    /// </summary>
    public static StrictScriptObject For(MetricSet metrics) =>
        Trees.GetValue(metrics, m => new Lazy<StrictScriptObject>(() => Build(m), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static StrictScriptObject Build(MetricSet metrics)
    {
        var root = new StrictScriptObject(RootName);
        var nodes = new List<StrictScriptObject> { root };
        var problems = new List<Diagnostic>();
        // Shorter ids first so a prefix that is itself a metric becomes a MetricNode before its children are added
        // (All is in id order already: a stable sort by depth keeps it within each depth).
        foreach (var metric in metrics.All.OrderBy(m => m.Id.AsSpan().Count('.')))
        {
            try { Add(root, metric, nodes); }
            catch (ArgumentException e) { problems.Add(new Diagnostic(null, $"metric id \"{metric.Id}\": {e.Message}")); }
        }
        if (problems.Count > 0) throw new BuildFailedException(problems);
        // Read-only once complete: every node made, not a walk through every metric's members looking for them.
        foreach (var node in nodes) node.IsReadOnly = true;
        return root;
    }

    private static void Add(StrictScriptObject root, Metric metric, List<StrictScriptObject> nodes)
    {
        var segments = metric.Id.Split('.');
        if (segments.Any(string.IsNullOrEmpty)) throw new ArgumentException("empty segment");

        var parent = root;
        foreach (var segment in segments[..^1])
        {
            CheckNotAField(parent, segment);
            parent = parent.ContainsKey(segment)
                ? (StrictScriptObject)parent[segment]!
                : AddChild(parent, segment, new StrictScriptObject($"{parent.Path}.{segment}"), nodes);
        }

        string name = segments[^1];
        CheckNotAField(parent, name);
        // The slot is free: ids are unique in a MetricSet, and shorter ids are added before the longer ones they prefix.
        AddChild(parent, name, new MetricNode($"{parent.Path}.{name}", metric), nodes);
    }

    private static void CheckNotAField(StrictScriptObject parent, string name)
    {
        if (parent is MetricNode && MetricNode.Fields.Contains(name))
            throw new ArgumentException($"`{parent.Path}.{name}` would hide the metric field `{name}`; rename the longer id");
    }

    private static StrictScriptObject AddChild(StrictScriptObject parent, string name, StrictScriptObject child, List<StrictScriptObject> nodes)
    {
        parent[name] = child;
        nodes.Add(child);
        return child;
    }
}

/// <summary>
/// One metric as a template sees it. Reading `value` of an unavailable metric, or `series`/`rows` of a metric that has
/// none, is an error naming the metric: a brief never prints an empty number silently.
/// </summary>
internal sealed class MetricNode : StrictScriptObject
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "kind", "value", "label", "unit", "formula", "available", "reason", "reason_ko", "series", "rows", "sources",
        "covers", "credits", "interval", "interval_basis", "released",
    };

    private readonly Metric _metric;

    public MetricNode(string path, Metric metric) : base(path, Fields.Count)
    {
        _metric = metric;
        this["id"] = metric.Id;
        this["kind"] = KindOf(metric);
        this["label"] = metric.Label;
        this["unit"] = metric.Unit;
        this["formula"] = metric.Formula;
        this["available"] = metric.Available;
        this["reason"] = metric.Available ? "" : metric.UnavailableReason ?? "";
        this["reason_ko"] = metric.Available ? "" : metric.UnavailableReasonKo ?? metric.UnavailableReason ?? "";
        this["covers"] = metric.Period ?? "";
        // Lists are converted when a template first reads them: a brief reads the series, rows and sources of a few of
        // an edition's ~300 metrics, and converting them all cost a one-line brief 13 ms and 9 MB.
        this["credits"] = new Deferred(() => ScriptValues.From(metric.Credits.ToList(), path + ".credits"));
        this["interval"] = metric.Interval is { } interval ? IntervalText(interval, metric.Unit) : "";
        this["interval_basis"] = metric.Interval?.Basis ?? "";
        this["released"] = metric.Released?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        this["sources"] = new Deferred(() => ScriptValues.From(metric.Sources.Select(s => s.ToString()).ToList(), path + ".sources"));
        this["value"] = metric.Number is { } number ? number : metric.Text;
        this["series"] = metric.Series is null ? null : new Deferred(() => ScriptValues.From(
            metric.Series.Select(p => new Dictionary<string, object?> { ["x"] = p.X, ["label"] = p.Label, ["value"] = p.Value, ["note"] = p.Note ?? "" }).ToList(),
            path + ".series"));
        this["rows"] = metric.Rows is null ? null : new Deferred(() => ScriptValues.From(metric.Rows, path + ".rows"));
    }

    /// <summary>A member's template value, made on first read (thread-safe: briefs that share the tree render in parallel).</summary>
    private sealed class Deferred(Func<object?> make)
    {
        // A lock rather than a Lazy: up to four of these per metric, ~2,000 metrics per build, most never read.
        private Func<object?>? _make = make;
        private object? _value;

        public object? Value
        {
            get
            {
                lock (this)
                {
                    if (_make is { } m)
                    {
                        _value = m();
                        _make = null;
                    }
                    return _value;
                }
            }
        }
    }

    private static object? Made(object? value) => value is Deferred deferred ? deferred.Value : value;

    /// <summary>
    /// "90% 신뢰구간 6~117,290배": multiples (배) in whole numbers from 1 up, as the brief prints the estimates they
    /// bound; other units with at most three significant figures.
    /// </summary>
    public static string IntervalText(MetricInterval interval, string unit) =>
        $"{KoreanNumbers.Group(interval.Level, 0)}% 신뢰구간 {Bound(interval.Low, unit)}~{Bound(interval.High, unit)}{unit}";

    private static string Bound(double x, string unit) => unit == "배"
        ? KoreanNumbers.Group(x, Math.Abs(x) >= 1 ? 0 : 1)
        : KoreanNumbers.Group(x, Math.Abs(x) >= 100 ? 0 : Math.Abs(x) >= 10 ? 1 : 2 - (Math.Abs(x) >= 1 ? 1 : 0));

    /// <summary>The metric itself, for functions given a metric object (source_line, show).</summary>
    internal Metric Metric => _metric;

    /// <summary>The number of an available metric for a function given the metric object; the metric then counts as printed.</summary>
    internal double NumberFor(string function)
    {
        if (!_metric.Available)
            throw new ArgumentException($"`{Path}` is not available in this edition ({_metric.UnavailableReason ?? "no reason given"}); put the sentence in a :::needs block");
        if (_metric.Number is not { } number) throw new ArgumentException($"`{function}` expects a number metric; `{Path}` is a {KindOf(_metric)} metric");
        TemplateModel.ValueRead(_metric.Id);
        return number;
    }

    private static string KindOf(Metric m) =>
        m.Number is not null ? "number" : m.Text is not null ? "text" : m.Series is not null ? "series" : m.Rows is not null ? "rows" : "none";

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == "interval")
        {
            // "90% 신뢰구간 6~117,290배": read only for a metric whose value is available.
            if (!_metric.Available)
                throw new ScriptRuntimeException(span, $"`{Path}` is not available in this edition ({_metric.UnavailableReason ?? "no reason given"}); test `{Path}.available` before reading `interval`");
            // The brief then shows the uncertainty itself: no caveat line is added for it.
            TemplateModel.IntervalRead(_metric.Id);
            value = _metric.Interval is { } i ? IntervalText(i, _metric.Unit) : "";
            return true;
        }
        if (member is "value" or "series" or "rows")
        {
            if (!_metric.Available)
                throw new ScriptRuntimeException(span,
                    $"`{Path}` is not available in this edition ({_metric.UnavailableReason ?? "no reason given"}); test `{Path}.available` before reading `{member}`");
            if (base.TryGetValue(context, span, member, out value) && value is not null)
            {
                value = Made(value);
                TemplateModel.ValueRead(_metric.Id);
                return true;
            }
            throw new ScriptRuntimeException(span, $"`{Path}` has no {member}: it is a {KindOf(_metric)} metric");
        }
        var found = base.TryGetValue(context, span, member, out value);
        value = Made(value);
        return found;
    }

    // `{{ metrics.x }}` without `.value` would print the whole object; say what to write instead.
    public override string ToString(string? format, IFormatProvider? formatProvider) =>
        throw new InvalidOperationException($"`{Path}` is a metric object; write `{Path}.value` (or .label, .unit …)");
}
