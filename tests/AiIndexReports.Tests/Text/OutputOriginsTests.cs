using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Tests.Text;

/// <summary>Each piece of a rendered template knows the template line that wrote it and the metrics it printed.</summary>
public class OutputOriginsTests
{
    private static MetricSet Metrics() => new(2025, 2024,
    [
        new Metric { Id = "models.total", Label = "모델 수", Unit = "개", Formula = "count", Number = 62, Sources = [new SourceLocation("data/x.csv", 4)] },
        new Metric { Id = "models.by_country.KOR.count", Label = "한국 모델 수", Unit = "개", Formula = "count", Number = 1 },
        new Metric { Id = "edition.measured_year", Label = "연도", Unit = "", Formula = "edition", Number = 2024 },
        new Metric
        {
            Id = "models.ranking", Label = "국가별 순위", Unit = "개", Formula = "sort",
            Rows =
            [
                new Dictionary<string, object?> { ["name_ko"] = "미국", ["count"] = 40 },
                new Dictionary<string, object?> { ["name_ko"] = "중국", ["count"] = 15 },
            ],
        },
    ]);

    private static (string Output, OutputOrigins Origins) Render(string template)
    {
        using var folder = new TemplateFolder().Write("brief/01.md.sbn", template);
        var origins = new OutputOrigins();
        var output = new TemplateRenderer(folder.Root).Render("brief/01.md.sbn", new TemplateModel(Metrics()), origins: origins);
        return (output, origins);
    }

    private static SourceLocation? At(string output, OutputOrigins origins, string text) => origins.At(output, output.IndexOf(text, StringComparison.Ordinal));

    [Fact]
    public void Lines_after_trimmed_tags_point_at_the_template_line_not_the_output_line()
    {
        var (output, origins) = Render(
            "{{~ y = metrics.edition.measured_year.value ~}}\n" +       // 1: assignment, writes nothing
            "{{~ # a comment ~}}\n" +                                   // 2
            "# 모델\n" +                                                 // 3
            "\n" +                                                      // 4
            "- 한국은 {{ metrics.models.by_country.KOR.count.value }}개\n" + // 5
            "  - 전체 {{ metrics.models.total.value | num }}개\n");      // 6
        Assert.StartsWith("# 모델\n", output, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("templates/brief/01.md.sbn", 3, 1), At(output, origins, "# 모델"));
        Assert.Equal(new SourceLocation("templates/brief/01.md.sbn", 5, 1), At(output, origins, "- 한국은"));
        Assert.Equal(new SourceLocation("templates/brief/01.md.sbn", 6, 3), At(output, origins, "- 전체"));
        // The value printed by an expression: the expression's own position.
        Assert.Equal(new SourceLocation("templates/brief/01.md.sbn", 5, 10), At(output, origins, "1개"));
    }

    [Fact]
    public void Each_line_names_the_metrics_it_printed_and_only_those()
    {
        var (output, origins) = Render(
            "{{~ y = metrics.edition.measured_year.value ~}}\n" +
            "# {{ y }}년 모델\n" +
            "- 한국은 {{ metrics.models.by_country.KOR.count.value }}개\n" +
            "- 전체 {{ metrics.models.total.value | num }}개\n");
        int Line(string text) => output.IndexOf(text, StringComparison.Ordinal);
        int EndOf(string text) => output.IndexOf('\n', Line(text));
        // The year was read by an assignment that printed nothing: the heading does not claim it.
        Assert.Empty(origins.MetricsIn(Line("# "), EndOf("# ")));
        Assert.Equal(["models.by_country.KOR.count"], origins.MetricsIn(Line("- 한국은"), EndOf("- 한국은")));
        Assert.Equal(["models.total"], origins.MetricsIn(Line("- 전체"), EndOf("- 전체")));
    }

    [Fact]
    public void Rows_written_by_a_loop_point_at_the_loop_body_and_carry_the_loop_metric()
    {
        var (output, origins) = Render(
            "표: 순위\n" +                                                   // 1
            "| 국가 | 모델 수 |\n" +                                          // 2
            "|---|---:|\n" +                                                // 3
            "{{~ for r in metrics.models.ranking.rows ~}}\n" +             // 4
            "| {{ r.name_ko }} | {{ r.count }} |\n" +                      // 5
            "{{~ end ~}}\n");                                              // 6
        Assert.Contains("| 미국 | 40 |", output, StringComparison.Ordinal);
        Assert.Equal(5, At(output, origins, "| 중국")!.Line);
        Assert.Equal(new SourceLocation("templates/brief/01.md.sbn", 5, 24), At(output, origins, "15 |"));
        var row = output.IndexOf("| 중국", StringComparison.Ordinal);
        Assert.Equal(["models.ranking"], origins.MetricsIn(row, output.IndexOf('\n', row)));
        Assert.Empty(origins.MetricsIn(0, output.IndexOf('\n')));
    }

    [Fact]
    public void Rendering_with_and_without_origins_gives_the_same_text()
    {
        const string template = "{{~ y = metrics.edition.measured_year.value ~}}\n# {{ y }}\n{{ for r in metrics.models.ranking.rows }}- {{ r.name_ko }}\n{{ end }}끝";
        using var folder = new TemplateFolder().Write("brief/01.md.sbn", template);
        var plain = new TemplateRenderer(folder.Root).Render("brief/01.md.sbn", new TemplateModel(Metrics()));
        var tracked = new TemplateRenderer(folder.Root).Render("brief/01.md.sbn", new TemplateModel(Metrics()), origins: new OutputOrigins());
        Assert.Equal(plain, tracked);
    }
}
