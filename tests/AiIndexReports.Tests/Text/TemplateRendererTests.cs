using AiIndexReports.Metrics;
using AiIndexReports.Text;

namespace AiIndexReports.Tests.Text;

public class TemplateRendererTests
{
    private static MetricSet SampleMetrics() => new(2025, 2024,
    [
        new Metric { Id = "models.total", Label = "주목할 만한 AI 모델 수", Unit = "개", Formula = "count", Number = 62 },
        new Metric { Id = "models.by_country.KOR.count", Label = "한국 모델 수", Unit = "개", Formula = "count", Number = 1 },
        new Metric { Id = "models.by_country.USA.count", Label = "미국 모델 수", Unit = "개", Formula = "count", Number = 40 },
        new Metric { Id = "patents.share.USA", Label = "미국 특허 비중", Unit = "%", Formula = "share", Number = 14.16 },
        new Metric { Id = "patents.share.USA.change_pp", Label = "변화", Unit = "%p", Formula = "diff", Number = -2.3 },
        new Metric { Id = "edition.snapshot_date", Label = "스냅숏", Unit = "", Formula = "file", Text = "2025-02-24" },
        new Metric
        {
            Id = "gap.mmlu.start", Label = "MMLU 격차", Unit = "%p", Formula = "diff", Available = false,
            UnavailableReason = "not computable: no MMLU table in this edition",
        },
        new Metric
        {
            Id = "models.series.KOR", Label = "한국 모델 수 추이", Unit = "개", Formula = "count per year",
            Series = [new SeriesPoint(2023, "2023", 3), new SeriesPoint(2024, "2024", 1)],
        },
        new Metric
        {
            Id = "models.ranking", Label = "국가별 순위", Unit = "개", Formula = "sort",
            Rows =
            [
                new Dictionary<string, object?> { ["name_ko"] = "미국", ["count"] = 40, ["rank"] = 1 },
                new Dictionary<string, object?> { ["name_ko"] = "중국", ["count"] = 15, ["rank"] = 2 },
            ],
        },
    ]);

    private static string Render(TemplateFolder folder, string path, MetricSet? metrics = null) =>
        new TemplateRenderer(folder.Root).Render(path, new TemplateModel(metrics ?? SampleMetrics()));

    private static BuildFailedException Fails(TemplateFolder folder, string path, MetricSet? metrics = null) =>
        Assert.Throws<BuildFailedException>(() => Render(folder, path, metrics));

    [Fact]
    public void Metrics_and_helpers_render_Korean_text()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn",
            "한국의 모델은 {{ metrics.models.by_country.KOR.count.value }}개로 전체 {{ metrics.models.total.value | num }}개 중 " +
            "{{ metrics.models.by_country.KOR.count.value / metrics.models.total.value * 100 | pct }}를 차지한다.\n" +
            "미국 비중은 {{ metrics.patents.share.USA.value | pct }}로 {{ metrics.patents.share.USA.change_pp.value | change \"%p\" }}.\n" +
            "{{ \"미국\" | josa \"은/는\" }} {{ metrics.models.by_country.USA.count.value | num | josa \"을/를\" }}, " +
            "{{ metrics.edition.snapshot_date.value | date_dot }}\n" +
            "{{ if !metrics.gap.mmlu.start.available }}({{ metrics.gap.mmlu.start.reason }}){{ end }}\n" +
            "{{ for p in metrics.models.series.KOR.series }}{{ p.label }}: {{ p.value }}; {{ end }}\n" +
            "{{ for r in metrics.models.ranking.rows }}{{ r.rank | rank }} {{ r.name_ko }}({{ r.count }}) {{ end }}");

        Assert.Equal(
            "한국의 모델은 1개로 전체 62개 중 1.6%를 차지한다.\n" +
            "미국 비중은 14.2%로 2.3%p 하락.\n" +
            "미국은 40을, 2025. 2. 24.\n" +
            "(not computable: no MMLU table in this edition)\n" +
            "2023: 3; 2024: 1; \n" +
            "1위 미국(40) 2위 중국(15) ",
            Render(folder, "test/x.md.sbn"));
    }

    [Fact]
    public void A_typo_in_a_variable_name_names_file_line_and_column()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn",
            "# 개요\n\n□ 한국은 {{ metrics.models.total.value }}개\n    {{ metrcs.models.total.value }}\n");
        var error = Fails(folder, "test/x.md.sbn");
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new SourceLocation("templates/test/x.md.sbn", 4, 8) { Parenthesized = true }, diagnostic.Location);
        Assert.Equal(
            "templates/test/x.md.sbn(4,8): error: The variable or function `metrcs` was not found\n" +
            "    4 |     {{ metrcs.models.total.value }}\n" +
            "      |        ^",
            diagnostic.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_typo_in_a_member_name_suggests_the_right_one()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "□ {{ metrics.models.by_country.KOR.cout.value }}");
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.Equal(
            "templates/test/x.md.sbn(1,36): error: `metrics.models.by_country.KOR` has no member `cout` (did you mean `count`?); it has: count\n" +
            "    1 | □ {{ metrics.models.by_country.KOR.cout.value }}\n" +
            "      |                                    ^",
            diagnostic.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_syntax_error_of_a_file_is_reported()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "첫 줄\n{{ if }}\n본문\n{{ x = }}\n");
        var error = Fails(folder, "test/x.md.sbn");
        var locations = error.Diagnostics.Select(d => d.Location!.ToString()).ToList();
        Assert.True(locations.Count >= 2, string.Join("\n", error.Diagnostics));
        Assert.Equal("templates/test/x.md.sbn(2,7)", locations[0]);
        Assert.Contains("templates/test/x.md.sbn(4,8)", locations);
        Assert.StartsWith("templates/test/x.md.sbn(2,7): error: Error while parsing if statement: Expecting <expression> instead of `}}`",
            error.Diagnostics[0].ToString());
    }

    [Fact]
    public void Reading_the_value_of_an_unavailable_metric_is_an_error_with_the_reason()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "격차 {{ metrics.gap.mmlu.start.value | pp }}");
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.StartsWith(
            "templates/test/x.md.sbn(1,30): error: `metrics.gap.mmlu.start` is not available in this edition " +
            "(not computable: no MMLU table in this edition); test `metrics.gap.mmlu.start.available` before reading `value`",
            diagnostic.ToString());
    }

    [Fact]
    public void A_metric_object_without_value_is_an_error_in_a_helper()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "{{ metrics.models.total | num }}");
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.StartsWith(
            "templates/test/x.md.sbn(1,27): error: `num` expected a number but got the metric object `metrics.models.total`; write `metrics.models.total.value`",
            diagnostic.ToString());
    }

    [Fact]
    public void Includes_resolve_inside_the_templates_folder()
    {
        using var folder = new TemplateFolder()
            .Write("partials/source.md.sbn", "자료: Stanford HAI({{ 2025 }})")
            .Write("full/01.md.sbn", "본문\n{{ include \"partials/source.md.sbn\" }}");
        Assert.Equal("본문\n자료: Stanford HAI(2025)", Render(folder, "full/01.md.sbn"));
    }

    [Theory]
    [InlineData("../outside.md.sbn", "template \"../outside.md.sbn\" is outside templates/: templates may only include files inside templates/")]
    [InlineData("/etc/hostname", "template \"/etc/hostname\" is an absolute path; write a path relative to templates/")]
    [InlineData("partials/missing.md.sbn", "template \"partials/missing.md.sbn\" not found: no file templates/partials/missing.md.sbn")]
    public void Bad_includes_are_errors_at_the_include_statement(string include, string message)
    {
        using var folder = new TemplateFolder().Write("full/01.md.sbn", $"본문\n  {{{{ include \"{include}\" }}}}");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(folder.Root)!, "outside.md.sbn"), "secret");
        var diagnostic = Assert.Single(Fails(folder, "full/01.md.sbn").Diagnostics);
        Assert.Equal(new SourceLocation("templates/full/01.md.sbn", 2, 6) { Parenthesized = true }, diagnostic.Location);
        Assert.StartsWith(message, diagnostic.Message);
    }

    [Fact]
    public void A_syntax_error_in_an_included_file_names_that_file()
    {
        using var folder = new TemplateFolder()
            .Write("partials/bad.md.sbn", "줄 하나\n{{ if }}")
            .Write("full/01.md.sbn", "{{ include \"partials/bad.md.sbn\" }}");
        var diagnostic = Fails(folder, "full/01.md.sbn").Diagnostics[0];
        Assert.Equal("templates/partials/bad.md.sbn(2,7)", diagnostic.Location!.ToString());
        Assert.Contains("(included from templates/full/01.md.sbn(1,4))", diagnostic.Message);
    }

    [Fact]
    public void RenderAll_reports_the_errors_of_every_file_together()
    {
        using var folder = new TemplateFolder()
            .Write("full/01.md.sbn", "{{ metrics.models.total.value }}")
            .Write("full/02.md.sbn", "{{ typo1 }}")
            .Write("full/03.md.sbn", "\n{{ typo2 }}");
        var renderer = new TemplateRenderer(folder.Root);
        var error = Assert.Throws<BuildFailedException>(() =>
            renderer.RenderAll(["full/01.md.sbn", "full/02.md.sbn", "full/03.md.sbn"], new TemplateModel(SampleMetrics())));
        Assert.Equal(["templates/full/02.md.sbn(1,4)", "templates/full/03.md.sbn(2,4)"], error.Diagnostics.Select(d => d.Location!.ToString()));
        Assert.Equal(["62"], renderer.RenderAll(["full/01.md.sbn"], new TemplateModel(SampleMetrics())));
    }

    [Fact]
    public void A_missing_template_file_is_an_error_naming_it()
    {
        using var folder = new TemplateFolder();
        var diagnostic = Assert.Single(Fails(folder, "full/99.md.sbn").Diagnostics);
        Assert.Equal("templates/full/99.md.sbn: error: template \"full/99.md.sbn\" not found: no file templates/full/99.md.sbn", diagnostic.ToString());
    }

    [Theory]
    [InlineData("{{ for i in 1..1000000 }}{{ i }}{{ end }}", "Range expression exceeds LoopLimit `10000`")]
    [InlineData("{{ i = 0; while true; i = i + 1; end }}", "Exceeding number of iteration limit `10000` for loop statement")]
    [InlineData("{{ func deep(n); ret deep(n + 1); end; deep(1) }}", "Exceeding number of recursive depth limit `50`")]
    public void Runaway_loops_and_recursion_stop_with_a_limit_error(string template, string message)
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", template);
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.StartsWith("templates/test/x.md.sbn(1,", diagnostic.ToString());
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void A_file_including_itself_stops_at_the_recursion_limit()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "a{{ include \"test/x.md.sbn\" }}");
        var diagnostic = Fails(folder, "test/x.md.sbn").Diagnostics[0];
        Assert.Contains("limit", diagnostic.Message);
    }

    [Theory]
    [InlineData("{{ \"x\".GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ metrics.GetType }}", "`metrics` has no member `GetType`")]
    [InlineData("{{ metrics.models.total.GetType }}", "`metrics.models.total` has no member `GetType`")]
    // Public statics of the C# class behind a metric object are not members (Scriban would import them into each object).
    [InlineData("{{ metrics.models.total.fields }}", "`metrics.models.total` has no member `fields`")]
    [InlineData("{{ metrics.models.total.interval_text }}", "`metrics.models.total` has no member `interval_text`")]
    [InlineData("{{ date.now }}", "date.now is not available to templates: they get only built-ins whose result depends on their arguments")]
    [InlineData("{{ math.uuid }}", "math.uuid is not available to templates")]
    [InlineData("{{ 6 | math.random 1 }}", "math.random is not available to templates")]
    [InlineData("{{ metrics.models.total.value = 5 }}", "")]
    public void Templates_cannot_reach_NET_objects_clocks_or_change_metrics(string template, string message)
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", template);
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void Briefs_that_share_a_metric_set_each_record_only_what_their_own_templates_printed()
    {
        // The `metrics` object is built once per metric set and shared; what a rendering reads is its model's alone,
        // also when two briefs render at the same time on two threads.
        var metrics = SampleMetrics();
        using var folder = new TemplateFolder()
            .Write("a/x.md.sbn", "{{ metrics.models.total.value }} {{ metrics.models.by_country.KOR.count.label }}")
            .Write("b/x.md.sbn", "{{ metrics.models.by_country.USA.count.value | num }} {{ metrics.models.series.KOR.series | array.size }}");
        var renderer = new TemplateRenderer(folder.Root);
        var (a, b) = (new TemplateModel(metrics), new TemplateModel(metrics));
        for (var round = 0; round < 20; round++)
            Parallel.Invoke(() => renderer.Render("a/x.md.sbn", a), () => renderer.Render("b/x.md.sbn", b));

        Assert.Equal(["models.total"], a.UsedMetricIds);   // a label is not a printed number
        Assert.Equal(["models.by_country.USA.count", "models.series.KOR"], b.UsedMetricIds.Order(StringComparer.Ordinal));
        Assert.Same(a.MetricsObject, b.MetricsObject);
    }

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ string.shout = 1 }}")]
    [InlineData("{{ string[\"upcase\"] = 1 }}")]
    public void A_template_cannot_change_the_built_ins_the_next_render_sees(string template)
    {
        // The built-ins are one object shared by every render (and every thread): a change would leak into later sections.
        using var folder = new TemplateFolder().Write("test/bad.md.sbn", template).Write("test/good.md.sbn", "{{ \"ab\" | string.upcase }} {{ 2 | math.plus 1 }}");
        Assert.NotEmpty(Fails(folder, "test/bad.md.sbn").Diagnostics);
        Assert.Equal("AB 3", Render(folder, "test/good.md.sbn"));
    }

    [Theory]
    [InlineData("{{ null | pct }}", "`pct` expected a number but got nothing (null)")]
    [InlineData("{{ \"12\" | num }}", "`num` expected a number but got the text \"12\"")]
    [InlineData("{{ \"한국\" | josa \"은/가\" }}", "unknown particle pair \"은/가\"")]
    [InlineData("{{ \"2025.04.16\" | date_dot }}", "expected a date written yyyy-MM-dd")]
    [InlineData("{{ 3.5 | rank }}", "`rank` expected a whole number but got 3.5")]
    public void Helpers_reject_wrong_arguments(string template, string message)
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", template);
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn").Diagnostics);
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void Helpers_work_as_pipes_with_arguments()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn",
            "{{ 122511 | man_eok }}|{{ 109.1 | billion_dollars }}|{{ 29.64 | pct 2 }}|{{ 285.7 | times }}|{{ 4 | rank 1 }}|" +
            "{{ 0.07 | dollar_sign }}|{{ \"2024-12-01\" | year_month }}|{{ 2023 | short_year }}|{{ \"GPT-4o\" | josa \"을/를\" }}|" +
            "{{ 17.5 | particle \"(으)로\" }}|{{ 3 | times 1 }}");
        Assert.Equal("12만 2,511|1,091억 달러|29.64%|286배|공동 4위|$0.07|2024년 12월|’23년|GPT-4o를|로|3.0배", Render(folder, "test/x.md.sbn"));
    }

    [Fact]
    public void The_README_idioms_work()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn",
            "{{ n = metrics.models.by_country.USA.count.value }}{{ (n | num) + \"개\" | josa \"을/를\" }} " +
            "{{ metrics.patents.share.USA.value | pct | josa \"은/는\" }} " +
            "{{ for r in metrics.models.ranking.rows | array.limit 1 }}{{ r.name_ko | josa \"이/가\" }} {{ r.rank | rank r.rank == 2 }}{{ end }}");
        Assert.Equal("40개를 14.2%는 미국이 1위", Render(folder, "test/x.md.sbn"));
    }

    [Fact]
    public void Model_variables_and_extra_functions_are_visible()
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "{{ brief.title }} {{ shout \"가\" }} {{ brief.authors[1] }}");
        var renderer = new TemplateRenderer(folder.Root);
        renderer.Functions.Add(new TemplateFunction("shout", (string s) => s + "!", "text | shout", "test", "{{ \"a\" | shout }}"));
        var model = new TemplateModel().Set("brief", new Dictionary<string, object?> { ["title"] = "AI 인덱스", ["authors"] = new[] { "김", "이" } });
        Assert.Equal("AI 인덱스 가! 이", renderer.Render("test/x.md.sbn", model));
    }

    private static string Where(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan span, string id) =>
        $"{id}@{span.FileName}:{span.Start.Line + 1}";

    [Fact]
    public void Extra_functions_can_know_where_they_are_called()
    {
        using var folder = new TemplateFolder().Write("full/01.md.sbn", "\n{{ where \"models_by_country\" }}");
        var renderer = new TemplateRenderer(folder.Root);
        renderer.Functions.Add(new TemplateFunction("where", Where, "where \"id\"", "test", "{{ where \"x\" }}"));
        Assert.Equal("\nmodels_by_country@templates/full/01.md.sbn:2", renderer.Render("full/01.md.sbn", new TemplateModel()));
    }

    [Fact]
    public void Templates_cannot_receive_raw_NET_objects() =>
        Assert.Throws<ArgumentException>(() => new TemplateModel().Set("file", new FileInfo("/etc/hostname")));

    [Fact]
    public void A_metric_id_that_would_hide_a_field_is_rejected()
    {
        var metrics = new MetricSet(2025, 2024,
        [
            new Metric { Id = "a.b", Label = "x", Unit = "", Formula = "x", Number = 1 },
            new Metric { Id = "a.b.label", Label = "y", Unit = "", Formula = "y", Number = 2 },
        ]);
        using var folder = new TemplateFolder().Write("test/x.md.sbn", "{{ 1 }}");
        var diagnostic = Assert.Single(Fails(folder, "test/x.md.sbn", metrics).Diagnostics);
        Assert.Equal("error: metric id \"a.b.label\": `metrics.a.b.label` would hide the metric field `label`; rename the longer id", diagnostic.ToString());
    }

    [Theory]
    [InlineData("{{ metrics.models.total }}",
        "templates/test/x.md.sbn(1,1): error: `metrics.models.total` is a metric object; write `metrics.models.total.value` (or .label, .unit …)")]
    [InlineData("{{ metrics.models.series.KOR.value }}",
        "templates/test/x.md.sbn(1,30): error: `metrics.models.series.KOR` has no value: it is a series metric")]
    [InlineData("{{ metrics.models.ranking.rows[0].nme }}",
        "templates/test/x.md.sbn(1,35): error: `metrics.models.ranking.rows[0]` has no member `nme`; it has: count, name_ko, rank")]
    [InlineData("{{ metrics.models.ranking.rows[5].name_ko }}",
        "templates/test/x.md.sbn(1,32): error: The index 5 is out of bounds [0, 2] on the `metrics.models.ranking.rows` with the indexer: 5")]
    [InlineData("a{{ include \"test/x.md.sbn\" }}",
        "templates/test/x.md.sbn(1,5): error: Exceeding number of recursive depth limit `50` for node: `include \"test/x.md.sbn\"`")]
    public void Misreading_metrics_is_an_error_that_says_what_to_write(string template, string expectedFirstLine)
    {
        using var folder = new TemplateFolder().Write("test/x.md.sbn", template);
        var diagnostic = Fails(folder, "test/x.md.sbn").Diagnostics[0];
        Assert.Equal(expectedFirstLine, diagnostic.ToString().ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public void Numbers_render_with_a_decimal_point_under_any_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            using var folder = new TemplateFolder().Write("test/x.md.sbn",
                "{{ 1.5 }} {{ [1.5, 2] | array.join \", \" }} {{ metrics.patents.share.USA.value }} {{ 1234.5 | num 1 }} {{ 17.5 | josa \"이/가\" }}");
            Assert.Equal("1.5 1.5, 2 14.16 1,234.5 17.5가", Render(folder, "test/x.md.sbn"));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
    }
}
