using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Metrics;

public class MetricRequirementsTests
{
    private static readonly MetricSet Metrics = new MetricsCalculator().Compute(new TestDataset(2024).Model("A", "2023-03-01", "USA").Build());

    [Fact]
    public void An_available_metric_is_returned()
    {
        Assert.Equal(1, Metrics.Require("models.total").Number);
    }

    [Fact]
    public void An_unavailable_metric_fails_the_build_with_its_reason_and_where_it_was_used()
    {
        var e = Assert.Throws<BuildFailedException>(() => Metrics.Require("gap.mmlu.start", new SourceLocation("templates/2024/03-gap.md.sbn", 12, 5)));

        Assert.Equal("templates/2024/03-gap.md.sbn:12:5: error: metric 'gap.mmlu.start' (미·중 최고 모델 성능 격차(시작 시점, MMLU)) is not available " +
            "for edition 2024: not computable: indicators.csv has no us_minus_china_top_model_gap rows for MMLU for edition 2024", e.Message);
    }

    [Fact]
    public void A_misspelt_id_gets_a_suggestion()
    {
        var e = Assert.Throws<BuildFailedException>(() => Metrics.Require("models.totl"));

        Assert.Equal("error: unknown metric 'models.totl'; did you mean 'models.total'? (ids are listed in docs/metric-ids.md)", e.Message);
    }
}
