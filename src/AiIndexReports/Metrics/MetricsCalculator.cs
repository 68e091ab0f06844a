using AiIndexReports.Data;
using AiIndexReports.Metrics.Sections;

namespace AiIndexReports.Metrics;

/// <summary>
/// The metrics stage: every number a brief states, computed from one edition's <see cref="Dataset"/>, with its Korean
/// label, unit, formula in words and the input rows it came from. Ids are listed in docs/metric-ids.md.
/// A metric the edition's data cannot support is returned with Available = false and the reason, never left out,
/// so templates can test <c>metrics.x.available</c> and the methodology note can say what was omitted.
/// </summary>
public sealed class MetricsCalculator
{
    public MetricSet Compute(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var indicators = new EditionIndicators(dataset);
        List<Metric> all =
        [
            .. EditionMetrics.Compute(dataset),
            .. ModelMetrics.Compute(dataset, indicators),
            .. PatentMetrics.Compute(indicators),
            .. GapMetrics.Compute(dataset, indicators),
            .. CostMetrics.Compute(dataset, indicators),
            .. InvestmentMetrics.Compute(dataset, indicators),
        ];
        all.Add(KoreaScorecard.Compute(all.ToDictionary(m => m.Id, StringComparer.Ordinal)));
        return new MetricSet(dataset.Edition.Edition, dataset.Edition.MeasuredYear, all);
    }
}
