using AiIndexReports.Data;

namespace AiIndexReports.Metrics;

/// <summary>
/// For the stages that use metrics (templates, charts): a brief that uses a metric its edition cannot compute fails
/// with the metric's id and reason; a brief that does not use it still builds.
/// </summary>
public static class MetricRequirements
{
    /// <summary>The metric, when it exists and is available; otherwise a <see cref="BuildFailedException"/> for people.</summary>
    /// <param name="usedAt">where the metric is used (template file and line), reported as the error's location</param>
    public static Metric Require(this MetricSet metrics, string id, SourceLocation? usedAt = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (!metrics.TryGet(id, out var metric))
        {
            var suggestion = NearestName.Find(id, metrics.All.Select(m => m.Id));
            throw new BuildFailedException(new Diagnostic(usedAt,
                $"unknown metric '{id}'{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} (ids are listed in docs/metric-ids.md)"));
        }
        if (!metric.Available)
            throw new BuildFailedException(new Diagnostic(usedAt,
                $"metric '{id}' ({metric.Label}) is not available for edition {metrics.Edition}: {metric.UnavailableReason}"));
        return metric;
    }
}
