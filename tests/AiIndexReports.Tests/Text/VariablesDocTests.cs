using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Tests.Text;

public class VariablesDocTests
{
    [Fact]
    public void Helper_examples_show_their_real_output()
    {
        var doc = VariablesDoc.Generate(null);
        Assert.Contains("| `josa` | `word \\| josa \"은/는\"` |", doc);
        Assert.Contains("| 한국은, AI가, 40개를, 서울로 |", doc);
        Assert.Contains("| `{{ 122511 \\| man_eok }}, {{ 109123456789 \\| man_eok \"억\" }}` | 12만 2,511, 1,091억 |", doc);
        Assert.Contains("| `{{ 285.7 \\| times }}, {{ 2.67 \\| times }}, {{ 3 \\| times }}` | 286배, 2.7배, 3배 |", doc);
        Assert.Contains("| `{{ \"2025-04-16\" \\| date_dot }}` | 2025. 4. 16. |", doc);
    }

    [Fact]
    public void With_metrics_every_metric_is_listed_with_its_value()
    {
        var metrics = new MetricSet(2025, 2024,
        [
            new Metric { Id = "models.by_country.KOR.count", Label = "한국의 주목할 만한 AI 모델 수", Unit = "개", Formula = "count", Number = 1 },
            new Metric { Id = "gap.mmlu.start", Label = "MMLU 격차", Unit = "%p", Formula = "diff", Available = false, UnavailableReason = "no table" },
            new Metric { Id = "cost.gpt35.factor", Label = "가격 하락 배수", Unit = "배", Formula = "ratio", Number = 285.714285 },
        ]);
        var doc = VariablesDoc.Generate(metrics);
        Assert.Contains("| `metrics.models.by_country.KOR.count` | number | 한국의 주목할 만한 AI 모델 수 | 개 | 1 |", doc);
        Assert.Contains("| `metrics.gap.mmlu.start` | — | MMLU 격차 | %p | not available: no table |", doc);
        Assert.Contains("| `metrics.cost.gpt35.factor` | number | 가격 하락 배수 | 배 | 285.7143 |", doc);
    }
}
