using AiIndexReports.Config;
using AiIndexReports.Briefs;
using AiIndexReports.Pipeline;
using AiIndexReports.Charts;
using AiIndexReports.Data;
using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Briefs;

public class BriefWriterTests
{
    private static readonly Lazy<(MetricSet Metrics, FigureSet Figures)> Edition2025 = new(() =>
    {
        var metrics = new MetricsCalculator().Compute(new DatasetLoader().Load(TestRepo.Root, 2025));
        return (metrics, FigureBuilder.Build(metrics));
    });

    /// <summary>A temp repo with a copy of the real brief templates, one of them edited.</summary>
    private static BuildFailedException WriteWithEdit(string file, Func<string, string> edit)
    {
        using var dir = TestRepo.Temp();
        foreach (var folder in new[] { "brief", "partials" })
            foreach (var source in Directory.GetFiles(Path.Combine(TestRepo.Root, "templates", folder)))
                dir.Write(Path.Combine("templates", folder, Path.GetFileName(source)), File.ReadAllText(source));
        var target = Path.Combine(dir.Path, "templates", "brief", file);
        File.WriteAllText(target, edit(File.ReadAllText(target)));

        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-brief");
        var (metrics, figures) = Edition2025.Value;
        return Assert.Throws<BuildFailedException>(() => new BriefWriter(dir.Path).Write(brief, 2025, metrics, figures));
    }

    [Fact]
    public void Typo_in_a_variable_name_names_file_line_and_column()
    {
        // A sentence added at the end of a real section: its line is the template's last line plus one.
        var line = 0;
        var e = WriteWithEdit("02-AI모델.md.sbn", text =>
        {
            var edited = text.TrimEnd('\n') + "\n- 미국은 {{ m.modles.aiindex.USA.count.value | num }}개\n";
            line = edited.TrimEnd('\n').Split('\n').Length;
            return edited;
        });

        var message = e.Diagnostics.First().ToString();
        // "- 미국은 {{ m." is eleven characters: the misspelt member starts at column 12.
        Assert.StartsWith($"templates/brief/02-AI모델.md.sbn({line},12): error:", message);
        Assert.Contains("`metrics` has no member `modles` (did you mean `models`?)", message);
    }

    [Fact]
    public void A_block_needing_an_unknown_metric_is_an_error_with_the_nearest_id()
    {
        var e = WriteWithEdit("04-성능격차.md.sbn", text => text.TrimEnd('\n') + "\n:::needs [gap.mmlu.endd] 미·중 격차\n- 격차\n:::end\n");

        var diagnostic = e.Diagnostics.Single();
        Assert.Equal("templates/brief/04-성능격차.md.sbn", diagnostic.Location!.File);
        Assert.Equal(11, diagnostic.Location.Column);   // ":::needs [" is ten characters
        Assert.Equal("unknown metric 'gap.mmlu.endd' (did you mean 'gap.mmlu.end'?); ids are listed in templates/VARIABLES.md", diagnostic.Message);
    }

    [Fact]
    public void A_wide_interval_printed_without_it_gets_a_caveat_line_from_the_data()
    {
        using var dir = TestRepo.Temp();
        dir.Write("templates/brief/01.md.sbn", "# 비용\n\n- 가장 빠른 기준의 연간 하락 배수는 {{ metrics.cost.decline.max.value | times }}\n");
        dir.Write("templates/brief/02.md.sbn", "# 비용 2\n\n- {{ metrics.cost.decline.max.value | times }}({{ metrics.cost.decline.max.interval }})\n");
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-brief");
        var (metrics, figures) = Edition2025.Value;

        var blocks = new BriefWriter(dir.Path).Write(brief, 2025, metrics, figures).Blocks;

        var notes = blocks.OfType<BriefParagraph>().Where(p => p.Kind == ParagraphKind.Note).Select(p => string.Concat(p.Text.Select(t => t.Text))).ToList();
        // The first section printed "851배" alone: the caveat follows it. The second printed the interval: no caveat.
        // Multiples in whole numbers, like the estimates they bound ("6~117,290배", not "6.2~117,290배").
        Assert.Equal(["※ 연간 추론 가격 하락 배수(최고) 851배는 가격 자료점 4개에 근거한 추정치로 90% 신뢰구간 6~117,290배의 불확실성이 커 해석에 유의"], notes);
        Assert.IsType<BriefParagraph>(blocks[2]);
        Assert.IsType<BriefHeading>(blocks[3]);
    }

    [Fact]
    public void Unknown_figure_id_is_an_error_at_the_call()
    {
        var e = WriteWithEdit("03-특허.md.sbn", text => text.Replace("{{ figure \"patent_share\" }}", "{{ figure \"patent_shares\" }}"));

        var message = e.Diagnostics.First().ToString();
        Assert.StartsWith("templates/brief/03-특허.md.sbn(", message);
        Assert.Contains("unknown figure id \"patent_shares\" (known: models_by_country, models_trend, patent_share,", message);
    }

    [Fact]
    public void A_table_without_caption_is_reported_with_its_template()
    {
        var e = WriteWithEdit("04-성능격차.md.sbn", text => text.Replace("표: 미·중 최고 모델 간 벤치마크별 성능 격차", "미·중 격차"));

        Assert.Contains(e.Diagnostics, d => d.ToString().StartsWith("templates/brief/04-성능격차.md.sbn:", StringComparison.Ordinal)
            && d.Message == "a table needs a caption line \"표: …\" just above it");
    }

    [Fact]
    public void Blocks_are_placed_at_the_template_line_that_wrote_them_with_the_metrics_they_print()
    {
        using var dir = TestRepo.Temp();
        dir.Write("templates/brief/01.md.sbn",
            "---\n" +                                                                     // 1  front matter: removed before rendering
            "what: 시험\n" +                                                               // 2
            "---\n" +                                                                     // 3
            "{{~ m = metrics ~}}\n" +                                                      // 4
            "# 모델\n" +                                                                   // 5
            "\n" +                                                                         // 6
            ":::needs [indicators.ai_hiring_growth] 없는 지표\n" +                        // 7  not in 2025: dropped, the lines stay
            "- 없는 문장\n" +                                                               // 8
            ":::else\n" +                                                                  // 9
            "- 한국은 {{ m.models.aiindex.KOR.count.value | num }}개\n" +                   // 10
            ":::end\n" +                                                                   // 11
            "\n" +                                                                         // 12
            "{{ figure \"models_by_country\" }}\n" +                                       // 13
            "\n" +                                                                         // 14
            "표: 국가별 모델 수\n" +                                                         // 15
            "\n" +                                                                         // 16
            "| 국가 | 모델 수 |\n" +                                                         // 17
            "|---|---:|\n" +                                                               // 18
            "{{~ for r in m.models.ranking.rows limit:2 ~}}\n" +                           // 19
            "| {{ r.name_ko }} | {{ r.count }} |\n" +                                      // 20
            "{{~ end ~}}\n");                                                             // 21
        var brief = BriefManifest.Load(TestRepo.Root).Briefs.Single(b => b.Id == "ai-index-brief");
        var (metrics, figures) = Edition2025.Value;

        var blocks = new BriefWriter(dir.Path).Write(brief, 2025, metrics, figures).Blocks;

        const string file = "templates/brief/01.md.sbn";
        var heading = Assert.IsType<BriefHeading>(blocks[0]);
        Assert.Equal(new SourceLocation(file, 5, 1), heading.At);
        Assert.Empty(heading.Metrics);
        var bullet = Assert.IsType<BriefBullet>(blocks[1]);
        Assert.Equal(new SourceLocation(file, 10, 3), bullet.At);
        Assert.Equal(["models.aiindex.KOR.count"], bullet.Metrics);
        var figure = Assert.IsType<BriefFigure>(blocks[2]);
        Assert.Equal(new SourceLocation(file, 13, 4), figure.At);
        var table = Assert.IsType<BriefTable>(blocks[3]);
        Assert.Equal(17, table.At!.Line);
        // Header row, then the two rows the loop wrote: each cell at line 20, at the expression that printed it.
        Assert.Equal(3, table.CellOrigins.Count);
        Assert.Equal(new SourceLocation(file, 17, 3), table.CellOrigins[0][0].At);
        Assert.Equal(new SourceLocation(file, 20, 6), table.CellOrigins[2][0].At);
        Assert.Equal(new SourceLocation(file, 20, 24), table.CellOrigins[2][1].At);
        Assert.Equal(["models.ranking"], table.CellOrigins[2][1].Metrics);
        Assert.Empty(table.CellOrigins[0][1].Metrics);
    }
}
