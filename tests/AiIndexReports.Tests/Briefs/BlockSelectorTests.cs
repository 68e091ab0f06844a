using AiIndexReports.Briefs;
using AiIndexReports.Charts;
using AiIndexReports.Metrics;

namespace AiIndexReports.Tests.Briefs;

/// <summary>Parts of a template that declare what they need: the first available alternative is kept, the rest removed.</summary>
public sealed class BlockSelectorTests
{
    private static Metric Has(string id, double value = 1) => new() { Id = id, Label = id, Unit = "", Formula = "f", Number = value };

    private static Metric Lacks(string id) => new()
    {
        Id = id, Label = id, Unit = "", Formula = "f", Available = false,
        UnavailableReason = $"not computable: no {id}", UnavailableReasonKo = $"{id} 값이 없음",
    };

    private static readonly MetricSet Metrics = new(2030, 2029,
        [Has("gap.arena.end"), Lacks("gap.mmlu.end"), Lacks("gap.mmlu.start"), Has("cost.factor"), Lacks("invest.private.KOR"), Has("invest.private.USA")]);

    private static (string[] Lines, IReadOnlyList<CoverageEntry> Coverage) Select(string text)
    {
        var (selected, coverage) = new BlockSelector(Metrics, new FigureSet([], [])).Select(text, "templates/brief/x.md.sbn");
        return (selected.Split('\n'), coverage);
    }

    [Fact]
    public void The_first_available_alternative_is_kept_and_every_line_keeps_its_number()
    {
        var (lines, coverage) = Select("""
            # 격차
            :::needs [gap.mmlu.end, gap.mmlu.start] MMLU 격차
            - MMLU
            :::or [gap.arena.end] 아레나 격차
            - 아레나
            :::else
            - 없음
            :::end
            """);

        Assert.Equal(["# 격차", BlockSelector.Removed, BlockSelector.Removed, BlockSelector.Removed, "- 아레나", BlockSelector.Removed, BlockSelector.Removed, BlockSelector.Removed], lines);
        var part = Assert.Single(coverage, c => c.Kind == "paragraph");
        Assert.Equal((CoverageStatus.Alternative, "MMLU 격차", "아레나 격차", "gap.mmlu.end 값이 없음"), (part.Status, part.What, part.UsedInstead, part.Reason));
        Assert.Equal("MMLU 격차: 아레나 격차로 대신함(gap.mmlu.end 값이 없음)", part.NoteKo);
    }

    [Fact]
    public void Without_an_available_alternative_the_fallback_text_stays_and_the_part_is_omitted()
    {
        var (lines, coverage) = Select(":::needs [invest.private.KOR] 한국의 투자\n- 한국 {{ x }}\n:::else\n- 한국의 투자는 발표되지 않음\n:::end\n:::when [invest.private.KOR] 한국의 투자 순위\n- 순위\n:::end");

        Assert.Equal([BlockSelector.Removed, BlockSelector.Removed, BlockSelector.Removed, "- 한국의 투자는 발표되지 않음", BlockSelector.Removed,
            BlockSelector.Removed, BlockSelector.Removed, BlockSelector.Removed], lines);
        Assert.Equal([(CoverageStatus.Omitted, false), (CoverageStatus.Omitted, true)], coverage.Select(c => (c.Status, c.Optional)));
        Assert.Equal("not in this edition (optional)", coverage[1].StatusText);
    }

    [Fact]
    public void A_block_inside_a_dropped_alternative_is_dropped_with_it_and_blocks_in_the_summary_box_are_headlines()
    {
        var (lines, coverage) = Select(":::summary\n:::needs [gap.mmlu.end] 요약의 MMLU 격차\n- MMLU\n:::needs [cost.factor] 안쪽\n- 비용\n:::end\n:::end\n:::\n");

        Assert.DoesNotContain("- 비용", lines);
        Assert.Equal(":::summary", lines[0]);
        Assert.Equal(":::", lines[7]);
        var headline = Assert.Single(coverage);
        Assert.Equal(("headline", CoverageStatus.Omitted), (headline.Kind, headline.Status));
    }

    [Fact]
    public void Front_matter_leaves_out_a_whole_section_or_makes_it_required()
    {
        var (lines, coverage) = Select("---\nwhat: 한국의 투자\nneeds: [invest.private.KOR]\n---\n# 투자\n- {{ x }}\n");
        Assert.All(lines, l => Assert.Equal(BlockSelector.Removed, l));
        Assert.Equal(("section", "한국의 투자", CoverageStatus.Omitted), (coverage.Single().Kind, coverage.Single().What, coverage.Single().Status));

        var (kept, _) = Select("---\nneeds: [invest.private.KOR]\nor: [invest.private.USA]\n---\n# 투자\n");
        Assert.Equal("# 투자", kept[4]);

        var e = Assert.Throws<BuildFailedException>(() => Select("---\nwhat: 한국의 투자\nneeds: [invest.private.KOR]\nrequired: true\n---\n# 투자\n"));
        Assert.Equal("templates/brief/x.md.sbn:3:1: error: required section \"한국의 투자\" has no data in edition 2030: not computable: no invest.private.KOR",
            e.Diagnostics.Single().ToString());
    }

    [Theory]
    [InlineData(":::needs [gap.mmlu.end]\n- x\n:::end", "templates/brief/x.md.sbn:1:24: error: :::needs needs a Korean description after the list (the methodology note names what was left out with it)")]
    [InlineData(":::needs gap.mmlu.end 격차\n- x\n:::end", "templates/brief/x.md.sbn:1:1: error: :::needs expects a list of metric ids in brackets and a Korean description, e.g. :::needs [gap.mmlu.end] 미·중 MMLU 격차")]
    [InlineData(":::or [gap.arena.end] 격차\n:::end", "templates/brief/x.md.sbn:1:1: error: :::or without an open :::needs")]
    [InlineData("---\nneeds: [gap.arena.end]\ncolor: red\n---\n", "templates/brief/x.md.sbn:3:1: error: unknown front matter key \"color\" (known: what, needs, or, required)")]
    [InlineData(":::needs [invest.private.XYZ.count] 격차\n- x\n:::end", "templates/brief/x.md.sbn:1:11: error: unknown metric 'invest.private.XYZ.count' (did you mean 'invest.private.KOR'?); ids are listed in templates/VARIABLES.md")]
    public void Mistakes_in_the_declarations_are_located(string text, string error)
    {
        var e = Assert.Throws<BuildFailedException>(() => Select(text));
        Assert.Equal(error, e.Diagnostics.First().ToString());
    }

    [Fact]
    public void A_geography_this_edition_lacks_is_unavailable_not_unknown()
    {
        // invest.private.GBR is absent here but exists in editions that print Britain: the family (invest.private.{C}) is known,
        // and the reason is said with a member's label (here the id stands for it).
        var (lines, coverage) = Select(":::needs [invest.private.GBR] 영국의 투자\n- 영국\n:::end");

        Assert.Equal(BlockSelector.Removed, lines[1]);
        Assert.Equal("2030년판 자료에 ‘invest.private.KOR’ 값(영국)이 없음", coverage.Single().Reason);
    }
}
