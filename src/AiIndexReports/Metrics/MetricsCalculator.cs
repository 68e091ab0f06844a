using AiIndexReports.Data;
using AiIndexReports.Metrics.Sections;

namespace AiIndexReports.Metrics;

/// <summary>
/// The metrics stage: every number a brief states, computed from one edition's <see cref="Dataset"/>, with its Korean
/// label, unit, formula in words and the input rows it came from. Ids are listed in docs/metric-ids.md.
/// A metric the edition's data cannot support is returned with Available = false and the reason, never left out,
/// so templates can test <c>metrics.x.available</c> and the methodology note can say what was omitted.
/// Every metric also carries the credits of its inputs (the source lines of figures and tables) and the latest release
/// date among them (a brief dated earlier may not print it).
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
            .. IndicatorMetrics.Compute(indicators),
        ];
        all.Add(KoreaScorecard.Compute(all.ToDictionary(m => m.Id, StringComparer.Ordinal), dataset.IndicatorCatalog));
        var provenance = new Provenance(dataset);
        return new MetricSet(dataset.Edition.Edition, dataset.Edition.MeasuredYear, all.Select(provenance.Attach))
        {
            PublicationDate = dataset.Edition.PublicationDate,
            IssueNumber = dataset.Edition.IssueNumber,
            Sources = [.. dataset.Tables.Select(t => t.Credit).OfType<Data.Catalog.Credit>()
                .Concat(dataset.Indicators.Select(i => i.Release).OfType<Data.Catalog.Credit>().OrderBy(c => c.Released ?? DateOnly.MaxValue))
                .Concat(dataset.Analyses.Select(EditionMetrics.AnalysisCredit))
                .DistinctBy(c => c.Line)],
        };
    }

    /// <summary>From a metric's source rows to the credits of their releases and the latest dated one.</summary>
    private sealed class Provenance
    {
        private readonly Dictionary<(string File, int Line), Indicator> _rows = [];
        private readonly Dictionary<string, (SourceTable Table, int Order)> _tables = new(StringComparer.Ordinal);
        private readonly int _indicatorsOrder;

        public Provenance(Dataset dataset)
        {
            foreach (var row in dataset.Indicators) _rows.TryAdd((row.Location.File, row.Location.Line), row);
            for (var i = 0; i < dataset.Tables.Count; i++) _tables.TryAdd(dataset.Tables[i].File, (dataset.Tables[i], i));
            _indicatorsOrder = dataset.Indicators.Count > 0 && _tables.TryGetValue(dataset.Indicators[0].Location.File, out var t) ? t.Order : 0;
        }

        public Metric Attach(Metric metric)
        {
            if (metric.Sources.Count == 0) return metric;
            var credits = new List<(int Order, DateOnly Date, string Line)>();
            DateOnly? released = null;
            SourceLocation? releasedBy = null;
            foreach (var source in metric.Sources)
            {
                string? line;
                DateOnly? date, dated;
                int order;
                if (_rows.TryGetValue((source.File, source.Line), out var row))
                {
                    // A catalog `source` overrides the release's own credit line (a figure the report only quotes).
                    line = row.Definition?.Source ?? row.Release?.Line;
                    date = dated = row.Release?.Released;
                    order = _indicatorsOrder;
                }
                else if (_tables.TryGetValue(source.File, out var table))
                {
                    line = table.Table.Credit?.Line;
                    date = table.Table.Credit?.Released;
                    dated = table.Table.ReleaseDeclared ? date : null;
                    order = table.Order;
                }
                else continue;
                if (line is not null) credits.Add((order, date ?? DateOnly.MaxValue, line));
                if (dated is { } d && (released is null || d > released)) (released, releasedBy) = (d, source with { Column = 0 });
            }
            // A metric may carry credits of its own (a cited analysis): they stay, with their date.
            if (metric.Released is { } own && (released is null || own > released)) (released, releasedBy) = (own, metric.ReleasedBy);
            return metric with
            {
                Credits = metric.Credits.Concat(credits.OrderBy(c => c.Order).ThenBy(c => c.Date).ThenBy(c => c.Line, StringComparer.Ordinal)
                    .Select(c => c.Line)).Distinct().ToList(),
                Released = released,
                ReleasedBy = releasedBy,
            };
        }
    }
}
